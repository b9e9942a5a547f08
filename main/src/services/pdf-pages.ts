import { createRequire } from 'node:module';
import path from 'node:path';
import { hostFail } from './host-error';

/** Resolution at which PDF pages are measured and rendered for display. */
export const PDF_DISPLAY_DPI = 200;

type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfjsModule> | undefined;
/** The 2D context pdfjs draws on (@napi-rs/canvas in Node); named through pdfjs, as there is no DOM here. */
type CanvasContext = NonNullable<
  Parameters<import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy['render']>[0]['canvasContext']
>;
// pdfjs is heavy; load it only when a PDF actually arrives.
const loadPdfjs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const require = createRequire(import.meta.url);
const standardFontDataUrl =
  path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

export async function openPdf(bytes: Uint8Array, name: string) {
  const { getDocument } = await loadPdfjs();
  try {
    // Copy: pdfjs transfers (detaches) the buffer it is given.
    const task = getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      standardFontDataUrl,
      verbosity: 0,
    });
    return await task.promise;
  } catch (err) {
    const errName = (err as Error).name;
    if (errName === 'PasswordException')
      return hostFail(
        'ENCRYPTED_PDF',
        `${name} is password-protected; remove the password and import it again.`,
        { file: name },
      );
    return hostFail('CORRUPT_PDF', `${name} is not a readable PDF (${(err as Error).message}).`, {
      file: name,
    });
  }
}

export type PdfPageInfo = { widthPx: number; heightPx: number; dpi: number; hasText: boolean };

export async function probePdf(bytes: Uint8Array, name: string): Promise<PdfPageInfo[]> {
  const doc = await openPdf(bytes, name);
  try {
    const pages: PdfPageInfo[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: PDF_DISPLAY_DPI / 72 });
      const text = await page.getTextContent();
      const hasText = text.items.some((item) => 'str' in item && item.str.trim().length > 0);
      pages.push({
        widthPx: Math.round(viewport.width),
        heightPx: Math.round(viewport.height),
        dpi: PDF_DISPLAY_DPI,
        hasText,
      });
      page.cleanup();
    }
    if (pages.length === 0) hostFail('CORRUPT_PDF', `${name} has no pages.`, { file: name });
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Renders one PDF page (0-based) to RGBA pixels at the display resolution. */
export async function renderPdfPage(bytes: Uint8Array, name: string, pageIndex: number) {
  const doc = await openPdf(bytes, name);
  try {
    if (pageIndex >= doc.numPages)
      hostFail('NOT_FOUND', `${name} has no page ${pageIndex + 1}.`, { file: name, page: pageIndex });
    const page = await doc.getPage(pageIndex + 1);
    const viewport = page.getViewport({ scale: PDF_DISPLAY_DPI / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    // Use pdfjs's own canvas factory: it resolves the @napi-rs/canvas build pdfjs was made for.
    const factory = (
      doc as unknown as {
        canvasFactory: {
          create(w: number, h: number): { canvas: unknown; context: CanvasContext };
        };
      }
    ).canvasFactory;
    const { canvas, context } = factory.create(width, height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas: canvas as HTMLCanvasElement, canvasContext: context, viewport }).promise;
    const rgba = context.getImageData(0, 0, width, height).data;
    return { width, height, rgba: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength) };
  } finally {
    await doc.destroy();
  }
}
