import sharp, { type Sharp } from 'sharp';
import type { Rotation } from '@hoso/contracts';
import type { Raster } from '../decode/raster';
import { suppressColouredInk, type Grey } from './ink';
import { detectLayout } from './layout';

/** What recognition sees, and how its pixels relate to the page frame of the contract. */
export interface PreparedPage {
  /** Binary PGM (P5) of the upright, straightened, cleaned page at recognition scale. */
  image: Buffer;
  /** Recognition pixels per frame pixel. */
  scale: number;
  rotation: Rotation;
  deskewDeg: number;
  /** The frame: the stored image turned by `rotation` (deskew keeps this size). */
  width: number;
  height: number;
}

export interface PrepareOptions {
  dpi: number;
  exifRotation: Rotation;
  /** Resolution recognition runs at when the scan is outside [minDpi, maxDpi]. */
  recognitionDpi?: number;
  minDpi?: number;
  maxDpi?: number;
  /**
   * The page was stored without lossy compression (PNG, TIFF, a rendered PDF page): it is read at
   * its own resolution up to RECOGNITION_DPI.maxLossless instead of being brought down to 250 dpi.
   * The downscale pays on JPEG scans, whose noise and ringing it smooths (held-out v1 word F1
   * 0.9867 at 250 dpi, 0.9606 at 300), but on a clean page it blurs small marks: the held-out clean
   * pages lost hook-above against circumflex ("hỏi" read "hổi", FreeMono) at 250 (0.9878, the CLI
   * 0.9894) and read 0.9894 at 300; corpus v0 0.9970 at 250, 0.9964 at 300 (CLI 0.9898).
   */
  lossless?: boolean;
  /** See InkOptions.inpaintFrom. */
  inpaintFrom?: number;
  /**
   * Tone treatment of the recognition copy: as scanned, contrast-stretched, or black and white.
   * Default: stretched for stamped pages, whose yellowed paper and removed seal ink leave the
   * grey copy low in contrast (v3 word F1 0.9885 → 0.9899), as scanned otherwise (stretching
   * unstamped scans measured 0.9959/0.9955/0.9961 vs 0.9960/0.9962/0.9969 on v1/v2/v5). The
   * stretch maps the 1st..99th grey percentiles to black..white; taken from the histogram of the
   * page in hand it costs ~200 ms less CPU per page than sharp's normalise() (v3 F1 0.9918 vs 0.9920).
   */
  contrast?: 'none' | 'normalise' | 'binarize';
}

/**
 * Measured on the corpus, word F1 over all 6 pages per degradation (ocr/bench/tune.ts, with the
 * case repair): 300-dpi scans read best brought down to 250 dpi (v0/v1/v2/v5 mean 0.9935 at 250,
 * 0.9930 at 220, 0.9916 at 200; 0.984 unscaled at 300 on v1), while 200-dpi faxes must not be
 * resampled: cubic upsampling blurs bilevel strokes (v4 0.9921 at 200, 0.9869 at 220).
 */
export const RECOGNITION_DPI = { target: 250, min: 200, max: 250, maxLossless: 300 };
/**
 * Long side of the copy the layout (quarter turn, skew) is read from. 1000 px finds the same turn
 * and skew as 1400 on every corpus and held-out page, upright and upside down (upright evidence
 * ≥ 2.5 against the 1.4 needed), in half the time (~25 ms less CPU per page).
 */
const ANALYSIS_LONG_SIDE = 1000;
/** Below this evidence the line-asymmetry test is no better than a guess: trust EXIF instead. */
const MIN_UPRIGHT_EVIDENCE = 1.4;

export async function prepareForRecognition(raster: Raster, opts: PrepareOptions): Promise<PreparedPage> {
  const grey = suppressColouredInk(raster, { inpaintFrom: opts.inpaintFrom });
  const layout = detectLayout(await downscale(grey, ANALYSIS_LONG_SIDE));
  const rotation = layout.uprightEvidence >= MIN_UPRIGHT_EVIDENCE ? layout.rotation : opts.exifRotation;
  const deskewDeg = layout.deskewDeg;
  const turned = rotation === 90 || rotation === 270;
  const width = turned ? grey.height : grey.width;
  const height = turned ? grey.width : grey.height;

  const {
    recognitionDpi = RECOGNITION_DPI.target,
    minDpi = RECOGNITION_DPI.min,
    maxDpi = opts.lossless ? RECOGNITION_DPI.maxLossless : RECOGNITION_DPI.max,
  } = opts;
  const scale = opts.dpi < minDpi || opts.dpi > maxDpi ? recognitionDpi / opts.dpi : 1;

  const angle = rotation + deskewDeg;
  const outWidth = Math.round(width * scale);
  const outHeight = Math.round(height * scale);
  let pipeline = raw(grey);
  if (deskewDeg === 0) {
    // A quarter turn alone is exact (no interpolation); sharp turns before it resizes.
    if (rotation !== 0) pipeline = pipeline.rotate(rotation);
    if (scale !== 1) pipeline = pipeline.resize(outWidth, outHeight, { kernel: 'cubic' });
  } else {
    // One affine pass for the quarter turn, the deskew and the scale: rotating at full size and
    // then resizing cost ~140 ms more CPU per skewed 300-dpi page. The transform grows the canvas
    // around the centre; cropping the centre back gives the contract's "same size" frame.
    const rad = (angle * Math.PI) / 180;
    const c = Math.cos(rad) * scale;
    const s = Math.sin(rad) * scale;
    const { data, info } = await pipeline
      .affine(
        [
          [c, -s],
          [s, c],
        ],
        { background: '#ffffff', interpolator: sharp.interpolators.bicubic },
      )
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    pipeline = raw({ data, width: info.width, height: info.height });
    if (info.width !== outWidth || info.height !== outHeight)
      pipeline = pipeline.extract({
        left: Math.max(0, Math.round((info.width - outWidth) / 2)),
        top: Math.max(0, Math.round((info.height - outHeight) / 2)),
        width: Math.min(outWidth, info.width),
        height: Math.min(outHeight, info.height),
      });
  }
  // A page is "stamped" when at least 0.02 % of it is seal or signature ink (the corpus seals: 0.2 %).
  const stamped = (grey.inkPixels ?? 0) > 0.0002 * grey.width * grey.height;
  const contrast = opts.contrast ?? (stamped ? 'normalise' : 'none');
  if (contrast === 'normalise' || contrast === 'binarize') {
    // Percentiles from the grey page in hand, applied as one linear map in the same libvips pass:
    // sharp's normalise() would run the rotate/resize pipeline twice (histogram, then output).
    const { low, high } = percentiles(grey.data, 0.01, 0.99);
    const gain = 255 / Math.max(1, high - low);
    pipeline = pipeline.linear(gain, -low * gain);
  }
  if (contrast === 'binarize') pipeline = pipeline.threshold(160);
  const { data, info } = await pipeline.toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
  return {
    image: toPgm({ data, width: info.width, height: info.height }),
    scale: info.width / width,
    rotation,
    deskewDeg,
    width,
    height,
  };
}

/** Grey levels below which the given fractions of pixels lie (a 256-bin histogram). */
export function percentiles(data: Uint8Array, lower: number, upper: number): { low: number; high: number } {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]]++;
  let low = 0;
  let high = 255;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v];
    if (seen <= lower * data.length) low = v + 1;
    if (seen >= upper * data.length) {
      high = v;
      break;
    }
  }
  return { low: Math.min(low, high), high };
}

function raw(g: Grey): Sharp {
  return sharp(g.data, { raw: { width: g.width, height: g.height, channels: 1 } });
}

async function downscale(g: Grey, longSide: number): Promise<Grey> {
  const f = Math.min(1, longSide / Math.max(g.width, g.height));
  const { data, info } = await raw(g)
    .resize(Math.max(1, Math.round(g.width * f)), Math.max(1, Math.round(g.height * f)))
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * Uncompressed PGM is the cheapest format Leptonica reads. The comment pads the header past
 * 500 bytes because tesseract.js scans the first 500 bytes for an EXIF orientation pattern and
 * could otherwise match pixel values.
 */
export function toPgm(g: Grey): Buffer {
  const header = Buffer.from(`P5\n#${' '.repeat(600)}\n${g.width} ${g.height}\n255\n`, 'latin1');
  return Buffer.concat([header, g.data.subarray(0, g.width * g.height)]);
}

/** The grey page a PGM from toPgm holds, without copying its pixels; undefined for anything else. */
export function readPgm(pgm: Buffer): Grey | undefined {
  const header = /^P5\n(?:#[^\n]*\n)?(\d+) (\d+)\n255\n/.exec(pgm.subarray(0, 1024).toString('latin1'));
  if (!header) return undefined;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = pgm.subarray(header[0].length);
  return data.length < width * height ? undefined : { data, width, height };
}
