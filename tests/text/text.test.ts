import { describe, expect, it } from 'vitest';
import {
  buildSnippet,
  exactForm,
  foldDiacritics,
  matchesLoosely,
  parseQuery,
  quotedQuery,
  tokenize,
  tokenizeWords,
} from '@hoso/text';

describe('normalization', () => {
  it('folds Vietnamese diacritics and đ', () => {
    expect(foldDiacritics('Hồ sơ vụ án')).toBe('ho so vu an');
    expect(foldDiacritics('Điều 173 BỘ LUẬT HÌNH SỰ')).toBe('dieu 173 bo luat hinh su');
    expect(foldDiacritics('Đak Pơ, Nguyễn Đức Mạnh')).toBe('dak po, nguyen duc manh');
    expect(foldDiacritics('ưƯơƠăĂâÂêÊôÔ')).toBe('uuooaaaaeeoo');
  });

  it('treats NFC and NFD input alike', () => {
    const nfd = 'Thắng Hường Quảng'.normalize('NFD');
    expect(foldDiacritics(nfd)).toBe('thang huong quang');
    expect(exactForm(nfd)).toBe('thắng hường quảng'.normalize('NFC'));
    expect(exactForm(nfd)).toBe(exactForm('THẮNG HƯỜNG QUẢNG'));
  });

  it('matches loosely for list filters', () => {
    expect(matchesLoosely('Lừa đảo chiếm đoạt tài sản', 'lua dao')).toBe(true);
    expect(matchesLoosely('Trộm cắp', 'cướp')).toBe(false);
  });
});

describe('tokenize', () => {
  it('splits on punctuation and keeps combining marks with their letter', () => {
    expect(tokenize('Số: 127/QĐ-VKSKV4').map((t) => t.exact)).toEqual(['số', '127', 'qđ', 'vkskv4']);
    expect(tokenize('Số: 127/QĐ-VKSKV4').map((t) => t.term)).toEqual(['so', '127', 'qd', 'vkskv4']);
    expect(tokenize('18.500.000 đồng').map((t) => t.term)).toEqual(['18', '500', '000', 'dong']);
    const nfd = tokenize('Điều'.normalize('NFD'));
    expect(nfd).toHaveLength(1);
    expect(nfd[0].exact).toBe('điều');
  });

  it('tags tokens with their word and running position', () => {
    const t = tokenizeWords(['"Trộm', 'cắp"', '12F1-345.67']);
    expect(t.map((x) => [x.term, x.word, x.position])).toEqual([
      ['trom', 0, 0],
      ['cap', 1, 1],
      ['12f1', 2, 2],
      ['345', 2, 3],
      ['67', 2, 4],
    ]);
    expect(t[0].start).toBe(1);
  });
});

describe('parseQuery', () => {
  it('splits terms and quoted phrases, curly quotes included', () => {
    const q = parseQuery('ho so “Điều 173” tội');
    expect(q.clauses.map((c) => [c.terms.join(' '), c.phrase])).toEqual([
      ['ho', false],
      ['so', false],
      ['dieu 173', true],
      ['toi', false],
    ]);
    expect(q.clauses[2].exact).toEqual(['điều', '173']);
  });

  it('drops duplicates and empty parts', () => {
    expect(parseQuery('ho ho "" ,').clauses).toHaveLength(1);
  });
});

describe('buildSnippet', () => {
  it('centres on the densest hits and highlights them', () => {
    const words = 'a b c d e f g h i j k l m n o p q r s t u v w x y z Điều 173 Bộ luật'.split(' ');
    const tokens = tokenizeWords(words);
    const s = buildSnippet(words, tokens, new Set([26, 27]), { windowWords: 8 });
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['Điều 173']);
  });

  it('starts at the beginning without hits', () => {
    const words = ['Hồ', 'sơ'];
    expect(buildSnippet(words, tokenizeWords(words), new Set())).toEqual({ text: 'Hồ sơ', highlights: [] });
  });
});

describe('quotedQuery (messages quote the query once)', () => {
  it('wraps a query in “…” and drops the quotes of a query that is one phrase', () => {
    expect(quotedQuery('ho so')).toBe('“ho so”');
    // Issue 9: `8 chữ khớp ""don to giac…"" trên trang`.
    expect(quotedQuery('"don to giac"')).toBe('“don to giac”');
    expect(quotedQuery('  “đơn tố giác”  ')).toBe('“đơn tố giác”');
    // Quotes inside a longer query belong to it.
    expect(quotedQuery('ho so "dieu 173"')).toBe('“ho so "dieu 173"”');
  });
});
