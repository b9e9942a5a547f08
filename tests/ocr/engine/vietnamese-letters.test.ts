import { describe, expect, it } from 'vitest';
import { toOcrBlocks } from '../../../ocr/src/recognize/to-page';
import type { TsvBlock } from '../../../ocr/src/recognize/tsv';
import { isVietnameseText, toVietnameseLetters } from '../../../ocr/src/recognize/vietnamese-letters';

/** One line of words as Tesseract might read them, through the same repairs as the pipeline. */
function readLine(...texts: string[]): string {
  const bbox = { x0: 0, y0: 0, x1: 10, y1: 10 };
  const block: TsvBlock = {
    bbox,
    lines: [
      {
        bbox,
        words: texts.map((text, i) => ({
          text,
          confidence: 90,
          bbox: { ...bbox, x0: i * 20, x1: i * 20 + 15 },
        })),
      },
    ],
  };
  return toOcrBlocks([block], 1, { width: 1000, height: 1000 })[0]
    .lines[0].words.map((w) => w.text)
    .join(' ');
}

describe('Vietnamese letters only', () => {
  it('maps the Icelandic eth to the Vietnamese Đ, so a search for "Điều" finds it', () => {
    expect(toVietnameseLetters('Ðiều')).toBe('Điều');
    expect(toVietnameseLetters('ðồng')).toBe('đồng');
    expect(readLine('Ðiều', '173')).toBe('Điều 173');
  });

  it('reads "ÿ" beside a capitalized name as the name Y, and leaves a real "y" alone', () => {
    expect(readLine('Ksor', 'ÿ', 'Phúc')).toBe('Ksor Y Phúc');
    expect(readLine('ông', 'ÿ', 'Bih')).toBe('ông Y Bih');
    expect(readLine('tuyên', 'y', 'án')).toBe('tuyên y án');
  });

  it('brings Cyrillic, Greek and other European letters back to Latin', () => {
    expect(toVietnameseLetters('Mаi')).toBe('Mai'); // Cyrillic а
    expect(toVietnameseLetters('ΚΗΟΑ')).toBe('KHOA'); // Greek capitals
    expect(toVietnameseLetters('Noël')).toBe('Noel');
    expect(toVietnameseLetters('æ')).toBe('ae');
    for (const w of ['Ðiều', 'ÿ', 'ß', 'æ', 'Ж', 'λ', 'ñ', 'Ł'])
      expect(isVietnameseText(toVietnameseLetters(w))).toBe(true);
  });

  it('keeps every Vietnamese letter as it is, in NFC', () => {
    const all =
      'ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ ăâđêôơư ĂÂĐÊÔƠƯ';
    for (const w of all.split(' ')) expect(toVietnameseLetters(w)).toBe(w);
    expect(toVietnameseLetters('Nghĩa'.normalize('NFD'))).toBe('Nghĩa');
  });

  it("restores the apostrophe of H'Nhi-style names, not of abbreviations in capitals", () => {
    expect(readLine('bà', 'HNhi.')).toBe("bà H'Nhi.");
    expect(readLine('HHen', 'Niê')).toBe("H'Hen Niê");
    expect(readLine("H'Hen", 'Niê')).toBe("H'Hen Niê");
    expect(readLine('Hʼnhi')).toBe("H'nhi"); // a modifier-letter apostrophe is a letter: made ASCII
    expect(readLine('HĐND', 'HĐXX', 'Hùng')).toBe('HĐND HĐXX Hùng');
  });
});
