import type { OcrPage } from '@hoso/contracts';
import { Worker } from 'node:worker_threads';
import type { Recognizer } from './ocr-engine';
import type { WorkerRequest } from './ocr-worker';

type WorkerReply =
  | { type: 'page'; id: number; ocr: OcrPage }
  | { type: 'done'; id: number }
  | {
      type: 'error';
      id: number;
      error: { name: string; message: string; code?: string; file?: string; page?: number };
    };

/** A worker with nothing to do for this long is stopped (tesseract's memory goes with it). */
const IDLE_MS = 60_000;

/**
 * Where the worker entry lives: next to this module when running from TypeScript sources (tsx,
 * vitest: a bootstrap registers tsx in the worker), or next to the esbuild bundle
 * (out/electron/ocr-worker.mjs; Electron ≥ 17 reads worker scripts from app.asar, electron/electron#33216).
 */
function workerEntry(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./ocr-worker-dev.mjs', import.meta.url)
    : new URL('./ocr-worker.mjs', import.meta.url);
}

/**
 * Runs @hoso/ocr's recognizePages in a long-lived worker thread, streaming pages back. The worker
 * starts on first use, is reused for the next jobs, and stops after a minute of idleness; if it
 * dies, the job in progress fails and the next one starts a fresh worker.
 */
export function threadRecognizer(): Recognizer {
  let worker: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 1;
  const listeners = new Map<number, (reply: WorkerReply) => void>();

  const ensureWorker = (): Worker => {
    if (idleTimer) clearTimeout(idleTimer);
    if (worker) return worker;
    const w = new Worker(workerEntry());
    w.on('message', (reply: WorkerReply) => listeners.get(reply.id)?.(reply));
    const fail = (message: string) => {
      if (worker === w) worker = undefined;
      for (const [id, listener] of listeners)
        listener({ type: 'error', id, error: { name: 'Error', message } });
    };
    w.on('error', (err) => fail(`OCR worker failed: ${err.message}`));
    w.on('exit', (code) => fail(`OCR worker stopped (exit ${code}).`));
    worker = w;
    return w;
  };

  const releaseLater = () => {
    if (listeners.size > 0 || !worker) return;
    const w = worker;
    idleTimer = setTimeout(() => {
      if (worker === w && listeners.size === 0) {
        worker = undefined;
        void w.terminate();
      }
    }, IDLE_MS);
    idleTimer.unref();
  };

  return async function* recognizeInThread(files, opts) {
    const { signal, onProgress: _onProgress, ...plain } = opts;
    const id = nextId++;
    const w = ensureWorker();
    // Referenced while a job runs (the process must not exit under it), unreferenced when idle.
    w.ref();
    const replies: WorkerReply[] = [];
    let finished = false;
    let wake: (() => void) | undefined;
    listeners.set(id, (reply) => {
      replies.push(reply);
      wake?.();
    });
    const onAbort = () => {
      w.postMessage({ type: 'abort', id } satisfies WorkerRequest);
      // The engine stops between pages; a worker that does not answer is stopped outright.
      setTimeout(() => {
        if (listeners.has(id)) void w.terminate();
      }, 10_000).unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    w.postMessage({ type: 'start', id, files, opts: plain } satisfies WorkerRequest);
    try {
      for (;;) {
        const reply = replies.shift();
        if (!reply) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (reply.type === 'page') {
          yield { ocr: reply.ocr };
          continue;
        }
        finished = true;
        if (reply.type === 'done') return;
        throw Object.assign(new Error(reply.error.message), reply.error);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      // A consumer that stops early (break) cancels the job in the worker too.
      if (!finished) w.postMessage({ type: 'abort', id } satisfies WorkerRequest);
      listeners.delete(id);
      if (listeners.size === 0) w.unref();
      releaseLater();
    }
  };
}
