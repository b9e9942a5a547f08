import type { Raster } from '../decode/raster';

export interface Grey {
  data: Buffer;
  width: number;
  height: number;
  /** Pixels found to be seal or signature ink (and inpainted). */
  inkPixels?: number;
}

export interface InkOptions {
  /**
   * Red/blue excess (the ink channel minus the brighter other one) from which a pixel counts as
   * seal or signature ink that hides whatever was printed under it, and is inpainted. 0 turns
   * inpainting off (the ink is only lightened).
   */
  inpaintFrom?: number;
}

/**
 * Measured on the corpus' six sealed pages (ocr/bench/tune.ts --only v3, 250 dpi): word F1 0.9800
 * with the seal only lightened, 0.9856 inpainted from 60, 0.9860 from 30. 60 is kept: below it the
 * colour fringes JPEG leaves on black text over yellowed paper start to count as ink.
 */
export const DEFAULT_INPAINT_FROM = 60;
/** Gaps wider than this along a row or column are not bridged from that direction. */
const MAX_BRIDGE = 40;
/**
 * Seal ink is bright in its own channel; a pixel darker than this in every channel is a printed
 * stroke, even when reddish: JPEG's half-resolution chroma tints black letters next to (or under)
 * the ring, and lifting those pixels cut the letters the seal crosses ("k':ông", "nhrn"). Corpus v3
 * word F1 (tune.ts): 0.9899 without this test; 0.9909 / 0.9924 / 0.9920 / 0.9915 / 0.9920 with 90 /
 * 100 / 120 / 128 / 150. 120 sits in the middle of the plateau.
 */
const DARKEST_INK = 120;

/** The brightest channel: black text stays black, red or blue ink (bright in its own channel) goes light. */
function brightest(r: number, g: number, b: number): number {
  return r > g ? (r > b ? r : b) : g > b ? g : b;
}

/**
 * How far red (or blue) exceeds the other channels (≥ 0), 0 for pixels too dark to be seal ink. Only red
 * and blue count: yellowed paper (red + green over blue) must not lift the text.
 */
function inkExcess(r: number, g: number, b: number): number {
  if (brightest(r, g, b) < DARKEST_INK) return 0;
  const red = r - (g > b ? g : b);
  const blue = b - (r > g ? r : g);
  const excess = red > blue ? red : blue;
  return excess > 0 ? excess : 0;
}

/** Sampling grid of hasColouredInk: every 3rd pixel of every 3rd row still hits a 3-px pen stroke. */
const SAMPLE_STEP = 3;
/** Sampled ink pixels below this are JPEG colour noise on a grey page, not a seal or signature. */
const MIN_INK_SAMPLES = 8;

/**
 * Whether an RGB page carries seal or signature ink at all. Many scanners store grey pages as
 * colour JPEGs (the corpus' v1/v2/v5 are YCbCr with neutral chroma); those take the plain grey
 * conversion (~20-30 ms per A4 page at 300 dpi) instead of the ink pass (45-75 ms; more inpainting).
 */
export function hasColouredInk(raster: Raster): boolean {
  if (raster.channels === 1) return false;
  const { width, height, data } = raster;
  let found = 0;
  for (let y = 0; y < height; y += SAMPLE_STEP) {
    for (let i = y * width * 3; i < (y + 1) * width * 3; i += 3 * SAMPLE_STEP) {
      if (inkExcess(data[i], data[i + 1], data[i + 2]) >= DEFAULT_INPAINT_FROM && ++found >= MIN_INK_SAMPLES)
        return true;
    }
  }
  return false;
}

/**
 * Greyscale for recognition in which coloured ink disappears. Official seals are red and
 * signatures often blue; printed text is black. The brightest channel keeps black text black and
 * makes red or blue ink (bright in its own channel) light; a boost by how much red (or blue)
 * exceeds the other channels then lifts the anti-aliased rim of the seal that JPEG chroma
 * subsampling leaves half-coloured, without lightening text on yellowed paper.
 *
 * A stamp is opaque: where its rings cross a printed line the letters' strokes are gone, and merely
 * whitening the ring leaves letters cut in two ("ngưèi", "k' ông"). Strongly coloured pixels are
 * therefore inpainted from the nearest uncoloured pixels left/right and above/below, each
 * direction weighted by the inverse of its gap: a stroke cut across by a thin ring is rejoined,
 * while paper along the ring stays paper.
 */
export function suppressColouredInk(raster: Raster, opts: InkOptions = {}): Grey {
  const { width, height } = raster;
  if (raster.channels === 1) return { data: raster.data, width, height };
  if (!hasColouredInk(raster)) return { data: brightestChannel(raster), width, height };
  const inpaintFrom = opts.inpaintFrom ?? DEFAULT_INPAINT_FROM;
  const src = raster.data;
  const out = Buffer.allocUnsafe(width * height);
  const mask = inpaintFrom > 0 ? new Uint8Array(width * height) : undefined;
  let masked = 0;
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const ink = inkExcess(r, g, b);
    const v = brightest(r, g, b) + 2 * ink;
    out[j] = v > 255 ? 255 : v;
    if (mask && ink >= inpaintFrom) {
      mask[j] = 1;
      masked++;
    }
  }
  if (mask && masked > 0) inpaint(out, mask, width, height);
  return { data: out, width, height, inkPixels: masked };
}

/** The brightest of R, G, B per pixel: what the ink pass gives a pixel without red or blue excess. */
function brightestChannel({ data, width, height }: Raster): Buffer {
  const out = Buffer.allocUnsafe(width * height);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) out[j] = brightest(data[i], data[i + 1], data[i + 2]);
  return out;
}

/** Fills masked pixels from their nearest unmasked neighbours along the row and the column. */
function inpaint(grey: Buffer, mask: Uint8Array, width: number, height: number): void {
  const sum = new Float32Array(width * height);
  const weight = new Float32Array(width * height);
  bridge(grey, mask, sum, weight, width, height, 1, width);
  bridge(grey, mask, sum, weight, height, width, width, 1);
  for (let j = 0; j < mask.length; j++) {
    if (!mask[j]) continue;
    grey[j] = weight[j] > 0 ? Math.round(sum[j] / weight[j]) : 255;
  }
}

/**
 * One direction of the inpainting: walks `lines` lines of `length` pixels (pixel k of line l at
 * l·lineStep + k·step) and, for each run of masked pixels with known pixels at both ends, adds the
 * linear interpolation between them weighted by 1/run length.
 */
function bridge(
  grey: Buffer,
  mask: Uint8Array,
  sum: Float32Array,
  weight: Float32Array,
  length: number,
  lines: number,
  step: number,
  lineStep: number,
): void {
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    let k = 0;
    while (k < length) {
      if (!mask[base + k * step]) {
        k++;
        continue;
      }
      const start = k;
      while (k < length && mask[base + k * step]) k++;
      const run = k - start;
      if (start === 0 || k === length || run > MAX_BRIDGE) continue;
      const before = grey[base + (start - 1) * step];
      const after = grey[base + k * step];
      const w = 1 / (run + 1);
      for (let t = 0; t < run; t++) {
        const f = (t + 1) / (run + 1);
        const p = base + (start + t) * step;
        sum[p] += w * (before + (after - before) * f);
        weight[p] += w;
      }
    }
  }
}
