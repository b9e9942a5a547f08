import os from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { PageRecognizer, type EngineOptions } from '../page-recognizer';
import { pageFrame } from '../pdf/page-geometry';
import { textLayerContent } from '../pdf/text-layer';
import { embeddedJpegBytes, pdfJpegSource } from '../decode/pdf-jpeg-page';
import { InputError, type PageSource } from '../types';
import { bullConnection, connect, redisRefusal, type RedisTarget } from './connection';
import { PageFiles } from './page-files';
import { PageJobSchema, QUEUE_NAME, RUN_GONE, runAliveKey, type PageJob, type PageResult } from './protocol';
import type { OcrLang } from '@hoso/contracts';

export interface QueueWorkerOptions {
  redis: RedisTarget;
  /** Pages recognized at once (tesseract.js workers); one more is fetched and prepared meanwhile. */
  jobs: number;
  /** Engine choice, model and tuning: the same options `hoso ocr` takes. */
  engine?: Omit<EngineOptions, 'lang'>;
  /** Shown to submitters in their progress; default host:pid. */
  name?: string;
  /**
   * How long a page's lock lasts without renewal (BullMQ lockDuration, renewed at half of it) and
   * how often this worker looks for pages whose worker died (stalledInterval). A worker killed
   * mid-page has its page taken by another after at most lockMs + stalledMs.
   */
  lockMs?: number;
  stalledMs?: number;
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { type: 'ready'; name: string }
  | { type: 'page-started'; run: string; index: number; file: string; page: number }
  | { type: 'page-done'; run: string; index: number; ms: number }
  | { type: 'page-failed'; run: string; index: number; message: string }
  | { type: 'connection'; message: string };

/** Marks a page's failure as the input's fault, so the submitter reports it as it would locally. */
export const INPUT_ERROR_PREFIX = 'input-error';

/**
 * `hoso worker`: takes page jobs from the centre's BullMQ queue and runs each through the same
 * page steps as `hoso ocr` (PageRecognizer), returning the page's words and text-layer fragment.
 * Runs until stopped.
 */
export interface QueueWorker {
  name: string;
  /** Settles when the worker has stopped (rejects if it could not start). */
  done: Promise<void>;
  stop(force?: boolean): Promise<void>;
}

export function startQueueWorker(opts: QueueWorkerOptions): QueueWorker {
  const name = opts.name ?? `${os.hostname()}:${process.pid}`;
  const redis = connect(opts.redis, `hoso-worker ${name}`);
  const files = new PageFiles(redis);
  // One engine per language, selected once (native Tesseract or tesseract.js, as `hoso ocr` does).
  const recognizers = new Map<OcrLang, Promise<PageRecognizer>>();
  const recognizerFor = (lang: OcrLang) => {
    let r = recognizers.get(lang);
    if (!r) recognizers.set(lang, (r = PageRecognizer.create(opts.jobs, { lang, ...opts.engine })));
    return r;
  };
  const pageAbort = new AbortController();
  const emit = opts.onEvent ?? (() => undefined);

  const processPage = async (job: Job): Promise<PageResult> => {
    const parsed = PageJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError('not a HoSo page job (rejected by its schema)');
    const page: PageJob = parsed.data;
    // A submitter that died leaves pages behind; nobody would read their results.
    if (!(await redis.exists(runAliveKey(page.run)))) throw new UnrecoverableError(RUN_GONE);
    emit({
      type: 'page-started',
      run: page.run,
      index: page.index,
      file: page.file,
      page: page.pageInFile + 1,
    });
    await job.updateProgress({ stage: 'started', worker: name });
    const started = Date.now();
    const file = await files.acquire(page);
    const fetched = Date.now();
    try {
      const embeddedJpeg = page.embeddedJpeg;
      // A scanned page that is one JPEG is taken as that JPEG, as `hoso ocr` does; pdf.js only
      // opens for pages it must render.
      const pdf = page.format === 'pdf' && !embeddedJpeg ? await file.pdf() : undefined;
      const hasText = pdf ? await pdf.hasText(page.pageInFile).catch(() => false) : undefined;
      const source: PageSource = embeddedJpeg
        ? pdfJpegSource({ ...page, embeddedJpeg }, embeddedJpegBytes(file.bytes, embeddedJpeg), page.index)
        : {
            file: page.file,
            pageInFile: page.pageInFile,
            index: page.index,
            format: page.format,
            fileBytes: file.bytes,
            widthPx: page.widthPx,
            heightPx: page.heightPx,
            dpi: page.dpi,
            exifRotation: page.exifRotation,
            ...(pdf ? { hasText } : {}),
          };
      const recognizer = await recognizerFor(page.lang);
      const { ocr } = await recognizer.recognize(source, pdf, {
        lang: page.lang,
        forceOcr: page.forceOcr,
        tuning: opts.engine?.tuning,
        signal: pageAbort.signal,
      });
      const textLayer = ocr.origin === 'ocr' ? textLayerContent(ocr, pageFrame(ocr), '/F0') : '';
      const ocrMs = Date.now() - fetched;
      emit({ type: 'page-done', run: page.run, index: page.index, ms: ocrMs });
      return {
        v: 1,
        run: page.run,
        index: page.index,
        ocr,
        textLayer,
        hasText,
        worker: name,
        fetchMs: fetched - started,
        ocrMs,
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      emit({ type: 'page-failed', run: page.run, index: page.index, message });
      // A bad page stays bad on every worker: no retry, the submitter reports it as `hoso ocr` does.
      if (err instanceof InputError)
        throw new UnrecoverableError(`${INPUT_ERROR_PREFIX}:${err.code}:${message}`);
      throw err;
    } finally {
      files.release(file);
    }
  };

  const worker = new Worker(QUEUE_NAME, processPage, {
    connection: bullConnection(opts.redis),
    name,
    concurrency: opts.jobs + 1,
    lockDuration: opts.lockMs ?? 30_000,
    stalledInterval: opts.stalledMs ?? 15_000,
    // A page whose worker died twice is retried once more; a third death fails it.
    maxStalledCount: 2,
    autorun: false,
  });
  let lastError = '';
  const onError = (err: Error) => {
    // ioredis repeats the same error on every reconnect attempt: say it once per change.
    const first = err.message.split('\n')[0];
    const message = redisRefusal(first, opts.redis.display) ?? first;
    if (message !== lastError) emit({ type: 'connection', message });
    lastError = message;
  };
  worker.on('error', onError);
  redis.on('error', onError);
  // A Redis back before ioredis's first retry leaves no error behind: the drop itself counts.
  let dropped = false;
  redis.on('close', () => (dropped = true));
  redis.on('ready', () => {
    if (lastError || dropped) emit({ type: 'connection', message: 'connected again' });
    lastError = '';
    dropped = false;
  });

  const done = (async () => {
    try {
      await worker.waitUntilReady();
      emit({ type: 'ready', name });
      await worker.run();
    } finally {
      await Promise.all(
        [...recognizers.values()].map((r) =>
          r.then(
            (p) => p.terminate(),
            () => undefined,
          ),
        ),
      );
      await files.close();
      redis.disconnect();
    }
  })();
  return {
    name,
    done,
    async stop(force = false) {
      // Graceful: BullMQ takes no new page and waits for the pages in hand. Forced: they are dropped
      // and BullMQ gives them to another worker when their lock expires.
      if (force) pageAbort.abort();
      await worker.close(force);
      await done.catch(() => undefined);
    },
  };
}
