import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { abortError } from '../abort';
import { planInputs, type PagePlan } from '../decode/inspect';
import { embeddedJpegBytes, pdfJpegSource } from '../decode/pdf-jpeg-page';
import type { RecognizedPage } from '../page-recognizer';
import { InputError, type OcrOptions, type PageSource } from '../types';
import { bullConnection, connect, redisRefusal, type RedisTarget } from './connection';
import {
  PageProgressSchema,
  PageResultSchema,
  pageBytesKey,
  pageJobId,
  QUEUE_NAME,
  RUN_GONE,
  runAliveKey,
  type PageJob,
  type PageResult,
} from './protocol';
import { INPUT_ERROR_PREFIX } from './worker';

/** The queue could not do its part (Redis unreachable, lost too long, full): exit 3 on the CLI. */
export class QueueError extends Error {
  override name = 'QueueError';
}

export interface QueueProgress {
  pagesDone: number;
  pagesTotal: number;
  elapsedMs: number;
  /** Pages landed per worker, and the page each worker started last (1-based index in the job). */
  workers: Record<string, { pagesDone: number; current?: number }>;
}

export interface QueueOcrOptions extends OcrOptions {
  queue: RedisTarget;
  /** Pages submitted ahead of the next one written (bounds the bytes in Redis). Default 24. */
  window?: number;
  /** How long Redis may be unreachable before the job fails. Default 60 s. */
  offlineTimeoutMs?: number;
  /** How long page results and bytes live in Redis if nobody collects them. Default 6 h. */
  ttlMs?: number;
  /** How long a page may wait for an idle worker before the job fails. Default: no limit. */
  onQueueProgress?: (progress: QueueProgress) => void;
  onWarning?: (message: string) => void;
}

export type QueuedPage = RecognizedPage & {
  textLayer: string;
  worker: string;
  /** The worker's milliseconds: fetching the file's bytes, recognizing the page. */
  fetchMs: number;
  ocrMs: number;
};

interface HeldInput {
  file: string;
  bytes?: Uint8Array;
  sha256?: string;
  pagesLeft: number;
}

const HEARTBEAT_MS = 10_000;
const SWEEP_MS = 1_500;

/**
 * `hoso ocr --queue`: the same pages as recognizePages (pipeline.ts), in input order, recognized by
 * `hoso worker`s through the centre's Redis. Each input file's bytes go to Redis once, with a TTL,
 * and are deleted when its last page has come back; at most `window` pages are out at a time. Page
 * jobs are named by run and page, so queuing a page twice is a no-op and a result lands once.
 * Nothing is lost: a page whose worker died is retried by BullMQ (stalled-job check); a page that
 * vanished (Redis restarted without persistence) is submitted again; Redis unreachable for longer
 * than `offlineTimeoutMs` fails the job with a QueueError, and the caller writes nothing.
 */
export async function* recognizePagesViaQueue(
  files: string[],
  opts: QueueOcrOptions,
): AsyncGenerator<QueuedPage> {
  const started = Date.now();
  const { plans, bad } = await planInputs(files);
  if (bad.length > 0 && !opts.skipBadPages) throw bad[0].error;
  for (const b of bad) opts.onSkip?.({ file: b.file, page: b.page, error: b.error });
  const inputs: HeldInput[] = plans.map((p) => ({ file: p.file, pagesLeft: p.pages.length }));
  const pages: Array<{ plan: PagePlan; input: number }> = plans.flatMap((p, input) =>
    p.pages.map((plan) => ({ plan, input })),
  );
  const total = pages.length;
  if (total === 0) return;

  const window = Math.max(1, opts.window ?? 24);
  const ttlMs = opts.ttlMs ?? 6 * 3600_000;
  const run = randomUUID();
  const where = opts.queue.display;
  const redis = connect(opts.queue, 'hoso-submit');
  try {
    await reachable(redis, where, opts.offlineTimeoutMs ?? 60_000, opts.signal);
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const queue = new Queue(QUEUE_NAME, { connection: bullConnection(opts.queue) });
  const events = new QueueEvents(QUEUE_NAME, { connection: bullConnection(opts.queue) });
  const landed = new Map<number, PageResult | 'skipped'>();
  const outstanding = new Set<number>();
  const workers: QueueProgress['workers'] = {};
  let fatal: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = () => wake?.();
  // While Redis is down, ioredis holds commands in its offline queue (BullMQ needs
  // maxRetriesPerRequest: null), so an `await queue.add(…)` never settles. Every wait of the main
  // loop is therefore also ended by a failure: the offline limit, a bad result, Ctrl-C.
  const onFatal = new Set<() => void>();
  const untilFatal = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (fatal) return reject(fatal);
      const stop = () => reject(fatal);
      onFatal.add(stop);
      work.then(resolve, reject).finally(() => onFatal.delete(stop));
    });
  const fail = (err: unknown) => {
    fatal ??= queueFailure(err, where);
    for (const stop of onFatal) stop();
    poke();
  };
  const onAbort = () => fail(abortError());
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  let offlineSince: number | undefined;
  let lastRedisError = '';
  redis.on('error', (err: Error) => (lastRedisError = err.message));
  redis.on('close', () => (offlineSince ??= Date.now()));
  redis.on('ready', () => {
    if (offlineSince === undefined) return;
    offlineSince = undefined;
    // Back after a drop or a restart: renew the heartbeat, and find pages that vanished.
    void heartbeat().then(sweep).catch(fail);
  });
  const timers = [
    setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_MS),
    setInterval(() => void sweep().catch(fail), SWEEP_MS),
    setInterval(() => {
      const offlineMs = offlineSince === undefined ? 0 : Date.now() - offlineSince;
      if (offlineMs > (opts.offlineTimeoutMs ?? 60_000))
        fail(
          new QueueError(
            `lost the connection to Redis at ${where} for ${Math.round(offlineMs / 1000)} s` +
              (lastRedisError ? ` (${lastRedisError})` : '') +
              '; nothing was written. Run the job again once the centre is reachable.',
          ),
        );
    }, 500),
  ];

  const report = (pagesDone: number) =>
    opts.onQueueProgress?.({ pagesDone, pagesTotal: total, elapsedMs: Date.now() - started, workers });

  async function heartbeat(): Promise<void> {
    await redis.set(runAliveKey(run), String(process.pid), 'PX', HEARTBEAT_MS * 6);
  }

  async function upload(input: HeldInput): Promise<void> {
    if (!input.bytes) {
      input.bytes = new Uint8Array(await readFile(input.file));
      input.sha256 = createHash('sha256').update(input.bytes).digest('hex');
    }
    await redis.set(
      pageBytesKey(run, input.sha256!),
      Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
      'PX',
      ttlMs,
    );
  }

  async function submit(index: number, reupload = false): Promise<void> {
    const { plan, input: i } = pages[index];
    const input = inputs[i];
    if (!input.bytes || reupload) await upload(input);
    else await redis.pexpire(pageBytesKey(run, input.sha256!), ttlMs);
    const job: PageJob = {
      v: 1,
      run,
      index,
      file: plan.file,
      sha256: input.sha256!,
      bytes: input.bytes!.length,
      pageInFile: plan.pageInFile,
      format: plan.format,
      widthPx: plan.widthPx,
      heightPx: plan.heightPx,
      dpi: plan.dpi,
      exifRotation: plan.exifRotation,
      ...(plan.embeddedJpeg ? { embeddedJpeg: plan.embeddedJpeg } : {}),
      lang: opts.lang,
      forceOcr: opts.forceOcr,
    };
    outstanding.add(index);
    await queue.add('page', job, {
      jobId: pageJobId(run, index),
      attempts: 3,
      backoff: { type: 'exponential', delay: 2000 },
      // Collected results are removed by us; these bound what an abandoned run leaves behind.
      removeOnComplete: { age: ttlMs / 1000, count: 2000 },
      removeOnFail: { age: ttlMs / 1000, count: 2000 },
    });
  }

  /** Looks at one outstanding page: takes its result, reports its failure, or queues it again. */
  async function collect(index: number): Promise<void> {
    if (!outstanding.has(index)) return;
    const job = await queue.getJob(pageJobId(run, index));
    if (!outstanding.has(index)) return;
    if (!job) {
      // Gone without a result: Redis lost it (restarted without persistence, or evicted).
      const input = inputs[pages[index].input];
      const bytesThere = await redis.exists(pageBytesKey(run, input.sha256!));
      await heartbeat();
      await submit(index, !bytesThere);
      return;
    }
    if (job.finishedOn && job.returnvalue) {
      const parsed = PageResultSchema.safeParse(job.returnvalue);
      if (!parsed.success || parsed.data.run !== run || parsed.data.index !== index) {
        fail(new QueueError(`page ${index + 1}: a worker returned a result HoSo cannot read`));
        return;
      }
      take(index, parsed.data);
      await job.remove().catch(() => undefined);
      return;
    }
    if (job.finishedOn && job.failedReason) {
      const reason = job.failedReason;
      if (reason === RUN_GONE) {
        // A worker looked while Redis was restarting, before our heartbeat was back: queue it again.
        await job.remove().catch(() => undefined);
        await heartbeat();
        await submit(index);
        return;
      }
      if (reason.startsWith(`${INPUT_ERROR_PREFIX}:`)) {
        const [, code, ...rest] = reason.split(':');
        const error = new InputError(
          code,
          rest.join(':'),
          pages[index].plan.file,
          pages[index].plan.pageInFile + 1,
        );
        if (!opts.skipBadPages) return fail(error);
        opts.onSkip?.({ file: error.file ?? '', page: error.page, error });
        take(index, 'skipped');
      } else {
        fail(
          new QueueError(
            `${pages[index].plan.file}, page ${pages[index].plan.pageInFile + 1}: the workers failed it (${reason})`,
          ),
        );
      }
      await job.remove().catch(() => undefined);
    }
  }

  function take(index: number, result: PageResult | 'skipped'): void {
    if (!outstanding.delete(index) || landed.has(index)) return;
    landed.set(index, result);
    if (result !== 'skipped') {
      const w = (workers[result.worker] ??= { pagesDone: 0 });
      w.pagesDone++;
      if (w.current === index + 1) w.current = undefined;
    }
    poke();
  }

  let sweeping = false;
  async function sweep(): Promise<void> {
    if (sweeping || fatal) return;
    sweeping = true;
    try {
      for (const index of [...outstanding]) await collect(index);
    } finally {
      sweeping = false;
    }
  }

  const ours = (jobId: string) => (jobId.startsWith(`${run}-p`) ? Number(jobId.slice(run.length + 2)) : -1);
  events.on('completed', ({ jobId }) => {
    const index = ours(jobId);
    if (index >= 0) void collect(index).catch(fail);
  });
  events.on('failed', ({ jobId }) => {
    const index = ours(jobId);
    if (index >= 0) void collect(index).catch(fail);
  });
  events.on('progress', ({ jobId, data }) => {
    const index = ours(jobId);
    const progress = PageProgressSchema.safeParse(data);
    if (index < 0 || !progress.success) return;
    (workers[progress.data.worker] ??= { pagesDone: 0 }).current = index + 1;
    report(landed.size + next);
  });
  // The connections' state is watched on `redis`; BullMQ would print every reconnect error.
  events.on('error', () => undefined);
  queue.on('error', () => undefined);

  let next = 0;
  let finished = false;
  try {
    await untilFatal(checkServer(redis, opts.onWarning));
    await untilFatal(heartbeat());
    await untilFatal(events.waitUntilReady());
    if ((await untilFatal(queue.getWorkers().catch(() => [{}]))).length === 0)
      opts.onWarning?.(
        `no worker is connected to ${where} yet; the pages wait until one starts (hoso worker)`,
      );
    let submitted = 0;
    while (next < total) {
      if (fatal) throw fatal;
      while (submitted < total && submitted < next + window) await untilFatal(submit(submitted++));
      const result = landed.get(next);
      if (result === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      landed.delete(next);
      const { plan, input: i } = pages[next];
      const input = inputs[i];
      const fileBytes = input.bytes!;
      if (--input.pagesLeft === 0) {
        // Its last page is back: the file's bytes leave Redis (unless the same file, given twice,
        // still has pages out: bytes are keyed by content) and our memory.
        const shared = inputs.some((x) => x.sha256 === input.sha256 && x.pagesLeft > 0);
        if (!shared) await untilFatal(redis.del(pageBytesKey(run, input.sha256!)).catch(() => undefined));
        input.bytes = undefined;
      }
      next++;
      report(next);
      opts.onProgress?.({ pagesDone: next, pagesTotal: total, elapsedMs: Date.now() - started });
      if (result === 'skipped') continue;
      const embeddedJpeg = plan.embeddedJpeg;
      const source: PageSource = embeddedJpeg
        ? pdfJpegSource({ ...plan, embeddedJpeg }, embeddedJpegBytes(fileBytes, embeddedJpeg), next - 1)
        : {
            ...plan,
            index: next - 1,
            fileBytes,
            ...(result.hasText === undefined ? {} : { hasText: result.hasText }),
          };
      const ocr = { ...result.ocr, index: next - 1, source: { file: plan.file, page: plan.pageInFile } };
      yield {
        source,
        ocr,
        textLayer: result.textLayer,
        worker: result.worker,
        fetchMs: result.fetchMs,
        ocrMs: result.ocrMs,
      };
    }
    finished = true;
  } catch (err) {
    throw fatal ?? queueFailure(err, where);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    for (const t of timers) clearInterval(t);
    await cleanUp(finished);
  }

  async function cleanUp(complete: boolean): Promise<void> {
    const bounded = <T>(work: Promise<T>) =>
      Promise.race([work.catch(() => undefined), new Promise((r) => setTimeout(r, 3000).unref())]);
    if (!complete && redis.status === 'ready') {
      // Stopped early: take back the pages nobody has started; running ones expire with the run.
      await bounded(Promise.all([...outstanding].map((i) => queue.remove(pageJobId(run, i)))));
      const keys = inputs.filter((x) => x.sha256).map((x) => pageBytesKey(run, x.sha256!));
      if (keys.length) await bounded(redis.del(...keys));
    }
    if (redis.status === 'ready') await bounded(redis.del(runAliveKey(run)));
    await bounded(Promise.all([events.close(), queue.close()]));
    // A Redis that is down keeps BullMQ's connections retrying, and the process alive: cut them.
    await bounded(Promise.all([events.disconnect(), queue.disconnect()]));
    redis.disconnect();
  }
}

async function reachable(redis: Redis, where: string, timeoutMs: number, signal?: AbortSignal) {
  const deadline = Date.now() + Math.min(timeoutMs, 10_000);
  let lastError = '';
  redis.on('error', (e: Error) => (lastError = e.message));
  while (redis.status !== 'ready') {
    if (signal?.aborted) throw abortError();
    const refused = redisRefusal(lastError, where);
    if (refused) throw new QueueError(refused);
    if (Date.now() > deadline)
      throw new QueueError(
        `cannot reach Redis at ${where}${lastError ? ` (${lastError})` : ''}; is the centre's Redis running and the URL right?`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** BullMQ's own rule: an evicting Redis may drop queued pages. Say so; the user owns the server. */
async function checkServer(redis: Redis, warn?: (m: string) => void): Promise<void> {
  const info = await redis.info('memory').catch(() => '');
  const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  if (policy && policy !== 'noeviction')
    warn?.(
      `Redis evicts keys (maxmemory-policy ${policy}); set it to noeviction or pages may be recognized twice`,
    );
}

/** Redis's answers the user can act on, as QueueErrors; anything else stays as it is. */
function queueFailure(err: unknown, where: string): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (/^OOM /.test(message))
    return new QueueError(
      `Redis at ${where} is full (maxmemory reached); nothing was written. Give it more memory or lower --window.`,
    );
  const refused = redisRefusal(message, where);
  if (refused) return new QueueError(refused);
  return err instanceof Error ? err : new Error(message);
}
