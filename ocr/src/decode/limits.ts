/**
 * Decompression-bomb guards. A4 at 600 dpi is 35 megapixels and A3 at 600 dpi 70; anything far
 * beyond is a hostile or broken header (e.g. a 60000 × 60000 PNG of a few kilobytes) that would
 * exhaust memory when decoded.
 */
export const MAX_PAGE_PIXELS = 150_000_000;
export const MAX_PAGE_SIDE_PX = 30_000;
/** PDF pages larger than this (in points, 100 inches) are not paper. */
export const MAX_PDF_PAGE_PT = 7_200;

export function describeTooLarge(width: number, height: number): string | undefined {
  if (width > MAX_PAGE_SIDE_PX || height > MAX_PAGE_SIDE_PX || width * height > MAX_PAGE_PIXELS) {
    const mp = Math.round((width * height) / 1e6);
    return `image is ${width} × ${height} pixels (${mp} megapixels), over the ${MAX_PAGE_PIXELS / 1e6}-megapixel limit for a scanned page (possible decompression bomb)`;
  }
  return undefined;
}
