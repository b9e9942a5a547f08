import type { Box, OcrBlock, OcrLine, OcrWord } from '@hoso/contracts';
import { dropGapDots } from './gap-dots';
import { splitMergedWord } from './merged-words';
import type { TsvBlock, TsvBox } from './tsv';
import { repairCapitalizedWord, repairVietnameseCase } from './vietnamese-case';
import { repairMinorityName, toVietnameseLetters } from './vietnamese-letters';

/**
 * Turns the recognized blocks (in the pixels tesseract was fed; see tsv.ts) into contract blocks in the page frame:
 * recognition may run on a scaled copy, so boxes are divided by `scale` and clamped to the frame.
 * Words get the model's Vietnamese letter-case slips repaired (see vietnamese-case.ts) and two
 * syllables read as one word split (merged-words.ts), dots read into a column gap dropped (gap-dots.ts),
 * letters outside Vietnamese mapped back and minority names repaired (vietnamese-letters.ts).
 */
export function toOcrBlocks(
  page: TsvBlock[],
  scale: number,
  frame: { width: number; height: number },
): OcrBlock[] {
  const box = (b: TsvBox): Box => [
    clamp(round2(b.x0 / scale), frame.width),
    clamp(round2(b.y0 / scale), frame.height),
    clamp(round2(b.x1 / scale), frame.width),
    clamp(round2(b.y1 / scale), frame.height),
  ];
  const blocks: OcrBlock[] = [];
  for (const block of page) {
    const lines: OcrLine[] = [];
    for (const line of block.lines) {
      const words: OcrWord[] = [];
      /** What Tesseract read for each word, before any repair. */
      const reads: string[] = [];
      for (const word of line.words) {
        const read = word.text.normalize('NFC').trim();
        const text = repairVietnameseCase(toVietnameseLetters(read));
        if (!text) continue;
        const ocrWord = {
          text,
          box: box(word.bbox),
          confidence: Math.max(0, Math.min(100, word.confidence)),
        };
        const parts = splitIfMerged(ocrWord);
        words.push(...parts);
        reads.push(...parts.map(() => read));
      }
      for (let i = 0; i < words.length; i++) {
        const [prev, next] = [words[i - 1]?.text, words[i + 1]?.text];
        let text = repairCapitalizedWord(words[i].text, prev, next);
        text = repairMinorityName(text, reads[i], prev, next);
        if (text !== words[i].text) words[i] = { ...words[i], text };
      }
      const lineBox = box(line.bbox);
      if (words.length > 0) lines.push({ box: lineBox, words: dropGapDots(words, lineBox[3] - lineBox[1]) });
    }
    if (lines.length > 0) blocks.push({ box: box(block.bbox), lines });
  }
  return blocks;
}

/** Two words for a merged pair, the box divided in proportion to their letters. */
function splitIfMerged(word: OcrWord): OcrWord[] {
  const parts = splitMergedWord(word.text);
  if (!parts) return [word];
  const [x0, y0, x1, y1] = word.box;
  const total = [...parts[0]].length + [...parts[1]].length;
  const cut = round2(x0 + ((x1 - x0) * [...parts[0]].length) / total);
  return [
    { ...word, text: parts[0], box: [x0, y0, cut, y1] },
    { ...word, text: parts[1], box: [cut, y0, x1, y1] },
  ];
}

export function meanConfidence(blocks: OcrBlock[]): number {
  let sum = 0;
  let n = 0;
  for (const b of blocks)
    for (const l of b.lines)
      for (const w of l.words) {
        sum += w.confidence;
        n++;
      }
  return n === 0 ? 0 : Math.round((sum / n) * 100) / 100;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

function clamp(v: number, max: number): number {
  return Math.max(0, Math.min(max, v));
}
