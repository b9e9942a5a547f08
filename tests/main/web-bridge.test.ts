import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startWebServer, type WebServer } from '../../main/src/web/server';
import { createWebBridge } from '../../renderer/src/bridge/webBridge';
import { fakeRecognizer, makeImage, tempDir } from './helpers';

let server: WebServer | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await server?.close();
  server = undefined;
});

/** The renderer's HTTP client against the real server (Origin added as a browser would). */
describe('web bridge client', () => {
  test('store, get, page image URL, OCR job and its result, errors as values', async () => {
    const rendererDir = path.join(await tempDir(), 'dist');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    server = await startWebServer({
      port: 0,
      dataDir: await tempDir(),
      rendererDir,
      recognize: fakeRecognizer({ pages: 1 }).recognize,
    });
    const base = server.url.replace(/\/$/, '');
    const token = server.token;
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) =>
      realFetch(input, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          Origin: base,
          Authorization: `Bearer ${token}`,
        },
      }),
    );
    const bridge = createWebBridge(base);
    expect(bridge.mode).toBe('web');
    const jpeg = await makeImage('jpeg');
    const stored = await bridge.storeFile(
      jpeg.buffer.slice(jpeg.byteOffset, jpeg.byteOffset + jpeg.byteLength) as ArrayBuffer,
      { name: 'Trang 1.jpg' },
    );
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value).toMatchObject({ name: 'Trang 1.jpg', existed: false });
    const again = await bridge.getFile({ hash: stored.value.hash });
    expect(again).toMatchObject({ ok: true, value: { hash: stored.value.hash } });
    const image = await fetch(bridge.pageImageUrl(stored.value.hash, 0));
    expect(image.headers.get('content-type')).toBe('image/jpeg');

    const job = await bridge.enqueueOcr({ fileHash: stored.value.hash, fileName: 'Trang 1.jpg' });
    if (!job.ok) throw new Error(job.error.message);
    await server.host.queue.idle();
    const jobs = await bridge.listJobs();
    expect(jobs).toMatchObject({ ok: true, value: [{ id: job.value.id, state: 'done' }] });
    const words = await bridge.jobResult({ id: job.value.id });
    expect(words).toMatchObject({ ok: true, value: { format: 'hoso-ocr-words' } });

    expect(await bridge.getFile({ hash: '0'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await bridge.cancelJob({ id: 'not-a-job' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_MESSAGE' },
    });
    expect(await bridge.getWatchFolder()).toEqual({ ok: true, value: null });
    const folder = await tempDir('hoso-scan-');
    expect(await bridge.setWatchFolder({ path: folder })).toEqual({ ok: true, value: folder });
    expect(await bridge.getWatchFolder()).toEqual({ ok: true, value: folder });

    await server.close();
    server = undefined;
    expect(await bridge.listJobs()).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
  });
});
