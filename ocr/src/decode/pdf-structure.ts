import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
  type PDFPage,
} from 'pdf-lib';
import { quietPdfLib } from './quiet-pdf-lib';

/**
 * What we need to know about a PDF without rendering it: encryption, page count, page sizes,
 * /Rotate, and the pixel size of the page's images (to choose a render resolution and to refuse
 * decompression bombs). pdf-lib parses structure only; nothing is decoded.
 */
export interface PdfPageInfo {
  widthPt: number;
  heightPt: number;
  rotate: number;
  /** Largest image drawn on the page (pixel size), if any. */
  image?: { width: number; height: number };
  /**
   * A scanner's page: its whole content is one JPEG drawn over the full page, no text. Where its
   * bytes lie in the file, so OCR reads that range and decodes it with sharp instead of rendering
   * the page with pdf.js (a render holds the document and an RGBA canvas; this holds one JPEG).
   */
  embeddedJpeg?: EmbeddedJpeg;
}

export interface EmbeddedJpeg {
  offset: number;
  length: number;
  width: number;
  height: number;
}

/**
 * pdf-lib copies every stream's bytes out of the file as it parses (ByteStream.slice); a view whose
 * slice() is subarray() makes them views instead, so a parse holds the file once and a stream's
 * byteOffset is its place in the file.
 */
class SharedBytes extends Uint8Array {
  override slice(start?: number, end?: number): Uint8Array<ArrayBuffer> {
    return this.subarray(start, end) as Uint8Array<ArrayBuffer>;
  }
}

export async function readPdfStructure(
  bytes: Uint8Array,
): Promise<{ encrypted: boolean; pages: PdfPageInfo[] }> {
  const view = new SharedBytes(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  const doc = await quietPdfLib(() =>
    PDFDocument.load(view, { ignoreEncryption: true, updateMetadata: false }),
  );
  if (doc.isEncrypted) return { encrypted: true, pages: [] };
  const pages = doc.getPages().map((page): PdfPageInfo => {
    const box = page.getCropBox();
    let image: PdfPageInfo['image'];
    for (const img of imagesOf(page.node.Resources(), 0)) {
      if (!image || img.width * img.height > image.width * image.height) image = img;
    }
    const rotate = ((page.getRotation().angle % 360) + 360) % 360;
    const embeddedJpeg = rotate === 0 ? fullPageJpeg(page, view) : undefined;
    return {
      widthPt: box.width,
      heightPt: box.height,
      rotate,
      image,
      ...(embeddedJpeg ? { embeddedJpeg } : {}),
    };
  });
  return { encrypted: false, pages };
}

function imagesOf(resources: PDFDict | undefined, depth: number): { width: number; height: number }[] {
  const out: { width: number; height: number }[] = [];
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects || depth > 3) return out;
  for (const [, ref] of xobjects.entries()) {
    const obj = xobjects.context.lookup(ref);
    const dict = obj instanceof PDFStream || obj instanceof PDFRawStream ? obj.dict : undefined;
    if (!dict) continue;
    const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName);
    if (subtype === PDFName.of('Image')) {
      const w = dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
      const h = dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
      out.push({ width: w, height: h });
    } else if (subtype === PDFName.of('Form')) {
      out.push(...imagesOf(dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1));
    }
  }
  return out;
}

/**
 * The image a scanner's page draws and its matrix: the content holds only q/Q, `cm` and one `Do`
 * (pdf-lib and scanners write several `cm`: translate, rotate, scale). Undefined for anything else.
 */
function soleDrawing(content: string): { name: string; m: number[] } | undefined {
  const tokens = content.split(/\s+/).filter(Boolean);
  let m = [1, 0, 0, 1, 0, 0];
  let name: string | undefined;
  const operands: string[] = [];
  for (const t of tokens) {
    if (t === 'q' || t === 'Q') {
      if (operands.length) return undefined;
    } else if (t === 'cm') {
      const [a, b, c, d, e, f] = operands.splice(0).map(Number);
      if (![a, b, c, d, e, f].every(Number.isFinite) || name) return undefined;
      // The new matrix applies first, then the current one.
      m = [
        a * m[0] + b * m[2],
        a * m[1] + b * m[3],
        c * m[0] + d * m[2],
        c * m[1] + d * m[3],
        e * m[0] + f * m[2] + m[4],
        e * m[1] + f * m[3] + m[5],
      ];
    } else if (t === 'Do') {
      const op = operands.splice(0);
      if (name || op.length !== 1 || !op[0].startsWith('/')) return undefined;
      name = op[0].slice(1);
    } else if (/^[-+.\d/]/.test(t)) operands.push(t);
    else return undefined;
  }
  return name && !operands.length ? { name, m } : undefined;
}

const GREY_OR_RGB = new Set(['DeviceGray', 'DeviceRGB']);

/**
 * The page's JPEG when the page is nothing but that JPEG, upright over the whole crop box, in grey
 * or RGB, with nothing (mask, /Decode, text, second image) that a render would draw differently.
 */
function fullPageJpeg(page: PDFPage, file: Uint8Array): EmbeddedJpeg | undefined {
  const resources = page.node.Resources();
  // An empty /Font (pdf-lib writes one) draws no text.
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!resources || (fonts && fonts.entries().length > 0)) return undefined;
  const content = contentText(page);
  const drawing = content === undefined ? undefined : soleDrawing(content);
  if (!drawing) return undefined;
  const [w, b, c, h, x, y] = drawing.m;
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6) return undefined;
  const box = page.getCropBox();
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  if (!(near(w, box.width) && near(h, box.height) && near(x, box.x) && near(y, box.y))) return undefined;
  const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects || xobjects.entries().length !== 1) return undefined;
  const stream = xobjects.lookup(PDFName.of(drawing.name));
  if (!(stream instanceof PDFRawStream)) return undefined;
  const d = stream.dict;
  const name = (key: string) => d.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();
  const filter = d.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : [filter];
  const dct = filters.length === 1 && filters[0] === PDFName.of('DCTDecode');
  const plain =
    name('Subtype') === 'Image' &&
    GREY_OR_RGB.has(name('ColorSpace') ?? '') &&
    d.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber() === 8 &&
    !d.has(PDFName.of('Decode')) &&
    !d.has(PDFName.of('SMask')) &&
    !d.has(PDFName.of('Mask')) &&
    !d.has(PDFName.of('ImageMask'));
  const bytes = stream.contents;
  if (!dct || !plain || bytes.buffer !== file.buffer) return undefined;
  return {
    offset: bytes.byteOffset - file.byteOffset,
    length: bytes.byteLength,
    width: d.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0,
    height: d.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0,
  };
}

function contentText(page: PDFPage): string | undefined {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => page.doc.context.lookup(r)) : [contents];
  let text = '';
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) return undefined;
    // Only short content can be a scanner's page; don't inflate a born-digital page's drawing.
    if (s.contents.byteLength > 4096) return undefined;
    text += Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') + '\n';
  }
  return text;
}

/** Render resolution for a page: the image's own when it fills the page, else 300. */
export function pdfPageDpi(info: PdfPageInfo): number {
  if (!info.image) return 300;
  const { width, height } = info.image;
  const long = Math.max(width, height) / (Math.max(info.widthPt, info.heightPt) / 72);
  const short = Math.min(width, height) / (Math.min(info.widthPt, info.heightPt) / 72);
  const dpi = Math.min(long, short);
  if (!Number.isFinite(dpi) || dpi < 100) return 300;
  return Math.min(600, Math.round(dpi));
}
