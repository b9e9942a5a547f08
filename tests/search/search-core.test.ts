/**
 * @hoso/search on plain arrays: no IndexedDB, no Dexie. Pages become postings, postings are packed
 * into segments the way db/ stores them, and rankPages ranks them.
 */
import { describe, expect, it } from 'vitest';
import type { OcrPage } from '@hoso/contracts';
import {
  appendToSegment,
  matchedPositions,
  minSpan,
  packSegment,
  postingsForPage,
  rankPages,
  SEGMENT_PAGES,
  statsDelta,
  unpackSegment,
  withoutDocs,
  type SearchPosting,
  type TermSegment,
} from '@hoso/search';
import { parseQuery, queryTerms } from '@hoso/text';

/** A page of one line of words (geometry does not matter to the index). */
function page(text: string): OcrPage {
  const words = text
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({
      text: w,
      box: [i * 50, 0, i * 50 + 40, 40] as [number, number, number, number],
      confidence: 90,
    }));
  return {
    index: 0,
    source: { file: 'a.pdf', page: 0 },
    widthPx: 2480,
    heightPx: 3508,
    dpi: 300,
    rotation: 0,
    deskewDeg: 0,
    origin: 'ocr',
    lang: 'vie',
    meanConfidence: 90,
    blocks: [{ box: [0, 0, 2480, 40], lines: [{ box: [0, 0, 2480, 40], words }] }],
  };
}

/** An in-memory index of the given page texts, docNo = position + 1, one case. */
function buildIndex(texts: string[], caseId = 'c1') {
  const pages = texts.map((t, i) =>
    postingsForPage({ pageId: `p${i + 1}`, caseId, ocr: page(t), corrections: [], docNo: i + 1 }),
  );
  const byTerm = new Map<string, SearchPosting[]>();
  for (const p of pages.flat()) byTerm.set(p.term, [...(byTerm.get(p.term) ?? []), p]);
  let seal = 1;
  const segments = new Map<string, TermSegment[]>();
  for (const [term, postings] of byTerm)
    segments.set(
      term,
      appendToSegment(undefined, postings, () => seal++),
    );
  const stats = statsDelta(pages, 1).get(caseId)!;
  const search = (query: string, exact = false, window = { offset: 0, limit: 50 }) => {
    const q = parseQuery(query, exact);
    return rankPages(
      q,
      queryTerms(q).map((t) => segments.get(t) ?? []),
      stats,
      window,
    );
  };
  return { pages, segments, stats, search };
}

describe('postingsForPage', () => {
  it('folds diacritics into the term and keeps the exact forms where they differ', () => {
    const ps = postingsForPage({
      pageId: 'p',
      caseId: 'c',
      ocr: page('Điều 173 điều dieu'),
      corrections: [],
      docNo: 7,
    });
    const dieu = ps.find((p) => p.term === 'dieu')!;
    expect(dieu.positions).toEqual([0, 2, 3]);
    expect(dieu.exact).toEqual(['điều', 'điều', 'dieu']);
    expect(dieu.len).toBe(4);
    expect(dieu.docNo).toBe(7);
    expect(ps.find((p) => p.term === '173')!.exact).toBeUndefined();
  });
});

describe('segment packing', () => {
  const postings: SearchPosting[] = [
    { term: 'ho', pageId: '', docNo: 3, caseId: 'c', positions: [0, 5], exact: ['hồ', 'ho'], len: 9 },
    { term: 'ho', pageId: '', docNo: 8, caseId: 'c', positions: [2], len: 4 },
  ];

  it('round-trips postings through typed arrays, with the spellings', () => {
    const s = packSegment('ho', 'c', 0, postings);
    expect(s.docs).toBeInstanceOf(Uint32Array);
    expect(Array.from(s.starts)).toEqual([0, 2, 3]);
    expect(s.forms).toEqual(['ho', 'hồ']);
    expect(unpackSegment(s)).toEqual([{ ...postings[0] }, { ...postings[1], exact: ['ho'] }]);
  });

  it('omits the forms when every occurrence is spelled as the term', () => {
    const s = packSegment('ho', 'c', 0, [postings[1]]);
    expect(s.forms).toBeUndefined();
    expect(s.formIdx).toBeUndefined();
  });

  it('seals a segment every SEGMENT_PAGES pages and leaves the rest open under seg 0', () => {
    const many = Array.from({ length: SEGMENT_PAGES + 10 }, (_, i) => ({ ...postings[1], docNo: i + 1 }));
    let seal = 100;
    const writes = appendToSegment(undefined, many, () => seal++);
    expect(writes.map((w) => [w.seg, w.docs.length])).toEqual([
      [100, SEGMENT_PAGES],
      [0, 10],
    ]);
    // Appending to the open segment continues it.
    const more = appendToSegment(writes[1], [{ ...postings[1], docNo: 9999 }], () => seal++);
    expect(more).toHaveLength(1);
    expect(Array.from(more[0].docs).slice(-2)).toEqual([10 + SEGMENT_PAGES, 9999]);
  });

  it('an exact fill leaves an empty open segment behind', () => {
    const full = Array.from({ length: SEGMENT_PAGES }, (_, i) => ({ ...postings[1], docNo: i + 1 }));
    const writes = appendToSegment(undefined, full, () => 1);
    expect(writes.map((w) => [w.seg, w.docs.length])).toEqual([
      [1, SEGMENT_PAGES],
      [0, 0],
    ]);
  });

  it('withoutDocs: untouched, rewritten, or gone (the open segment stays, empty)', () => {
    const open = packSegment('ho', 'c', 0, postings);
    const sealed = packSegment('ho', 'c', 42, postings);
    expect(withoutDocs(open, new Set([1]))).toBe(open);
    expect(Array.from(withoutDocs(open, new Set([3]))!.docs)).toEqual([8]);
    expect(withoutDocs(sealed, new Set([3, 8]))).toBeNull();
    expect(withoutDocs(open, new Set([3, 8]))!.docs.length).toBe(0);
  });
});

describe('rankPages', () => {
  const texts = [
    'Căn cứ khoản 1 Điều 173 Bộ luật Hình sự năm 2015 về tội trộm cắp tài sản',
    'Hồ sơ vụ án gồm 02 tập. Bị can khai nhận hành vi trộm cắp tài sản. Hồ sơ được chuyển',
    'Điều tra viên ghi lời khai người làm chứng về sự việc',
    'Họ tên bị hại Lý Văn Quảng. Điều 174 không áp dụng. Ho so.',
  ];
  const ix = buildIndex(texts);

  it('is diacritic-insensitive by default and ranks more occurrences first', () => {
    const r = ix.search('ho so');
    expect(r.total).toBe(2);
    expect(r.pages.map((p) => p.docNo)).toEqual([2, 4]);
  });

  it('requires every clause (AND)', () => {
    expect(ix.search('dieu 173').pages.map((p) => p.docNo)).toEqual([1]);
    expect(ix.search('dieu xyzzy')).toEqual({ total: 0, pages: [] });
  });

  it('matches phrases by position, and exact mode keeps diacritics', () => {
    expect(
      ix
        .search('"trom cap tai san"')
        .pages.map((p) => p.docNo)
        .sort(),
    ).toEqual([1, 2]);
    expect(ix.search('"tai san trom"').total).toBe(0);
    expect(ix.search('hồ sơ', true).pages.map((p) => p.docNo)).toEqual([2]);
    expect(ix.search('Ho so', true).pages.map((p) => p.docNo)).toEqual([4]);
  });

  it('reports where the clauses matched, for highlighting', () => {
    const [hit] = ix.search('"dieu 173"').pages;
    expect(hit.matches).toEqual([{ starts: [4], length: 2 }]);
    expect([...matchedPositions(hit.matches)]).toEqual([4, 5]);
  });

  it('gives a proximity bonus: adjacent clauses outrank distant ones', () => {
    const near = buildIndex(['alpha beta x x x x x x x x x x', 'alpha x x x x x x x x x x beta']);
    expect(near.search('alpha beta').pages.map((p) => p.docNo)).toEqual([1, 2]);
    expect(
      minSpan([
        { starts: [0], length: 1 },
        { starts: [11], length: 1 },
      ]),
    ).toBe(12);
  });

  it('pages through results with offset and limit; total counts them all', () => {
    const all = ix.search('dieu');
    const second = ix.search('dieu', false, { offset: 1, limit: 1 });
    expect(second.total).toBe(all.total);
    expect(second.pages).toEqual([all.pages[1]]);
  });

  it('an empty query ranks nothing', () => {
    expect(ix.search('  ')).toEqual({ total: 0, pages: [] });
  });
});
