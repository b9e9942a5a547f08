import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { toHostError } from '../../main/src/services/host-error';
import { threadRecognizer } from '../../main/src/services/ocr-thread';
import { tempDir } from './helpers';

const fixture = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/sample-dossier/03-ket-luan-giam-dinh-va-bien-ban-thu-giu.tif',
);
const opts = { lang: 'vie' as const, jobs: 1, forceOcr: false, skipBadPages: false };

/** The OCR engine in a worker thread: errors keep their meaning, abort stops it. */
describe('OCR in a worker thread', () => {
  test("the engine's input errors cross the thread with their code and file", async () => {
    const bad = path.join(await tempDir(), 'Biên bản.pdf');
    await writeFile(bad, 'this is text, not a PDF');
    const pages: unknown[] = [];
    const failure = await (async () => {
      for await (const page of threadRecognizer()([bad], opts)) pages.push(page);
    })().catch((err: unknown) => err);
    expect(pages).toEqual([]);
    const error = toHostError(failure);
    expect(error.code).toBe('NOT_A_PDF');
    expect(error.file).toBe(bad);
  });

  test('an abort stops the worker without a result', async () => {
    const abort = new AbortController();
    const seen: number[] = [];
    const run = (async () => {
      for await (const { ocr } of threadRecognizer()([fixture], { ...opts, signal: abort.signal }))
        seen.push(ocr.index);
    })();
    abort.abort();
    const outcome = await run.then(
      () => 'finished',
      (err: Error) => err.name,
    );
    // The engine noticed the abort and threw AbortError through the thread.
    expect(seen.length).toBeLessThan(2);
    expect(outcome).toBe('AbortError');
  });
});
