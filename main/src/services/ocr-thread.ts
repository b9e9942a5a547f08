import type { OcrPage } from '@hoso/contracts';
import { Worker } from 'node:worker_threads';
import type { Recognizer } from './ocr-engine';

type WorkerMessage =
  | { type: 'page'; ocr: OcrPage }
  | { type: 'done' }
  | { type: 'error'; error: { name: string; message: string; code?: string; file?: string; page?: number } };

/**
 * Where the worker entry lives: next to this module when running from TypeScript sources (tsx,
 * vitest: a bootstrap registers tsx in the worker), or next to the esbuild bundle (out/electron/ocr-worker.mjs).
 */
function workerEntry(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return fromSource
    ? new URL('./ocr-worker-dev.mjs', import.meta.url)
    : // Electron ≥ 17 reads worker scripts from app.asar (electron/electron#33216).
      new URL('./ocr-worker.mjs', import.meta.url);
}

/** Runs @hoso/ocr's recognizePages in a worker thread, streaming its pages back. */
export const threadRecognizer = (): Recognizer =>
  async function* recognizeInThread(files, opts) {
    const url = workerEntry();
    const { signal, onProgress: _onProgress, ...plain } = opts;
    const worker = new Worker(url, { workerData: { files, opts: plain } });
    const queue: WorkerMessage[] = [];
    let wake: (() => void) | undefined;
    let exited = false;
    const push = (m: WorkerMessage) => {
      queue.push(m);
      wake?.();
    };
    worker.on('message', push);
    worker.on('error', (err) => push({ type: 'error', error: { name: err.name, message: err.message } }));
    worker.on('exit', (code) => {
      exited = true;
      if (code !== 0)
        push({ type: 'error', error: { name: 'Error', message: `OCR worker stopped (exit ${code}).` } });
      else wake?.();
    });
    const onAbort = () => {
      worker.postMessage({ type: 'abort' });
      // The engine stops between pages; a page stuck in recognition is cut short.
      setTimeout(() => void worker.terminate(), 5_000).unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const message = queue.shift();
        if (!message) {
          if (exited) throw new Error('OCR worker ended without a result.');
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if (message.type === 'page') yield { ocr: message.ocr };
        else if (message.type === 'done') return;
        else throw Object.assign(new Error(message.error.message), message.error);
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (!exited) await worker.terminate();
    }
  };
