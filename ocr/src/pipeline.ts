import { open, readFile } from 'node:fs/promises';
import os from 'node:os';
import sharp from 'sharp';
import type { OcrPage } from '@hoso/contracts';
import { type FilePlan, planInputs } from './decode/inspect';
import { embeddedJpegBytes, pdfJpegSource } from './decode/pdf-jpeg-page';
import type { PdfPages } from './decode/pdf-render';
import { PageRecognizer, type RecognizedPage } from './page-recognizer';
import { InputError, type OcrOptions, type PageSource } from './types';
import { throwIfAborted, untilAborted } from './abort';

// The CLI loads this module as its engine (inspect + recognize).
export { inspectInputs } from './decode/inspect';

/**
 * decode → preprocess → recognize, streamed in input order. One page is decoded and prepared at a
 * time on this thread (sharp and the layout analysis) while the tesseract.js workers recognize the
 * pages before it; at most `jobs + 2` pages are in flight, so a 500-page dossier is never in memory.
 */
export async function* recognizePages(
  files: string[],
  opts: OcrOptions,
): AsyncGenerator<{ source: PageSource; ocr: OcrPage }> {
  const started = Date.now();
  // Every page is a new image: libvips' operation cache (up to 50 MB) would only hold dead pixels.
  sharp.cache(false);
  const signal = opts.signal;
  throwIfAborted(signal);
  const { plans, bad } = await planInputs(files);
  if (bad.length > 0 && !opts.skipBadPages) throw bad[0].error;
  const pagesTotal = plans.reduce((n, p) => n + p.pages.length, 0);
  const jobs = Math.max(1, opts.jobs || os.availableParallelism());
  const recognizer = await PageRecognizer.create(jobs, opts);
  opts.onEngine?.(recognizer.report);
  const onAbort = () => void recognizer.terminate();
  signal?.addEventListener('abort', onAbort, { once: true });

  const inFlight: Promise<RecognizedPage | undefined>[] = [];
  const sources = pageSources(plans, opts, signal);
  let pagesDone = 0;
  let sourcesDone = false;
  try {
    if (pagesTotal > 0) recognizer.warmUp();
    while (true) {
      while (!sourcesDone && inFlight.length < jobs + 2) {
        const next = await untilAborted(sources.next(), signal);
        if (next.done) {
          sourcesDone = true;
          break;
        }
        const { source, pdf, lastOfFile } = next.value;
        const closePdf = pdf && lastOfFile ? () => pdf.close() : undefined;
        const page = recognizer.recognize(source, pdf, opts, closePdf).catch((err) => onBadPage(err, opts));
        // Pages behind a failed or aborted one are never awaited: keep their rejections handled.
        page.catch(() => undefined);
        inFlight.push(page);
      }
      const head = inFlight.shift();
      if (!head) break;
      const result = await untilAborted(head, signal);
      if (!result) continue;
      pagesDone++;
      opts.onProgress?.({ pagesDone, pagesTotal, elapsedMs: Date.now() - started });
      yield result;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await sources.return(undefined);
    await recognizer.terminate();
  }
}

function onBadPage(err: unknown, opts: OcrOptions): undefined {
  if (err instanceof InputError && opts.skipBadPages) {
    opts.onSkip?.({ file: err.file ?? '', page: err.page, error: err });
    return undefined;
  }
  throw err;
}

/** Page sources in order; each file's bytes are read when its first page is reached. */
async function* pageSources(
  plans: FilePlan[],
  opts: OcrOptions,
  signal?: AbortSignal,
): AsyncGenerator<{ source: PageSource; pdf?: PdfPages; lastOfFile: boolean }> {
  let index = 0;
  for (const plan of plans) {
    if (plan.pages.length === 0) continue;
    throwIfAborted(signal);
    let pdf: PdfPages | undefined;
    let handedOver = false;
    try {
      // A scanner's PDF (every page one JPEG): each page's JPEG is read from the file as it is
      // reached, so memory holds a few pages, never the document.
      if (plan.format === 'pdf' && plan.pages.every((p) => p.embeddedJpeg)) {
        const file = await open(plan.file);
        try {
          for (const page of plan.pages) {
            const embeddedJpeg = page.embeddedJpeg!;
            const jpeg = Buffer.allocUnsafe(embeddedJpeg.length);
            const { bytesRead } = await file.read(jpeg, 0, jpeg.length, embeddedJpeg.offset);
            if (bytesRead !== jpeg.length) throw new Error('the file is shorter than its page images');
            yield { source: pdfJpegSource({ ...page, embeddedJpeg }, jpeg, index++), lastOfFile: false };
          }
        } finally {
          await file.close();
        }
        continue;
      }
      const fileBytes = new Uint8Array(await readFile(plan.file));
      // pdfjs-dist costs ~190 MB of RSS once imported: load it only for PDFs with pages to render.
      if (plan.format === 'pdf') pdf = await (await import('./decode/pdf-render')).PdfPages.open(fileBytes);
      for (const [i, page] of plan.pages.entries()) {
        const lastOfFile = i === plan.pages.length - 1;
        handedOver = lastOfFile;
        const embeddedJpeg = page.embeddedJpeg;
        if (embeddedJpeg) {
          const bytes = embeddedJpegBytes(fileBytes, embeddedJpeg);
          yield { source: pdfJpegSource({ ...page, embeddedJpeg }, bytes, index++), pdf, lastOfFile };
          continue;
        }
        const hasText = pdf ? await pdf.hasText(page.pageInFile).catch(() => false) : undefined;
        const source: PageSource = { ...page, index: index++, fileBytes, ...(pdf ? { hasText } : {}) };
        yield { source, pdf, lastOfFile };
      }
    } catch (err) {
      if (err instanceof InputError) throw err;
      const error = new InputError(
        'corrupt-file',
        `${plan.file}: cannot be read (${String(err).slice(0, 160)})`,
        plan.file,
      );
      if (!opts.skipBadPages) throw error;
      opts.onSkip?.({ file: plan.file, error });
    } finally {
      // The consumer closes the document after its last page is prepared; close it here otherwise.
      if (pdf && !handedOver) void pdf.close().catch(() => undefined);
    }
  }
}
