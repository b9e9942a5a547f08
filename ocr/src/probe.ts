// The one page probe (@hoso/ocr/probe): format sniffing, resolution, size limits and page
// inspection, read by the CLI, the OCR pipeline and the host's file store alike, so a page is
// accepted on import exactly when OCR can read it (issue 12, item 2).
import sharp from 'sharp';
import { inspectBytes } from './decode/inspect';
import { MAX_PAGE_PIXELS } from './decode/limits';
import type { PdfPages } from './decode/pdf-render';
import { InputError, type InputFormat } from './types';

export { inferDpi, isPlausibleDpi } from './decode/dpi';
export { describeTooLarge, MAX_PAGE_PIXELS, MAX_PAGE_SIDE_PX, MAX_PDF_PAGE_PT } from './decode/limits';
export { inspectBytes, inspectFile, type BadPage, type FilePlan, type PagePlan } from './decode/inspect';
export type { PdfPages } from './decode/pdf-render';
export { sniffFormat } from './decode/sniff';
export { InputError, type InputFormat } from './types';

/** Opens a PDF for measuring and rendering; pdfjs is heavy, so it is loaded only when a PDF arrives. */
export async function openPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  const { PdfPages } = await import('./decode/pdf-render');
  return PdfPages.open(bytes);
}

export const MIME_BY_FORMAT: Record<InputFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
};

/**
 * Resolution at which PDF pages are measured and rendered for display. OCR renders them at the
 * resolution of their scanned image instead (pdfPageDpi); the physical size is the same.
 */
export const PDF_DISPLAY_DPI = 200;

/** A page as the host stores it: pixel size and resolution of the image it displays. */
export interface ProbedPage {
  index: number;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Born-digital PDF page that already carries text. */
  hasText: boolean;
}

/**
 * Every page of an input held in memory, or an InputError for the first page OCR could not read
 * (a file is accepted whole or not at all). Image pages keep their inferred resolution; PDF pages
 * are measured at `pdfDpi`, the resolution they are displayed at.
 */
export async function probePages(
  bytes: Uint8Array,
  name: string,
  opts: { pdfDpi?: number } = {},
): Promise<{ format: InputFormat; pages: ProbedPage[] }> {
  const plan = await inspectBytes(bytes, name);
  if (plan.bad.length > 0) throw plan.bad[0].error;
  if (plan.format === 'pdf') return { format: 'pdf', pages: await measurePdf(bytes, name, opts.pdfDpi) };
  // Headers can be whole while the pixels are not: decode the first page fully once.
  try {
    await sharp(bytes, { page: 0, limitInputPixels: MAX_PAGE_PIXELS, failOn: 'truncated' }).stats();
  } catch (err) {
    throw new InputError('corrupt-file', `${name}, page 1: damaged or truncated (${reason(err)})`, name, 1);
  }
  return {
    format: plan.format,
    pages: plan.pages.map((p) => ({
      index: p.pageInFile,
      widthPx: p.widthPx,
      heightPx: p.heightPx,
      dpi: p.dpi,
      hasText: false,
    })),
  };
}

async function measurePdf(bytes: Uint8Array, name: string, dpi = PDF_DISPLAY_DPI): Promise<ProbedPage[]> {
  let pdf: PdfPages;
  try {
    pdf = await openPdfPages(bytes);
  } catch (err) {
    throw new InputError('corrupt-file', `${name}: corrupt PDF (${reason(err)})`, name);
  }
  try {
    const pages: ProbedPage[] = [];
    for (let index = 0; index < pdf.pageCount; index++) {
      const size = await pdf.pageSize(index, dpi);
      pages.push({ index, ...size, dpi, hasText: await pdf.hasText(index) });
    }
    return pages;
  } finally {
    await pdf.close();
  }
}

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 160);
}
