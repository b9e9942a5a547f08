import type { Rotation } from '@hoso/contracts';
import type { Grey } from './ink';

/**
 * Page orientation and skew from a small binarized copy, by projection profiles: when the
 * dark pixels are projected across the text lines at the right angle, the profile alternates
 * sharply between lines and gaps, so the sum of squared bin counts peaks. Comparing the best
 * score of the horizontal and vertical axes finds sideways pages; the asymmetry of each text line
 * (ascenders and Vietnamese diacritics above the x-height band outweigh descenders below) tells
 * upright from upside down. Costs a few tens of milliseconds per page, no second OCR model.
 */
export interface PageLayout {
  /** Clockwise quarter turn that makes the page upright. */
  rotation: Rotation;
  /** Clockwise angle that straightens the upright page (the negative of its skew). */
  deskewDeg: number;
  /** >1: clearly more ink above lines' core than below; near 1: undecided. */
  uprightEvidence: number;
}

interface Points {
  xs: Float32Array;
  ys: Float32Array;
  n: number;
}

export function darkPoints(small: Grey): Points {
  const { data, width, height } = small;
  const t = otsu(data);
  let n = 0;
  for (let i = 0; i < data.length; i++) if (data[i] < t) n++;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  let k = 0;
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] < t) {
        xs[k] = x - cx;
        ys[k] = y - cy;
        k++;
      }
    }
  }
  return { xs, ys, n };
}

/** Profile across lines after straightening by `deg` (points at y = y0 + x·tanθ project to one bin). */
function profile(p: Points, deg: number): { bins: Float64Array; offset: number } {
  const th = (deg * Math.PI) / 180;
  const c = Math.cos(th);
  const s = Math.sin(th);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < p.n; i++) {
    const v = p.ys[i] * c - p.xs[i] * s;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const offset = Math.floor(lo);
  const bins = new Float64Array(Math.max(1, Math.ceil(hi) - offset + 1));
  for (let i = 0; i < p.n; i++) bins[Math.round(p.ys[i] * c - p.xs[i] * s) - offset]++;
  return { bins, offset };
}

export function score(p: Points, deg: number): number {
  const { bins } = profile(p, deg);
  let sq = 0;
  for (let i = 1; i < bins.length; i++) {
    const d = bins[i] - bins[i - 1];
    sq += d * d;
  }
  return sq;
}

function bestAngle(p: Points, from: number, to: number, step: number): { deg: number; score: number } {
  let best = { deg: 0, score: -1 };
  for (let d = from; d <= to + 1e-9; d += step) {
    const s = score(p, d);
    if (s > best.score) best = { deg: d, score: s };
  }
  return best;
}

/** Turns points clockwise by a quarter turn (screen coordinates, y down). */
function turn(p: Points, rotation: Rotation): Points {
  if (rotation === 0) return p;
  const xs = new Float32Array(p.n);
  const ys = new Float32Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const x = p.xs[i];
    const y = p.ys[i];
    if (rotation === 90) {
      xs[i] = -y;
      ys[i] = x;
    } else if (rotation === 180) {
      xs[i] = -x;
      ys[i] = -y;
    } else {
      xs[i] = y;
      ys[i] = -x;
    }
  }
  return { xs, ys, n: p.n };
}

/** Ink above each line's dense core divided by ink below it, summed over the page's lines. */
function ascenderRatio(p: Points, deg: number): number {
  const { bins } = profile(p, deg);
  let peak = 0;
  for (const b of bins) if (b > peak) peak = b;
  const gap = peak * 0.04;
  let above = 0;
  let below = 0;
  let i = 0;
  while (i < bins.length) {
    if (bins[i] <= gap) {
      i++;
      continue;
    }
    let j = i;
    let max = 0;
    while (j < bins.length && bins[j] > gap) max = Math.max(max, bins[j++]);
    if (j - i >= 4 && max > peak * 0.15) {
      let top = i;
      while (bins[top] < max * 0.5) top++;
      let bottom = j - 1;
      while (bins[bottom] < max * 0.5) bottom--;
      for (let k = i; k < top; k++) above += bins[k];
      for (let k = bottom + 1; k < j; k++) below += bins[k];
    }
    i = j;
  }
  return (above + 1) / (below + 1);
}

export function detectLayout(small: Grey, maxSkewDeg = 6): PageLayout {
  const points = darkPoints(small);
  if (points.n < 200) return { rotation: 0, deskewDeg: 0, uprightEvidence: 1 };
  const horizontal = bestAngle(points, -maxSkewDeg, maxSkewDeg, 0.5);
  const turned = turn(points, 90);
  const vertical = bestAngle(turned, -maxSkewDeg, maxSkewDeg, 0.5);
  let base: Rotation = vertical.score > horizontal.score * 1.15 ? 90 : 0;
  const p = base === 90 ? turned : points;
  const coarse = base === 90 ? vertical : horizontal;
  const fine = bestAngle(p, coarse.deg - 0.5, coarse.deg + 0.5, 0.05);
  const ratio = ascenderRatio(p, fine.deg);
  // A half turn keeps the slope of every line, so the skew found above stays valid.
  if (ratio < 1) base = base === 90 ? 270 : 180;
  const skew = fine.deg;
  const deskew = Math.abs(skew) < 0.3 ? 0 : Math.round(-skew * 100) / 100;
  return { rotation: base, deskewDeg: deskew, uprightEvidence: ratio >= 1 ? ratio : 1 / ratio };
}

function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]]++;
  const total = data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t];
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) {
      best = between;
      threshold = t + 1;
    }
  }
  return threshold;
}
