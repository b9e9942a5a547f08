import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { untilAborted } from '../../../ocr/src/abort';

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
