import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abortError, untilAborted } from '../../../ocr/src/abort';
import { recognizePages } from '../../../ocr/src/pipeline';
import { makeImage } from '../../main/helpers';

describe('untilAborted', () => {
  it("passes the work's result through and leaves nothing attached to the signal", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 100; i++) {
      await expect(untilAborted(Promise.resolve(i), controller.signal)).resolves.toBe(i);
    }
    await expect(untilAborted(Promise.reject(new Error('bad page')), controller.signal)).rejects.toThrow(
      'bad page',
    );
    // A listener (or a reaction on a pending promise) per page would keep every page's result alive.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with an AbortError as soon as the signal fires, and when it already has', async () => {
    const controller = new AbortController();
    const pending = untilAborted(new Promise(() => undefined), controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(untilAborted(Promise.resolve(1), controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('an interrupt while the pipeline reads its next input file (issue 9)', () => {
  it('already aborted: the work it was handed may still fail, and that failure is not unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const controller = new AbortController();
      controller.abort();
      // As `untilAborted(sources.next(), signal)` does: the generator runs, sees the abort, throws.
      const work = new Promise((_, reject) => setImmediate(() => reject(abortError())));
      await expect(untilAborted(work, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
      await new Promise((r) => setTimeout(r, 50)); // let Node report an unhandled rejection, if any
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('recognizePages: aborting while the consumer holds a page rejects the next page, nothing escapes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoso-abort-'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const files = [];
      for (let i = 1; i <= 4; i++) {
        const file = join(dir, `trang-${i}.png`);
        writeFileSync(file, await makeImage('png', i));
        files.push(file);
      }
      const controller = new AbortController();
      const pages = recognizePages(files, {
        lang: 'vie',
        jobs: 1,
        forceOcr: false,
        skipBadPages: false,
        signal: controller.signal,
      });
      const first = await pages.next();
      expect(first.done).toBe(false);
      // Ctrl-C while the page is being written: the pipeline resumes only when asked for the next.
      controller.abort();
      await expect(pages.next()).rejects.toMatchObject({ name: 'AbortError' });
      await new Promise((r) => setTimeout(r, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
