import { createRequire } from 'node:module';
import path from 'node:path';
import type { Box, OcrBlock, OcrLine } from '@hoso/contracts';
import { getDocument, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The 2D context pdfjs draws on (@napi-rs/canvas in Node); named through pdfjs, as there is no DOM here. */
type CanvasContext = NonNullable<Parameters<PDFPageProxy['render']>[0]['canvasContext']>;

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * Renders PDF pages for recognition with pdfjs-dist (its Node build draws on @napi-rs/canvas).
 * Rendering, rather than lifting the image XObject out, keeps whatever placement the page gives
 * its image (/Rotate, a rotating content matrix, several strips) so boxes land in the page's frame.
 */
export class PdfPages {
  private constructor(private readonly doc: PDFDocumentProxy) {}

  static async open(bytes: Uint8Array): Promise<PdfPages> {
    const doc = await getDocument({
      // pdfjs detaches the buffer it is given; hand it a copy so the PageSource keeps its bytes.
      data: new Uint8Array(bytes),
      standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts') + path.sep,
      cMapUrl: path.join(pdfjsDir, 'cmaps') + path.sep,
      cMapPacked: true,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    return new PdfPages(doc);
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  /** The page's size in pixels at `dpi`, as displayed (/Rotate applied). */
  async pageSize(pageIndex: number, dpi: number): Promise<{ widthPx: number; heightPx: number }> {
    const page = await this.doc.getPage(pageIndex + 1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    return { widthPx: Math.round(viewport.width), heightPx: Math.round(viewport.height) };
  }

  async hasText(pageIndex: number): Promise<boolean> {
    const page = await this.doc.getPage(pageIndex + 1);
    const content = await page.getTextContent();
    page.cleanup();
    return content.items.some((item) => 'str' in item && item.str.trim().length > 0);
  }

  /**
   * Renders a page as displayed (its /Rotate applied, or `rotation` instead: 0 gives the page's
   * unrotated frame) to RGB pixels at `dpi`.
   */
  async render(
    pageIndex: number,
    dpi: number,
    rotation?: number,
  ): Promise<{ data: Buffer; width: number; height: number; channels: 3 }> {
    const page = await this.doc.getPage(pageIndex + 1);
    const viewport = page.getViewport({ scale: dpi / 72, ...(rotation !== undefined ? { rotation } : {}) });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const factory = this.doc.canvasFactory as {
      create(
        w: number,
        h: number,
      ): { canvas: { getContext(t: '2d'): CanvasContext }; context: CanvasContext };
      destroy(c: unknown): void;
    };
    const target = factory.create(width, height);
    const ctx = target.context;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    await page.render({ canvas: target.canvas as unknown as HTMLCanvasElement, canvasContext: ctx, viewport })
      .promise;
    const rgba = ctx.getImageData(0, 0, width, height).data;
    factory.destroy(target);
    page.cleanup();
    const rgb = Buffer.allocUnsafe(width * height * 3);
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      rgb[j] = rgba[i];
      rgb[j + 1] = rgba[i + 1];
      rgb[j + 2] = rgba[i + 2];
    }
    return { data: rgb, width, height, channels: 3 };
  }

  /**
   * Words of a page's own text layer in the page frame (pixels at `dpi`, /Rotate applied). Each
   * text run is a line; its width is shared among its words by character count.
   */
  async words(pageIndex: number, dpi: number): Promise<OcrBlock[]> {
    const page = await this.doc.getPage(pageIndex + 1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const content = await page.getTextContent();
    page.cleanup();
    const lines: OcrLine[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const m = Util.transform(viewport.transform, item.transform) as number[];
      const fontPx = Math.hypot(m[2], m[3]);
      const widthPx = item.width * (dpi / 72);
      const [x0, y1] = [m[4], m[5]];
      const y0 = y1 - fontPx;
      const chars = item.str.length;
      const words: OcrLine['words'] = [];
      const re = /\S+/g;
      let match: RegExpExecArray | null;
      while ((match = re.exec(item.str))) {
        const a = x0 + (widthPx * match.index) / chars;
        const b = x0 + (widthPx * (match.index + match[0].length)) / chars;
        words.push({ text: match[0].normalize('NFC'), box: round([a, y0, b, y1]), confidence: 100 });
      }
      if (words.length) lines.push({ box: round([x0, y0, x0 + widthPx, y1]), words });
    }
    if (!lines.length) return [];
    const box: Box = [
      Math.min(...lines.map((l) => l.box[0])),
      Math.min(...lines.map((l) => l.box[1])),
      Math.max(...lines.map((l) => l.box[2])),
      Math.max(...lines.map((l) => l.box[3])),
    ];
    return [{ box, lines }];
  }

  async close(): Promise<void> {
    await this.doc.destroy();
  }
}

function round(b: Box): Box {
  return b.map((v) => Math.round(v * 100) / 100) as Box;
}
