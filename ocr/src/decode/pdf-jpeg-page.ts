import type { PageSource } from '../types';
import type { EmbeddedJpeg } from './pdf-structure';

/** What a scanned PDF page needs to be taken as its JPEG: a PagePlan or a queue PageJob. */
export interface JpegPagePlan {
  file: string;
  pageInFile: number;
  dpi: number;
  embeddedJpeg: EmbeddedJpeg;
}

/** The page's JPEG bytes out of the whole file's (a view, not a copy). */
export function embeddedJpegBytes(fileBytes: Uint8Array, jpeg: EmbeddedJpeg): Uint8Array {
  if (jpeg.offset + jpeg.length > fileBytes.length)
    throw new Error('the file is shorter than its page images');
  return fileBytes.subarray(jpeg.offset, jpeg.offset + jpeg.length);
}

/**
 * A scanned PDF page as the JPEG it is: decoded by sharp, embedded in the output as it was. Used
 * by `hoso ocr` (pipeline.ts), the queue worker and the queue submitter's writer alike, so a page
 * is probed once (pdf-structure.ts, fullPageJpeg) and taken the same way everywhere. Its EXIF
 * orientation, if any, is not applied (PDF viewers ignore it); the page's resolution is the
 * image's over the page.
 */
export function pdfJpegSource(page: JpegPagePlan, jpeg: Uint8Array, index: number): PageSource {
  const { width, height } = page.embeddedJpeg;
  return {
    file: page.file,
    pageInFile: page.pageInFile,
    index,
    format: 'jpeg',
    fileBytes: jpeg,
    widthPx: width,
    heightPx: height,
    dpi: page.dpi,
    exifRotation: 0,
    hasText: false,
    fromPdfJpeg: true,
  };
}
