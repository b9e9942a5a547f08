import type { Grey } from '../preprocess/ink';

/**
 * The prepared page as native Tesseract reads it fastest: a baseline uncompressed TIFF, one strip,
 * 1-bit when the page holds only black and white (a fax or a G4 scan that was not resampled), else
 * 8-bit grey. Measured on a 250-dpi corpus page pinned to one core: Leptonica reads PGM a pixel at a
 * time (1.38 s CPU for the whole recognition from a PGM file, 1.26 s from this TIFF), and the
 * 1-bit page skips Tesseract's grey thresholding (~0.15 s of a fax page's 1.1 s, same TSV).
 *
 * Hand-written rather than sharp's TIFF writer: the header is 174 fixed bytes and the pixels are
 * the PGM's own, so a grey page costs no encoding at all (sharp: 22 ms per page).
 */
export function pageTiff(g: Grey, dpi: number): Buffer[] {
  const bits = packBilevel(g);
  const pixels = bits ?? g.data.subarray(0, g.width * g.height);
  return [tiffHeader(g.width, g.height, bits ? 1 : 8, dpi, pixels.length), pixels];
}

const TAGS = 12;
const IFD_AT = 8;
const RATIONALS_AT = IFD_AT + 2 + TAGS * 12 + 4;
const PIXELS_AT = RATIONALS_AT + 16;

function tiffHeader(width: number, height: number, bitsPerSample: 1 | 8, dpi: number, bytes: number): Buffer {
  const h = Buffer.alloc(PIXELS_AT);
  h.write('II', 0, 'latin1');
  h.writeUInt16LE(42, 2);
  h.writeUInt32LE(IFD_AT, 4);
  h.writeUInt16LE(TAGS, IFD_AT);
  const SHORT = 3;
  const LONG = 4;
  const RATIONAL = 5;
  // Tags in ascending order, as TIFF 6.0 requires.
  const entries: Array<[tag: number, type: number, value: number]> = [
    [256, LONG, width],
    [257, LONG, height],
    [258, SHORT, bitsPerSample],
    [259, SHORT, 1], // no compression
    // 1-bit: WhiteIsZero, so a set bit is ink (as in PBM); 8-bit: BlackIsZero, grey as it is.
    [262, SHORT, bitsPerSample === 1 ? 0 : 1],
    [273, LONG, PIXELS_AT],
    [277, SHORT, 1],
    [278, LONG, height],
    [279, LONG, bytes],
    [282, RATIONAL, RATIONALS_AT],
    [283, RATIONAL, RATIONALS_AT + 8],
    [296, SHORT, 2], // inches
  ];
  entries.forEach(([tag, type, value], i) => {
    const at = IFD_AT + 2 + i * 12;
    h.writeUInt16LE(tag, at);
    h.writeUInt16LE(type, at + 2);
    h.writeUInt32LE(1, at + 4);
    if (type === SHORT) h.writeUInt16LE(value, at + 8);
    else h.writeUInt32LE(value, at + 8);
  });
  h.writeUInt32LE(0, IFD_AT + 2 + TAGS * 12); // no next IFD
  for (const at of [RATIONALS_AT, RATIONALS_AT + 8]) {
    h.writeUInt32LE(Math.round(dpi), at);
    h.writeUInt32LE(1, at + 4);
  }
  return h;
}

/**
 * A black-and-white page as 1-bit PBM (P4) for tesseract.js, which reads no TIFF: an eighth of
 * the PGM's bytes for Leptonica to read, and no grey thresholding. Undefined for a grey page. The
 * comment pads the header past 500 bytes, as toPgm does: tesseract.js looks for an EXIF
 * orientation pattern in the first 500 bytes and could otherwise match pixel bits.
 */
export function pagePbm(g: Grey): Buffer | undefined {
  const bits = packBilevel(g);
  if (!bits) return undefined;
  return Buffer.concat([Buffer.from(`P4\n#${' '.repeat(600)}\n${g.width} ${g.height}\n`, 'latin1'), bits]);
}

/** The page as 1-bit rows (1 = black, rows padded to a byte), or undefined at its first grey pixel. */
export function packBilevel(g: Grey): Buffer | undefined {
  const { data, width, height } = g;
  const rowBytes = (width + 7) >> 3;
  const bits = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const v = data[row + x];
      if (v === 0) bits[out + (x >> 3)] |= 0x80 >> (x & 7);
      else if (v !== 255) return undefined;
    }
  }
  return bits;
}
