import type { OcrPage, OcrWord } from '@hoso/contracts';
import type { WordCorrection } from './case';

/** Address of one OCR word inside an OcrPage. */
export interface WordAddress {
  block: number;
  line: number;
  word: number;
}

export interface AddressedWord extends OcrWord, WordAddress {
  /** Reading-order index of the word on the page. */
  index: number;
  corrected: boolean;
}

/**
 * The page's words in reading order with the user's corrections applied — the one view of a page's
 * text that search, the viewer overlay and export all use. A correction to an empty string removes
 * the word (an OCR speck read as a letter).
 */
export function effectiveWordsOf(
  ocr: OcrPage | undefined,
  corrections?: readonly WordCorrection[],
): AddressedWord[] {
  if (!ocr) return [];
  const fixes = new Map((corrections ?? []).map((c) => [`${c.block}/${c.line}/${c.word}`, c.text]));
  const out: AddressedWord[] = [];
  ocr.blocks.forEach((b, block) =>
    b.lines.forEach((l, line) =>
      l.words.forEach((w, word) => {
        const fix = fixes.get(`${block}/${line}/${word}`);
        const text = (fix ?? w.text).normalize('NFC');
        if (fix !== undefined && text.trim() === '') return;
        out.push({ ...w, text, block, line, word, index: out.length, corrected: fix !== undefined });
      }),
    ),
  );
  return out;
}

/** The page as text lines (corrections applied), for metadata detection and plain-text export. */
export function pageLines(ocr: OcrPage | undefined, corrections?: readonly WordCorrection[]): string[] {
  const words = effectiveWordsOf(ocr, corrections);
  const lines: string[] = [];
  let key = '';
  for (const w of words) {
    const k = `${w.block}/${w.line}`;
    if (k !== key) {
      lines.push(w.text);
      key = k;
    } else lines[lines.length - 1] += ` ${w.text}`;
  }
  return lines;
}
