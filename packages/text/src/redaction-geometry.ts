import type { Box } from './redaction-hits';

/**
 * Redaction boxes travel to the export as fractions of the page as displayed (the user's turn of
 * the page applied), the way courtroom boxes are kept: the same box then lands on the same words
 * whatever resolution the page is rendered at.
 */
export function frameBoxToDisplayed(
  box: Box,
  frame: { widthPx: number; heightPx: number },
  turn: 0 | 90 | 180 | 270 = 0,
): Box {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const [x0, y0, x1, y1] = [
    box[0] / frame.widthPx,
    box[1] / frame.heightPx,
    box[2] / frame.widthPx,
    box[3] / frame.heightPx,
  ].map(clamp);
  // A clockwise quarter turn sends (u, v) to (1 − v, u).
  const turned: Record<number, Box> = {
    0: [x0, y0, x1, y1],
    90: [1 - y1, x0, 1 - y0, x1],
    180: [1 - x1, 1 - y1, 1 - x0, 1 - y0],
    270: [y0, 1 - x1, y1, 1 - x0],
  };
  return turned[turn];
}

/** A box given as fractions of an inner region (both normalized) → fractions of the whole page. */
export function regionBoxToPage(box: Box, region: Box): Box {
  const w = region[2] - region[0];
  const h = region[3] - region[1];
  return [region[0] + box[0] * w, region[1] + box[1] * h, region[0] + box[2] * w, region[1] + box[3] * h];
}
