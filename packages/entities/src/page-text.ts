import type { Box } from '@hoso/contracts';
import { foldKeepingLength, repairOcrLookalikes } from '@hoso/text';
import type { PageWords } from './types';

/**
 * A page's words as one string (words joined by a space, lines by a newline) plus its
 * diacritic-folded twin of the same length, so a pattern can match the folded text (OCR drops and
 * swaps tone marks; users type without them) and the hit still maps back to the printed words and
 * their boxes.
 */
export interface PageText {
  text: string;
  folded: string;
  /** Word index at every character (-1 on separators). */
  wordAt: Int32Array;
  /** Start offset of each word in `text`. */
  starts: number[];
  words: { text: string; box: Box; line: number }[];
}

export function pageText(page: PageWords): PageText {
  const parts: string[] = [];
  const starts: number[] = [];
  const words = page.words.map((w) => ({ ...w, text: repairOcrLookalikes(w.text.normalize('NFC')) }));
  let at = 0;
  words.forEach((w, i) => {
    if (i > 0) {
      parts.push(w.line !== words[i - 1].line ? '\n' : ' ');
      at += 1;
    }
    starts.push(at);
    parts.push(w.text);
    at += w.text.length;
  });
  const text = parts.join('');
  const wordAt = new Int32Array(text.length).fill(-1);
  words.forEach((w, i) => wordAt.fill(i, starts[i], starts[i] + w.text.length));
  return { text, folded: foldKeepingLength(text), wordAt, starts, words };
}

/** The words a character range [start, end) covers. */
export function wordsOfRange(pt: PageText, start: number, end: number): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let c = start; c < end; c++) {
    const w = pt.wordAt[c];
    if (w < 0) continue;
    if (first < 0) first = w;
    last = w;
  }
  return first < 0 ? undefined : [first, last];
}

export function unionBox(pt: PageText, [first, last]: [number, number]): Box {
  let [x0, y0, x1, y1] = pt.words[first].box;
  for (let i = first + 1; i <= last; i++) {
    const b = pt.words[i].box;
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return [x0, y0, x1, y1];
}

/** The printed text of a word range, one space between words. */
export function textOfWords(pt: PageText, [first, last]: [number, number]): string {
  return pt.words
    .slice(first, last + 1)
    .map((w) => w.text)
    .join(' ');
}
