import type { OcrBlock, OcrPage, OutlineEntry } from '@hoso/contracts';
import {
  findRedactionHits,
  wordsOutsideBoxes,
  type Box,
  type LocatedWord,
  type RedactionHit,
  type RedactionRule,
} from '@hoso/text';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { InputError, type PageSource } from '../types';
import { writeSearchablePdf, type SearchablePage, type WrittenPdf } from './searchable-pdf';
import { readHosoTextLayer } from './text-layer-reader';

/**
 * True redaction of a searchable PDF. Every page is measured in its displayed frame (its /Rotate
 * applied): points from the top-left corner. A page with something to redact is rendered (what a
 * viewer shows, nothing hidden under it survives), painted black under each box, re-encoded, and
 * gets a new invisible text layer of the words outside the boxes. Every other page is copied as it
 * is. The whole file is written anew by the searchable-PDF writer: no earlier revision,
 * document metadata, XMP, annotations or thumbnails come along.
 */

export interface PageRedactions {
  /** 0-based page. */
  page: number;
  widthPt: number;
  heightPt: number;
  /** The page's words (points, displayed frame), in lines. */
  lines: LocatedWord[][];
  hits: RedactionHit[];
  /** Boxes given directly (drawn in the viewer, --box), points in the displayed frame. */
  boxes: Box[];
  /** Where the words came from: HoSo's text layer, the words JSON, another text layer, none. */
  textFrom: 'hoso-layer' | 'words-file' | 'pdf-text' | 'none';
  /** The page's /Rotate and its displayed frame → unrotated frame (points from the top-left). */
  turn: number;
  toUnrotated: (box: Box) => Box;
  /** The resolution the page is re-encoded at when redacted, and whether its scan is grey. */
  dpi: number;
  grey: boolean;
  jpeg: boolean;
}

export interface RedactionPlan {
  pageCount: number;
  pages: PageRedactions[];
}

export interface PlanRedactionOptions {
  rules: readonly RedactionRule[];
  /** Points in the displayed frame, or (normalized) fractions of the displayed page. */
  boxes?: ReadonlyArray<{ page: number; box: Box; normalized?: boolean }>;
  /** OCR pages of this PDF (hoso ocr --words, or the app's words): frame pixels, as written. */
  words?: readonly OcrPage[];
}

export async function planRedaction(
  input: Uint8Array,
  name: string,
  options: PlanRedactionOptions,
): Promise<RedactionPlan> {
  const doc = await loadPdf(input, name);
  const count = doc.getPageCount();
  if (options.words && options.words.length !== count)
    throw new InputError(
      'words-mismatch',
      `${name}: the words file has ${options.words.length} pages but the PDF has ${count}; give the words file of this PDF`,
      name,
    );
  for (const b of options.boxes ?? [])
    if (b.page >= count)
      throw new InputError('box-page', `${name}: --box names page ${b.page + 1}, the PDF has ${count}`, name);
  let pdfText: import('../decode/pdf-render').PdfPages | undefined;
  const pages: PageRedactions[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const page = doc.getPage(i);
      const frame = displayFrame(page);
      let lines: LocatedWord[][] = [];
      let textFrom: PageRedactions['textFrom'] = 'none';
      if (options.words) {
        lines = wordsFileLines(options.words[i], frame, name, i);
        textFrom = 'words-file';
      } else {
        lines = readHosoTextLayer(page).map((line) =>
          line.map((w) => ({ text: w.text, box: frame.fromUserSpace(w.box) })),
        );
        if (lines.length > 0) textFrom = 'hoso-layer';
        else {
          // A page HoSo did not write (born-digital): its own text, read by pdf.js at 72 dpi.
          const { PdfPages } = await import('../decode/pdf-render');
          pdfText ??= await PdfPages.open(input);
          lines = blocksToLines(await pdfText.words(i, 72));
          if (lines.length > 0) textFrom = 'pdf-text';
        }
      }
      const boxes = (options.boxes ?? [])
        .filter((b) => b.page === i)
        .map((b) =>
          b.normalized
            ? ([
                b.box[0] * frame.widthPt,
                b.box[1] * frame.heightPt,
                b.box[2] * frame.widthPt,
                b.box[3] * frame.heightPt,
              ] as Box)
            : b.box,
        );
      const scan = scanOf(page, Math.max(frame.widthPt, frame.heightPt));
      pages.push({
        page: i,
        widthPt: frame.widthPt,
        heightPt: frame.heightPt,
        lines,
        hits: findRedactionHits(lines, options.rules),
        boxes,
        textFrom,
        turn: frame.turn,
        toUnrotated: frame.toUnrotated,
        ...scan,
      });
    }
  } finally {
    await pdfText?.close();
  }
  return { pageCount: count, pages };
}

export function redactionBoxes(page: PageRedactions): Box[] {
  return [...page.boxes, ...page.hits.flatMap((h) => h.boxes)];
}

export interface WriteRedactedPdfOptions {
  input: Uint8Array;
  name: string;
  plan: RedactionPlan;
  outputPath: string;
  title: string;
  outline?: OutlineEntry[];
  signal?: AbortSignal;
}

export async function writeRedactedPdf(
  options: WriteRedactedPdfOptions,
): Promise<WrittenPdf & { redactedPages: number }> {
  const { PdfPages } = await import('../decode/pdf-render');
  const renderer = await PdfPages.open(options.input);
  let redactedPages = 0;
  async function* pages(): AsyncGenerator<SearchablePage> {
    for (const page of options.plan.pages) {
      const boxes = redactionBoxes(page);
      if (boxes.length === 0) {
        yield copiedPage(options, page);
        continue;
      }
      redactedPages++;
      yield await redactedPage(renderer, options, page, boxes);
    }
  }
  try {
    const written = await writeSearchablePdf({
      outputPath: options.outputPath,
      title: options.title,
      pages: pages(),
      outline: options.outline,
      signal: options.signal,
    });
    return { ...written, redactedPages };
  } finally {
    await renderer.close();
  }
}

function copiedPage(options: WriteRedactedPdfOptions, page: PageRedactions): SearchablePage {
  const source: PageSource = {
    file: options.name,
    pageInFile: page.page,
    index: page.page,
    format: 'pdf',
    fileBytes: options.input,
    widthPx: page.widthPt,
    heightPx: page.heightPt,
    dpi: 72,
    exifRotation: 0,
    hasText: true,
  };
  // origin 'text-layer': the copied page carries its own text layer, written again it would double.
  return { source, ocr: ocrPage(page, page.widthPt, page.heightPt, 72, 'text-layer', []) };
}

async function redactedPage(
  renderer: import('../decode/pdf-render').PdfPages,
  options: WriteRedactedPdfOptions,
  page: PageRedactions,
  boxes: Box[],
): Promise<SearchablePage> {
  // Painted and written in the page's unrotated frame and turned by /Rotate as before, so the
  // text layer's words run along the printed lines whatever the page's turn.
  const { data, width, height, channels } = await renderer.render(page.page, page.dpi, 0);
  const scale = page.dpi / 72;
  const unrotated = (box: Box) => page.toUnrotated(box).map((v) => v * scale) as Box;
  for (const box of boxes) paintBlack(data, width, height, channels, unrotated(box));
  let image = sharp(data, { raw: { width, height, channels } });
  if (page.grey) image = image.toColourspace('b-w');
  const encoded = page.jpeg
    ? await image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer()
    : await image.png({ compressionLevel: 9 }).toBuffer();
  const remaining = wordsOutsideBoxes(page.lines, boxes).map((line) =>
    line.map((w) => ({ text: w.text, box: unrotated(w.box), confidence: 100 })),
  );
  const source: PageSource = {
    file: options.name,
    pageInFile: page.page,
    index: page.page,
    format: page.jpeg ? 'jpeg' : 'png',
    fileBytes: encoded,
    widthPx: width,
    heightPx: height,
    dpi: page.dpi,
    exifRotation: 0,
  };
  const blocks: OcrBlock[] = remaining.map((words) => {
    const box = boundingBox(words.map((w) => w.box));
    return { box, lines: [{ box, words }] };
  });
  return {
    source,
    ocr: ocrPage(page, width, height, page.dpi, 'ocr', blocks),
    viewRotation: page.turn as 0 | 90 | 180 | 270,
  };
}

function ocrPage(
  page: PageRedactions,
  widthPx: number,
  heightPx: number,
  dpi: number,
  origin: OcrPage['origin'],
  blocks: OcrBlock[],
): OcrPage {
  return {
    index: page.page,
    source: { file: '', page: page.page },
    widthPx,
    heightPx,
    dpi,
    rotation: 0,
    deskewDeg: 0,
    origin,
    lang: 'vie',
    meanConfidence: 0,
    blocks,
  };
}

/** Sets every pixel under the box (rounded outward) to black. */
function paintBlack(data: Buffer, width: number, height: number, channels: number, box: Box): void {
  const x0 = Math.max(0, Math.floor(box[0]));
  const y0 = Math.max(0, Math.floor(box[1]));
  const x1 = Math.min(width, Math.ceil(box[2]));
  const y1 = Math.min(height, Math.ceil(box[3]));
  for (let y = y0; y < y1; y++) data.fill(0, (y * width + x0) * channels, (y * width + x1) * channels);
}

function boundingBox(boxes: Box[]): Box {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

async function loadPdf(input: Uint8Array, name: string): Promise<PDFDocument> {
  if (Buffer.from(input.subarray(0, 1024)).indexOf('%PDF-') < 0)
    throw new InputError('not-pdf', `${name}: not a PDF file`, name);
  try {
    return await PDFDocument.load(input, { updateMetadata: false });
  } catch (error) {
    if ((error as Error).name === 'EncryptedPDFError')
      throw new InputError('encrypted', `${name}: the PDF is encrypted; decrypt it first`, name);
    throw new InputError('corrupt', `${name}: the PDF cannot be read (${(error as Error).message})`, name);
  }
}

interface DisplayFrame {
  widthPt: number;
  heightPt: number;
  /** A user-space box (points, y up) → displayed frame (points from the top-left). */
  fromUserSpace(box: Box): Box;
  /** A box from the unrotated page's top-left (as OCR words are) → displayed frame. */
  fromUnrotated(box: Box): Box;
  toUnrotated(box: Box): Box;
  turn: number;
}

function displayFrame(page: PDFPage): DisplayFrame {
  const crop = page.getCropBox();
  const turn = ((page.getRotation().angle % 360) + 360) % 360;
  const [w, h] = [crop.width, crop.height];
  const sideways = turn === 90 || turn === 270;
  const rotatePoint = (u: number, v: number): [number, number] =>
    turn === 90 ? [h - v, u] : turn === 180 ? [w - u, h - v] : turn === 270 ? [v, w - u] : [u, v];
  const fromUnrotated = (box: Box): Box => {
    const [a, b] = [rotatePoint(box[0], box[1]), rotatePoint(box[2], box[3])];
    return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
  };
  // The inverse turn: displayed (X, Y) → unrotated (u, v).
  const unrotatePoint = (x: number, y: number): [number, number] =>
    turn === 90 ? [y, h - x] : turn === 180 ? [w - x, h - y] : turn === 270 ? [w - y, x] : [x, y];
  const toUnrotated = (box: Box): Box => {
    const [a, b] = [unrotatePoint(box[0], box[1]), unrotatePoint(box[2], box[3])];
    return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
  };
  return {
    turn,
    toUnrotated,
    widthPt: sideways ? h : w,
    heightPt: sideways ? w : h,
    fromUnrotated,
    fromUserSpace: (box) =>
      fromUnrotated([box[0] - crop.x, crop.y + h - box[3], box[2] - crop.x, crop.y + h - box[1]]),
  };
}

function wordsFileLines(ocr: OcrPage, frame: DisplayFrame, name: string, index: number): LocatedWord[][] {
  const pt = 72 / ocr.dpi;
  const [w, h] = [ocr.widthPx * pt, ocr.heightPx * pt];
  const fits = (a: number, b: number) => Math.abs(a - b) <= 0.02 * b;
  const unrotatedFits =
    (fits(w, frame.widthPt) && fits(h, frame.heightPt)) ||
    (fits(w, frame.heightPt) && fits(h, frame.widthPt));
  if (!unrotatedFits)
    throw new InputError(
      'words-mismatch',
      `${name}: page ${index + 1} of the words file is ${Math.round(w)}×${Math.round(h)} pt, the PDF's page ${Math.round(frame.widthPt)}×${Math.round(frame.heightPt)} pt; give the words file of this PDF`,
      name,
      index + 1,
    );
  return ocr.blocks.flatMap((block) =>
    block.lines.map((line) =>
      line.words.map((word) => ({
        text: word.text.normalize('NFC'),
        box: frame.fromUnrotated(word.box.map((v) => v * pt) as Box),
      })),
    ),
  );
}

function blocksToLines(blocks: OcrBlock[]): LocatedWord[][] {
  return blocks.flatMap((b) => b.lines.map((l) => l.words.map((w) => ({ text: w.text, box: w.box }))));
}

/**
 * The resolution and kind of the page's scan (its first image, in the page or the form around it),
 * so the redacted page keeps about the scan's sharpness and its colour or grey, and a JPEG scan
 * stays JPEG. Pages without an image are re-encoded at 300 dpi.
 */
function scanOf(page: PDFPage, longerSidePt: number): { dpi: number; grey: boolean; jpeg: boolean } {
  const image = firstImage(page.node.Resources(), page, 0);
  if (!image) return { dpi: 300, grey: false, jpeg: false };
  const width = image.lookup(PDFName.of('Width'), PDFNumber).asNumber();
  const height = image.lookup(PDFName.of('Height'), PDFNumber).asNumber();
  const colourSpace = image.get(PDFName.of('ColorSpace'))?.toString() ?? '';
  const filter = image.get(PDFName.of('Filter'))?.toString() ?? '';
  const bits = image.lookupMaybe(PDFName.of('BitsPerComponent'), PDFNumber)?.asNumber() ?? 8;
  // The scan may be turned on the page (sideways scans): its longer side against the page's.
  const dpi = Math.min(
    600,
    Math.max(100, Math.round((Math.max(width, height) / Math.max(longerSidePt, 1)) * 72)),
  );
  return { dpi, grey: colourSpace === '/DeviceGray' || bits === 1, jpeg: filter.includes('DCTDecode') };
}

function firstImage(resources: PDFDict | undefined, page: PDFPage, depth: number): PDFDict | undefined {
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects || depth > 3) return undefined;
  for (const [, ref] of xobjects.entries()) {
    const object = page.doc.context.lookup(ref);
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.get(PDFName.of('Subtype'))?.toString();
    if (subtype === '/Image') return object.dict;
    if (subtype === '/Form') {
      const inner = firstImage(object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), page, depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}
