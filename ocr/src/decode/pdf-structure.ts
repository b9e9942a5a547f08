import { PDFDocument, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFStream } from 'pdf-lib';
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
}

export async function readPdfStructure(
  bytes: Uint8Array,
): Promise<{ encrypted: boolean; pages: PdfPageInfo[] }> {
  const doc = await quietPdfLib(() =>
    PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false }),
  );
  if (doc.isEncrypted) return { encrypted: true, pages: [] };
  const pages = doc.getPages().map((page): PdfPageInfo => {
    const box = page.getCropBox();
    let image: PdfPageInfo['image'];
    for (const img of imagesOf(page.node.Resources(), 0)) {
      if (!image || img.width * img.height > image.width * image.height) image = img;
    }
    return {
      widthPt: box.width,
      heightPt: box.height,
      rotate: ((page.getRotation().angle % 360) + 360) % 360,
      image,
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
