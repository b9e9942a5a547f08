import type Tesseract from 'tesseract.js';
import type { Box, OcrBlock, OcrLine, OcrWord } from '@hoso/contracts';
import { repairCapitalizedWord, repairVietnameseCase } from './vietnamese-case';

/**
 * Turns tesseract.js blocks (in the pixels it was fed) into contract blocks in the page frame:
 * recognition may run on a scaled copy, so boxes are divided by `scale` and clamped to the frame.
 * Words get the model's Vietnamese letter-case slips repaired (see vietnamese-case.ts).
 */
export function toOcrBlocks(
  page: Tesseract.Page,
  scale: number,
  frame: { width: number; height: number },
): OcrBlock[] {
  const box = (b: Tesseract.Bbox): Box => [
    clamp(round2(b.x0 / scale), frame.width),
    clamp(round2(b.y0 / scale), frame.height),
    clamp(round2(b.x1 / scale), frame.width),
    clamp(round2(b.y1 / scale), frame.height),
  ];
  const blocks: OcrBlock[] = [];
  for (const block of page.blocks ?? []) {
    const lines: OcrLine[] = [];
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        const words: OcrWord[] = [];
        for (const word of line.words) {
          const text = repairVietnameseCase(word.text.normalize('NFC').trim());
          if (!text) continue;
          words.push({ text, box: box(word.bbox), confidence: Math.max(0, Math.min(100, word.confidence)) });
        }
        for (let i = 0; i < words.length; i++) {
          const text = repairCapitalizedWord(words[i].text, words[i - 1]?.text, words[i + 1]?.text);
          if (text !== words[i].text) words[i] = { ...words[i], text };
        }
        if (words.length > 0) lines.push({ box: box(line.bbox), words });
      }
    }
    if (lines.length > 0) blocks.push({ box: box(block.bbox), lines });
  }
  return blocks;
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
