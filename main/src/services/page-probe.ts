import type { StoredFilePage } from '@hoso/contracts';
import { readTiffBytes, SUPPORTED_TIFF_COMPRESSIONS } from '@hoso/ocr/tiff-directory';
import sharp from 'sharp';
import type { FileKind } from './file-kind';
import { hostFail } from './host-error';
import { probePdf } from './pdf-pages';

/** Above this many pixels a page is refused (a 60000 × 60000 header is a decompression bomb). */
export const MAX_PAGE_PIXELS = 200_000_000;
const COMMON_DPI = [100, 150, 200, 240, 300, 400, 600];

/**
 * A PNG without pHYs reports 72 dpi through sharp; an A4 scan would become a 34-inch page.
 * When the recorded density is missing or implausible, assume an A4-ish page (11.69 in long side)
 * and snap to the nearest common scanner resolution.
 */
export function inferDpi(recorded: number | undefined, widthPx: number, heightPx: number): number {
  const longSide = Math.max(widthPx, heightPx);
  if (recorded && recorded >= 100 && recorded <= 1200 && longSide / recorded < 20) return recorded;
  const raw = longSide / 11.69;
  return COMMON_DPI.reduce((best, d) => (Math.abs(d - raw) < Math.abs(best - raw) ? d : best), COMMON_DPI[0]);
}

async function probeImagePage(bytes: Uint8Array, name: string, page: number): Promise<StoredFilePage> {
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { page, limitInputPixels: false }).metadata();
  } catch (err) {
    return hostFail('CORRUPT_IMAGE', `${name} page ${page + 1} cannot be read (${(err as Error).message}).`, {
      file: name,
      page,
    });
  }
  const widthPx = meta.width ?? 0;
  const heightPx = meta.pageHeight ?? meta.height ?? 0;
  if (!widthPx || !heightPx)
    hostFail('CORRUPT_IMAGE', `${name} page ${page + 1} has no size.`, { file: name, page });
  if (widthPx * heightPx > MAX_PAGE_PIXELS)
    hostFail(
      'IMAGE_TOO_LARGE',
      `${name} page ${page + 1} is ${widthPx} × ${heightPx} pixels, too large to be a scan.`,
      { file: name, page },
    );
  // sharp reports density in pixels per inch whatever unit the file records it in.
  return { index: page, widthPx, heightPx, dpi: inferDpi(meta.density, widthPx, heightPx), hasText: false };
}

/**
 * libvips reads a TIFF's header whatever its compression and fails only when decoding pixels,
 * i.e. later, at OCR. The OCR package's directory reader knows which compressions decode: a page
 * in another one (JPEG 2000 = 34712, JBIG, …) is refused at import, naming the page.
 */
async function checkTiffCompressions(bytes: Uint8Array, name: string): Promise<void> {
  let pages: Awaited<ReturnType<typeof readTiffBytes>>;
  try {
    pages = await readTiffBytes(bytes);
  } catch (err) {
    return hostFail('CORRUPT_IMAGE', `${name} is damaged or truncated (${(err as Error).message}).`, {
      file: name,
    });
  }
  pages.forEach((p, page) => {
    if (!SUPPORTED_TIFF_COMPRESSIONS.has(p.compression))
      hostFail(
        'UNSUPPORTED_TIFF_COMPRESSION',
        `${name} page ${page + 1} uses TIFF compression ${p.compression}, which HoSo cannot read; save it as CCITT G4, LZW, Deflate or JPEG.`,
        { file: name, page },
      );
  });
}

/** Measures every page of a stored file. Throws HostFailure naming the file/page on bad input. */
export async function probePages(bytes: Uint8Array, kind: FileKind, name: string): Promise<StoredFilePage[]> {
  if (kind === 'pdf') {
    const pages = await probePdf(bytes, name);
    return pages.map((p, index) => ({ index, ...p }));
  }
  let count = 1;
  if (kind === 'tiff') await checkTiffCompressions(bytes, name);
  if (kind === 'tiff') {
    try {
      count = (await sharp(bytes, { limitInputPixels: false }).metadata()).pages ?? 1;
    } catch (err) {
      return hostFail('CORRUPT_IMAGE', `${name} cannot be read (${(err as Error).message}).`, { file: name });
    }
  }
  const pages: StoredFilePage[] = [];
  for (let page = 0; page < count; page++) pages.push(await probeImagePage(bytes, name, page));
  // Decode one page fully: a truncated JPEG has a valid header but no pixels.
  try {
    await sharp(bytes, { page: 0, limitInputPixels: MAX_PAGE_PIXELS, failOn: 'truncated' }).stats();
  } catch (err) {
    hostFail('CORRUPT_IMAGE', `${name} is damaged or truncated (${(err as Error).message}).`, {
      file: name,
      page: 0,
    });
  }
  return pages;
}
