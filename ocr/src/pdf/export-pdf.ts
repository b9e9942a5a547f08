import type {
  ExportPage,
  ExportPdfRequestSchema,
  OcrBlock,
  OcrLine,
  OcrPage,
  OcrWord,
} from '@hoso/contracts';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { inspectFile } from '../decode/inspect';
import { InputError, type PageSource } from '../types';
import { writeSearchablePdf, type SearchablePage, type WrittenPdf } from './searchable-pdf';

/**
 * The app's export (bridge `exportPdf`): stored pages with the words the renderer holds for them
 * (corrections included) through the same searchable-PDF writer as the CLI, plus bookmarks, an
 * optional mục lục page and optional folio stamps. The host resolves file hashes to stored files.
 */
export type ParsedExportPdfRequest = z.output<typeof ExportPdfRequestSchema>;

export interface ExportSearchablePdfOptions {
  request: ParsedExportPdfRequest;
  outputPath: string;
  /** A stored page as the writer needs it; `createPageLoader` makes one from a hash → path map. */
  loadPage: (fileHash: string, page: number, index: number) => Promise<PageSource>;
  signal?: AbortSignal;
  onPageWritten?: (pagesWritten: number) => void;
}

export async function exportSearchablePdf(options: ExportSearchablePdfOptions): Promise<WrittenPdf> {
  const { request } = options;
  async function* pages(): AsyncGenerator<SearchablePage> {
    for (const [index, page] of request.pages.entries()) {
      const source = await options.loadPage(page.fileHash, page.page, index);
      yield {
        source,
        ocr: exportPageToOcrPage(page, source, index),
        folio: page.folio,
        viewRotation: page.rotation,
      };
    }
  }
  return writeSearchablePdf({
    outputPath: options.outputPath,
    title: request.title,
    pages: pages(),
    outline: request.outline,
    tableOfContents: request.tableOfContents,
    folioStamps: request.folioStamps,
    signal: options.signal,
    onPageWritten: options.onPageWritten,
  });
}

export function exportPageToOcrPage(page: ExportPage, source: PageSource, index: number): OcrPage {
  const blocks = wordsToBlocks(page.words);
  const confidences = page.words.map((w) => w.confidence);
  return {
    index,
    source: { file: source.file, page: source.pageInFile },
    widthPx: page.frame.widthPx,
    heightPx: page.frame.heightPx,
    dpi: page.frame.dpi,
    rotation: page.frame.ocrRotation,
    deskewDeg: page.frame.deskewDeg,
    // A born-digital page keeps its own text; writing the words again would double them.
    origin: source.hasText ? 'text-layer' : 'ocr',
    lang: 'vie',
    meanConfidence: confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0,
    blocks,
  };
}

/**
 * Words in reading order (as OCR gave them, flattened) back into lines: a word continues the line
 * when it starts to the right of the previous one's start on an overlapping row. Its box may
 * overlap the previous one (Tesseract's often do): starting a line of its own there made the text
 * layer lose the space the CLI's layer keeps ("tháng8", issue 9), since only words of one line are
 * kept apart (text-layer.ts).
 */
export function wordsToBlocks(words: OcrWord[]): OcrBlock[] {
  const lines: OcrLine[] = [];
  for (const word of words) {
    const line = lines[lines.length - 1];
    const last = line?.words[line.words.length - 1];
    const startsAfter = word.box[0] > (last ? (last.box[0] + last.box[2]) / 2 : Infinity);
    if (line && last && startsAfter && verticalOverlap(last.box, word.box) > 0.4) {
      line.words.push(word);
      line.box = [
        line.box[0],
        Math.min(line.box[1], word.box[1]),
        word.box[2],
        Math.max(line.box[3], word.box[3]),
      ];
    } else lines.push({ box: [...word.box], words: [word] });
  }
  return lines.map((line) => ({ box: line.box, lines: [line] }));
}

function verticalOverlap(a: number[], b: number[]): number {
  const inter = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return inter / Math.max(1, Math.min(a[3] - a[1], b[3] - b[1]));
}

/**
 * A loadPage for stored files: resolves a hash to its path, reads and inspects the file once and
 * serves its pages (pages of one file usually come together in an export).
 */
export function createPageLoader(pathOf: (fileHash: string) => string | Promise<string>) {
  let current:
    | { hash: string; file: string; bytes: Uint8Array; plan: Awaited<ReturnType<typeof inspectFile>> }
    | undefined;
  return async (fileHash: string, page: number, index: number): Promise<PageSource> => {
    if (current?.hash !== fileHash) {
      const file = await pathOf(fileHash);
      current = {
        hash: fileHash,
        file,
        bytes: new Uint8Array(await readFile(file)),
        plan: await inspectFile(file),
      };
    }
    const plan = current.plan.pages.find((p) => p.pageInFile === page);
    if (!plan)
      throw new InputError(
        'page-missing',
        `${current.file}: has no page ${page + 1}`,
        current.file,
        page + 1,
      );
    let hasText: boolean | undefined;
    if (plan.format === 'pdf') {
      // Imported on demand: pdfjs-dist costs ~190 MB of RSS (see pipeline.ts).
      const { PdfPages } = await import('../decode/pdf-render');
      const pdf = await PdfPages.open(current.bytes);
      try {
        hasText = await pdf.hasText(page);
      } finally {
        await pdf.close();
      }
    }
    return { ...plan, index, fileBytes: current.bytes, hasText };
  };
}
