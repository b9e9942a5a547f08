import type { OcrPage, OutlineEntry, Rotation } from '@hoso/contracts';
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { PageSource } from '../types';
import { folioStampContent, writeHelveticaBold } from './folio-stamp';
import { writeGlyphlessFont } from './glyphless-font';
import { writeOutline } from './outline';
import { pageFrame, placementMatrix } from './page-geometry';
import { pageImage, renderedPdfPage } from './page-image';
import { PdfFileWriter } from './pdf-file-writer';
import { PdfPageCopier } from './pdf-page-copy';
import {
  array,
  asciiString,
  dict,
  matrixOp,
  multiply,
  pdfDate,
  ref,
  rotate,
  textString,
  translate,
} from './pdf-syntax';
import type { TableOfContents } from './table-of-contents';
import { textLayerContent } from './text-layer';

export const PRODUCER = 'HoSo 0.1.0';

export interface SearchablePage {
  source: PageSource;
  ocr: OcrPage;
  /** bút lục number, stamped when `folioStamps` is on. */
  folio?: number;
  /** A turn the user gave the page in the app, on top of the OCR frame (written as /Rotate). */
  viewRotation?: Rotation;
  /** The text layer already built from `ocr` by textLayerContent with font /F0 (a queue worker's). */
  textLayer?: string;
}

export interface WriteSearchablePdfOptions {
  outputPath: string;
  title: string;
  pages: AsyncIterable<SearchablePage>;
  /** Bookmarks; pageIndex counts the dossier's pages (a table of contents before them is skipped). */
  outline?: OutlineEntry[];
  tableOfContents?: TableOfContents;
  folioStamps?: boolean;
  /** Checked between pages: aborting stops the job and leaves no file behind. */
  signal?: AbortSignal;
  onPageWritten?: (pagesWritten: number) => void;
}

export interface WrittenPdf {
  outputPath: string;
  pages: number;
  bytes: number;
}

/**
 * Writes a searchable PDF page by page into a temp file next to the output, then renames it: the
 * output appears complete or not at all. Pages are written as they arrive (streamed): memory holds
 * one page plus the list of page object numbers.
 */
export async function writeSearchablePdf(options: WriteSearchablePdfOptions): Promise<WrittenPdf> {
  const tempPath = join(
    dirname(options.outputPath),
    `.${basename(options.outputPath)}.${randomBytes(6).toString('hex')}.part`,
  );
  const writer = await PdfFileWriter.create(tempPath);
  try {
    const pages = await writePages(writer, options);
    await writer.finish(await writeDocumentObjects(writer, options, pages));
    options.signal?.throwIfAborted();
    await rename(tempPath, options.outputPath);
    return {
      outputPath: options.outputPath,
      pages: pages.all.length,
      bytes: (await stat(options.outputPath)).size,
    };
  } catch (error) {
    await writer.abandon();
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
}

interface WrittenPages {
  pagesRoot: number;
  all: number[];
  /** The dossier's pages (after the table of contents), for bookmarks. */
  dossier: number[];
}

async function writePages(writer: PdfFileWriter, options: WriteSearchablePdfOptions): Promise<WrittenPages> {
  const pagesRoot = writer.allocate();
  const all: number[] = [];
  const dossier: number[] = [];
  const fonts: { text?: number; stamp?: number } = {};

  if (options.tableOfContents && options.tableOfContents.rows.length > 0) {
    // fontkit and DejaVu are loaded only for exports that ask for a table of contents.
    const { renderTableOfContents } = await import('./table-of-contents');
    const tocBytes = await renderTableOfContents(options.tableOfContents);
    const copier = await PdfPageCopier.load(tocBytes, writer);
    for (let i = 0; i < copier.pageCount; i++) {
      const form = await copier.copyPage(i);
      const content = `q 1 0 0 1 0 0 cm /P0 Do Q\n`;
      all.push(
        await writePageObject(
          writer,
          pagesRoot,
          form.widthPt,
          form.heightPt,
          { P0: form.formObject },
          {},
          content,
        ),
      );
    }
  }

  let copier: { file: string; copier: PdfPageCopier } | undefined;
  for await (const page of options.pages) {
    options.signal?.throwIfAborted();
    const { source, ocr } = page;
    const frame = pageFrame(ocr);
    let xobject: number;
    let contentW: number;
    let contentH: number;
    // --force-ocr on a born-digital page: the page becomes its rendering (as OCRmyPDF does), or its
    // own text and the OCR text would both be extracted.
    const rasterize = source.format === 'pdf' && source.hasText === true && ocr.origin === 'ocr';
    if (source.format === 'pdf' && !rasterize) {
      // One loaded input PDF at a time: its pages arrive together, in order.
      if (copier?.file !== source.file) {
        copier = { file: source.file, copier: await PdfPageCopier.load(source.fileBytes, writer) };
      }
      const form = await copier.copier.copyPage(source.pageInFile);
      [xobject, contentW, contentH] = [form.formObject, form.widthPt, form.heightPt];
    } else {
      const image = rasterize ? await renderedPdfPage(source) : await pageImage(source);
      xobject = writer.allocate();
      await writer.writeStream(xobject, image.entries, image.data);
      contentW = image.widthPx * frame.ptPerPx;
      contentH = image.heightPx * frame.ptPerPx;
    }
    // Forms are drawn in their own points; placementMatrix expects a unit square.
    const isForm = source.format === 'pdf' && !rasterize;
    let place = placementMatrix(frame, contentW, contentH, ocr.rotation, ocr.deskewDeg);
    if (isForm) place = multiply([1 / contentW, 0, 0, 1 / contentH, 0, 0], place);
    let content = `q ${matrixOp(place, 'cm')} /P0 Do Q\n`;

    const fontRes: Record<string, number> = {};
    // A born-digital page keeps its own text; another invisible copy would double every word.
    if (ocr.origin === 'ocr') {
      const text = page.textLayer ?? textLayerContent(ocr, frame, '/F0');
      if (text) {
        fonts.text ??= await writeGlyphlessFont(writer);
        fontRes.F0 = fonts.text;
        content += text;
      }
    }
    const turn = page.viewRotation ?? 0;
    if (options.folioStamps && page.folio !== undefined) {
      fonts.stamp ??= await writeHelveticaBold((body) => writer.add(body));
      fontRes.F1 = fonts.stamp;
      const sideways = turn === 90 || turn === 270;
      const [dw, dh] = sideways ? [frame.heightPt, frame.widthPt] : [frame.widthPt, frame.heightPt];
      content += `q ${matrixOp(displayToPage(turn, frame.widthPt, frame.heightPt), 'cm')}\n`;
      content += `${folioStampContent(page.folio, dw, dh, '/F1')}\nQ\n`;
    }
    const pageObject = await writePageObject(
      writer,
      pagesRoot,
      frame.widthPt,
      frame.heightPt,
      { P0: xobject },
      fontRes,
      content,
      turn,
    );
    all.push(pageObject);
    dossier.push(pageObject);
    options.onPageWritten?.(dossier.length);
  }
  if (dossier.length === 0) throw new Error('no pages to write');
  await writer.writeObject(pagesRoot, dict({ Type: '/Pages', Kids: array(all.map(ref)), Count: all.length }));
  return { pagesRoot, all, dossier };
}

/** Maps the page as displayed (after /Rotate `turn`, clockwise) back to its user space. */
function displayToPage(turn: number, widthPt: number, heightPt: number) {
  const shift: Record<number, [number, number]> = {
    0: [0, 0],
    90: [widthPt, 0],
    180: [widthPt, heightPt],
    270: [0, heightPt],
  };
  const [dx, dy] = shift[turn] ?? [0, 0];
  return multiply(rotate(turn), translate(dx, dy));
}

async function writePageObject(
  writer: PdfFileWriter,
  pagesRoot: number,
  widthPt: number,
  heightPt: number,
  xobjects: Record<string, number>,
  fonts: Record<string, number>,
  content: string,
  turn = 0,
): Promise<number> {
  const contents = writer.allocate();
  await writer.writeContent(contents, content);
  const named = (entries: Record<string, number>) =>
    Object.keys(entries).length
      ? dict(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, ref(v)])))
      : undefined;
  return writer.add(
    dict({
      Type: '/Page',
      Parent: ref(pagesRoot),
      MediaBox: array([0, 0, widthPt, heightPt]),
      Rotate: turn || undefined,
      Resources: dict({ XObject: named(xobjects), Font: named(fonts) }),
      Contents: ref(contents),
    }),
  );
}

async function writeDocumentObjects(
  writer: PdfFileWriter,
  options: WriteSearchablePdfOptions,
  pages: WrittenPages,
): Promise<{ root: number; info: number; id: string }> {
  const outline = options.outline ? await writeOutline(writer, options.outline, pages.dossier) : undefined;
  const now = new Date();
  const info = await writer.add(
    dict({
      Title: textString(options.title),
      Producer: asciiString(PRODUCER),
      Creator: asciiString('HoSo'),
      CreationDate: asciiString(pdfDate(now)),
      ModDate: asciiString(pdfDate(now)),
    }),
  );
  const root = await writer.add(
    dict({
      Type: '/Catalog',
      Pages: ref(pages.pagesRoot),
      Outlines: outline ? ref(outline) : undefined,
      PageMode: outline ? '/UseOutlines' : undefined,
      Lang: asciiString('vi'),
      ViewerPreferences: '<< /DisplayDocTitle true >>',
    }),
  );
  return { root, info, id: randomBytes(16).toString('hex') };
}
