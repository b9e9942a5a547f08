// Worker-thread entry of the OCR engine (see ocr-thread.ts). The pipeline's decoding and layout
// analysis run synchronous JavaScript; here they cannot stall the host's HTTP server or Electron's
// main process (measured: up to ~0.9 s event-loop stalls when run in-process).
import { parentPort, workerData } from 'node:worker_threads';
import type { RecognizeOptions } from './ocr-engine';

type Start = { files: string[]; opts: Omit<RecognizeOptions, 'signal' | 'onProgress'> };

const port = parentPort!;
const abort = new AbortController();
port.on('message', (message: { type: 'abort' }) => {
  if (message.type === 'abort') abort.abort();
});

async function run(): Promise<void> {
  const { files, opts } = workerData as Start;
  try {
    const { recognizePages } = await import('@hoso/ocr');
    for await (const { ocr } of recognizePages(files, { ...opts, signal: abort.signal })) {
      port.postMessage({ type: 'page', ocr });
    }
    port.postMessage({ type: 'done' });
  } catch (err) {
    const e = err as Error & { code?: string; file?: string; page?: number };
    port.postMessage({
      type: 'error',
      error: {
        name: e?.name ?? 'Error',
        message: e?.message ?? String(err),
        code: e?.code,
        file: e?.file,
        page: e?.page,
      },
    });
  }
}

void run();
