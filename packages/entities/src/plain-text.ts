import type { PageWords } from './types';

/**
 * Plain text as a page of words (one line per text line, boxes on a 12-point grid): to read a
 * text file or a born-digital paper with the same extractor, and to score it against OCR output.
 */
export function pageWordsFromText(text: string, pageId: string, documentId = pageId): PageWords {
  const words: { text: string; box: [number, number, number, number]; line: number }[] = [];
  text
    .normalize('NFC')
    .split(/\r?\n/)
    .forEach((line, li) => {
      // Columns of a signature block ("NGƯỜI KHAI      ĐIỀU TRA VIÊN") are separate lines, side by side.
      line.split(/\s{3,}/).forEach((column, ci) => {
        let x = ci * 60;
        for (const w of column.split(/\s+/).filter(Boolean)) {
          words.push({
            text: w,
            box: [x * 10, li * 50, (x + w.length) * 10, li * 50 + 40],
            line: li * 100 + ci,
          });
          x += w.length + 1;
        }
      });
    });
  return { pageId, documentId, words };
}
