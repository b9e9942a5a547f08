// Worker-thread entry of the OCR engine (see ocr-thread.ts). The pipeline's decoding and layout
// analysis run synchronous JavaScript; here they cannot stall the host's HTTP server or Electron's
// main process (measured: 1.7 s event-loop stalls in-process, 0.17 s with this worker).
// One worker serves job after job, so module loading is paid once, not per file.
import { parentPort } from 'node:worker_threads';
import type { RecognizeOptions } from './ocr-engine';

export type WorkerRequest =
  | { type: 'start'; id: number; files: string[]; opts: Omit<RecognizeOptions, 'signal' | 'onProgress'> }
  | { type: 'abort'; id: number };

const port = parentPort!;
const running = new Map<number, AbortController>();

port.on('message', (message: WorkerRequest) => {
  if (message.type === 'abort') running.get(message.id)?.abort();
  else void run(message);
});

async function run({ id, files, opts }: Extract<WorkerRequest, { type: 'start' }>): Promise<void> {
  const abort = new AbortController();
  running.set(id, abort);
  try {
    const { recognizePages } = await import('@hoso/ocr');
    for await (const { ocr } of recognizePages(files, { ...opts, signal: abort.signal })) {
      port.postMessage({ type: 'page', id, ocr });
    }
    port.postMessage({ type: 'done', id });
  } catch (err) {
    const e = err as Error & { code?: string; file?: string; page?: number };
    port.postMessage({
      type: 'error',
      id,
      error: {
        name: e?.name ?? 'Error',
        message: e?.message ?? String(err),
        code: e?.code,
        file: e?.file,
        page: e?.page,
      },
    });
  } finally {
    running.delete(id);
  }
}
