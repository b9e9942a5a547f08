import sharp from 'sharp';

/**
 * Blank-page detection for scanned batches (duplex backs, separator sheets). A page is blank when,
 * after removing what a blank sheet also shows, no mark is left that could be writing:
 *
 * - paper tone, uneven lighting and show-through from the front side are smooth: they are taken
 *   out by comparing each pixel with a blurred copy of the page (σ ≈ 2.7 mm), and show-through,
 *   which reaches the back diffused by the paper, has no sharp edges left for that comparison;
 * - scanner noise and dust are small: a mark must be a connected stroke of some length, dark
 *   enough somewhere (show-through that survives the comparison is faint everywhere);
 * - the sheet's edges (shadows, punched holes near the margin) are cut off.
 *
 * A faint pencil note or a lone page number is sharp-edged and long enough, so it counts as
 * writing: the detector's rule is to keep any page it is unsure of (a false drop loses evidence,
 * a missed blank costs one click). Measured in tests/scan/blank-page.test.ts.
 */
export interface BlankVerdict {
  blank: boolean;
  /** Pixels of the largest mark, and of all marks, at the working resolution (150 dpi). */
  largestMark: number;
  inkPixels: number;
}

/** Working resolution: a 10-point digit is still ~20 px tall, an A4 page ~2 Mpx. */
const WORK_DPI = 150;
/** Darker than the local background by this much (of 255) is a mark candidate. */
const INK_DELTA = 16;
/**
 * A mark must be this much darker somewhere: pencil on paper is 50+ levels, show-through of black
 * print, diffused by the sheet, stays under ~30.
 */
const MIN_PEAK = 36;
/** A mark at least this large (pixels at 150 dpi) is writing: a "1" at 9 pt is ~40. */
const MIN_MARK = 24;
/** Margin cut off each side (scanner edge shadows, holes): 4 % of the page. */
const MARGIN = 0.04;

export async function detectBlankPage(image: Uint8Array | Buffer, dpi: number): Promise<BlankVerdict> {
  const meta = await sharp(image).metadata();
  const scale = Math.min(1, WORK_DPI / Math.max(1, dpi));
  const width = Math.max(8, Math.round(meta.width * scale));
  const grey = sharp(image, { limitInputPixels: 400e6 }).removeAlpha().greyscale().resize({ width });
  const [{ data: page, info }, { data: background }] = await Promise.all([
    grey.clone().raw().toBuffer({ resolveWithObject: true }),
    grey
      .clone()
      .blur((WORK_DPI / 25.4) * 2.7)
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  return judge(page, background, info.width, info.height);
}

function judge(page: Buffer, background: Buffer, w: number, h: number): BlankVerdict {
  const x0 = Math.round(w * MARGIN);
  const y0 = Math.round(h * MARGIN);
  const x1 = w - x0;
  const y1 = h - y0;
  const ink = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * w + x;
      if (background[i] - page[i] > INK_DELTA) ink[i] = 1;
    }
  }
  // Lone noise pixels go: a mark pixel needs two mark neighbours (of 8).
  const kept = new Uint8Array(w * h);
  let inkPixels = 0;
  for (let y = y0 + 1; y < y1 - 1; y++) {
    for (let x = x0 + 1; x < x1 - 1; x++) {
      const i = y * w + x;
      if (!ink[i]) continue;
      const n =
        ink[i - w - 1] +
        ink[i - w] +
        ink[i - w + 1] +
        ink[i - 1] +
        ink[i + 1] +
        ink[i + w - 1] +
        ink[i + w] +
        ink[i + w + 1];
      if (n >= 2) {
        kept[i] = 1;
        inkPixels++;
      }
    }
  }
  const largestMark = largestComponent(kept, w, (i) => background[i] - page[i] >= MIN_PEAK);
  return { blank: largestMark < MIN_MARK, largestMark, inkPixels };
}

/**
 * Size of the largest 8-connected set of mark pixels (iterative flood fill) among the sets with at
 * least one pixel that `strong` accepts.
 */
function largestComponent(mask: Uint8Array, w: number, strong: (i: number) => boolean): number {
  let largest = 0;
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    stack.push(start);
    let size = 0;
    let hasStrong = false;
    while (stack.length) {
      const i = stack.pop()!;
      size++;
      hasStrong ||= strong(i);
      const x = i % w;
      for (let dy = -w; dy <= w; dy += w) {
        for (let dx = -1; dx <= 1; dx++) {
          const j = i + dy + dx;
          if (j < 0 || j >= mask.length || (dx === -1 && x === 0) || (dx === 1 && x === w - 1)) continue;
          if (mask[j] === 1) {
            mask[j] = 2;
            stack.push(j);
          }
        }
      }
    }
    if (hasStrong && size > largest) largest = size;
  }
  return largest;
}
