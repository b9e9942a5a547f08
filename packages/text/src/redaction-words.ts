import type { Box, LocatedWord } from './redaction-hits';

/**
 * The text layer that remains once boxes are blacked out: a word's characters under a box leave
 * (each character owns its share of the word's width, as the text layer stretches it), the rest of
 * the word stays as a shorter word with its own box. A box must cover a quarter of a word's height
 * to take its characters, so the padding of a box on one line never eats into the next.
 */
export function wordsOutsideBoxes<W extends LocatedWord>(lines: W[][], boxes: readonly Box[]): W[][] {
  return lines
    .map((line) => line.flatMap((word) => remainingParts(word, boxes)))
    .filter((line) => line.length > 0);
}

function remainingParts<W extends LocatedWord>(word: W, boxes: readonly Box[]): W[] {
  const [x0, y0, x1, y1] = word.box;
  const height = Math.max(1e-6, y1 - y0);
  const covering = boxes.filter(
    (b) => Math.min(b[3], y1) - Math.max(b[1], y0) >= 0.25 * height && b[0] < x1 && b[2] > x0,
  );
  if (covering.length === 0) return [word];
  const chars = [...word.text.normalize('NFC')];
  const unit = (x1 - x0) / Math.max(1, chars.length);
  const removed = chars.map((_, i) => {
    const [left, right] = [x0 + unit * i, x0 + unit * (i + 1)];
    // A third of a character under a box takes it: no half-hidden digit stays in the text.
    return covering.some((b) => Math.min(b[2], right) - Math.max(b[0], left) >= 0.35 * unit);
  });
  const parts: W[] = [];
  let start = -1;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && !removed[i]) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const text = chars.slice(start, i).join('').trim();
      if (/[\p{L}\p{N}]/u.test(text))
        parts.push({ ...word, text, box: [x0 + unit * start, y0, x0 + unit * i, y1] });
      start = -1;
    }
  }
  return parts;
}
