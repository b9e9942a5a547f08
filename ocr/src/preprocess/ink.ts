import type { Raster } from '../decode/raster';

export interface Grey {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Greyscale for recognition in which coloured ink disappears. Official seals are red and
 * signatures often blue; printed text is black. The brightest channel keeps black text black and
 * makes red or blue ink (bright in its own channel) light; a boost by how much red (or blue)
 * exceeds the other channels then lifts the anti-aliased rim of the seal that JPEG chroma
 * subsampling leaves half-coloured, without lightening text on yellowed paper. Black text under
 * a seal stays dark in every channel, so it is read rather than hidden.
 */
export function suppressColouredInk(raster: Raster): Grey {
  const { width, height } = raster;
  if (raster.channels === 1) return { data: raster.data, width, height };
  const src = raster.data;
  const out = Buffer.allocUnsafe(width * height);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    // Only red and blue stand out; yellowed paper (red + green over blue) must not lift the text.
    const red = r - (g > b ? g : b);
    const blue = b - (r > g ? r : g);
    const ink = red > blue ? red : blue;
    const v = ink > 0 ? max + 2 * ink : max;
    out[j] = v > 255 ? 255 : v;
  }
  return { data: out, width, height };
}
