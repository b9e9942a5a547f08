import type { OcrEngineChoice, OcrLang, OcrModel, OcrPage } from '@hoso/contracts';

/** The part of @hoso/ocr's options the queue uses (see ocr/src/types.ts OcrOptions). */
export type RecognizeOptions = {
  lang: OcrLang;
  jobs: number;
  forceOcr: boolean;
  /** As `hoso ocr --engine/--model` (the Cài đặt setting): native where installed by default. */
  engine?: OcrEngineChoice;
  model?: OcrModel;
  skipBadPages: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { pagesDone: number; pagesTotal: number; elapsedMs: number }) => void;
};

/** `recognizePages` from @hoso/ocr, injected so tests can use a fast fake. */
export type Recognizer = (files: string[], opts: RecognizeOptions) => AsyncIterable<{ ocr: OcrPage }>;

/**
 * The real engine on this thread, loaded lazily (tesseract.js starts only when OCR is needed).
 * The host uses ocr-thread.ts instead unless HOSO_OCR_IN_PROCESS=1.
 */
export const inProcessRecognizer = (): Recognizer =>
  async function* recognize(files, opts) {
    const { recognizePages } = await import('@hoso/ocr');
    yield* recognizePages(files, opts);
  };

/**
 * Cài đặt → Máy chủ nhận dạng: with a centre's Redis URL set, each job's pages go to its
 * `hoso worker`s (the same pages, in order, so the queue's progress and results are unchanged);
 * without one, to `local`. Read per job, so a change applies to the next job.
 */
export const centreOrLocal = (local: Recognizer, server: () => Promise<string | null>): Recognizer =>
  async function* recognize(files, opts) {
    const url = await server();
    if (!url) {
      yield* local(files, opts);
      return;
    }
    const { parseRedisUrl, recognizePagesViaQueue } = await import('@hoso/ocr/queue');
    yield* recognizePagesViaQueue(files, { ...opts, queue: parseRedisUrl(url) });
  };
