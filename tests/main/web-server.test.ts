import type { HostEvent } from '@hoso/contracts';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startWebServer, type WebServer } from '../../main/src/web/server';
import { fakeRecognizer, makeImage, tempDir, until } from './helpers';
import { authed, json, raw as rawHttp } from './http-client';

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const dataDir = await tempDir();
  const rendererDir = path.join(await tempDir('hoso-renderer-'), 'dist');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A file next to the renderer folder that no URL may reach.
  await writeFile(path.join(rendererDir, '..', 'secret.txt'), 'TOP-SECRET-CONTENT');
  server = await startWebServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    rendererDir,
    recognize: fakeRecognizer({ pages: 1 }).recognize,
    maxFileBytes: 5_000_000,
  });
  return server;
}

/** Every request below is the owner's (the bearer secret); web-auth.test.ts attacks without it. */
const raw: typeof rawHttp = (port, method, urlPath, headers, body) =>
  authed(server!.token)(port, method, urlPath, headers, body);

describe('browser-mode HTTP server', () => {
  test('serves the renderer with CSP and nosniff, and nothing outside it', async () => {
    const s = await start();
    const home = await raw(s.port, 'GET', '/');
    expect(home.status).toBe(200);
    expect(home.headers['content-security-policy']).toContain("object-src 'none'");
    expect(home.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw(s.port, 'GET', '/assets/app.js')).headers['content-type']).toContain('javascript');
    for (const evil of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
    ]) {
      const res = await raw(s.port, 'GET', evil);
      expect([400, 404]).toContain(res.status);
      expect(res.body.toString()).not.toContain('TOP-SECRET-CONTENT');
    }
  });

  test('refuses a foreign Host (DNS rebinding) and a foreign or missing Origin on changes', async () => {
    const s = await start();
    expect((await raw(s.port, 'GET', '/', { Host: 'evil.example:80' })).status).toBe(403);
    expect((await raw(s.port, 'GET', '/api/events', { Host: `attacker.test:${s.port}` })).status).toBe(403);
    const call = (origin?: string) =>
      raw(
        s.port,
        'POST',
        '/api/call/listJobs',
        { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
        '{}',
      );
    expect((await call('http://evil.example')).status).toBe(403);
    expect((await call()).status).toBe(403);
    const good = await call(`http://127.0.0.1:${s.port}`);
    expect(good.status).toBe(200);
    expect(json(good)).toEqual({ ok: true, value: [] });
    expect((await call(`http://localhost:${s.port}`)).status).toBe(200);
    // A page on another local port embedding a case image is refused; the user's own tab is not.
    expect((await raw(s.port, 'GET', '/', { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await raw(s.port, 'GET', '/', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await raw(s.port, 'GET', '/', { 'Sec-Fetch-Site': 'none' })).status).toBe(200);
  });

  test('malformed JSON, a wrong shape or an unknown command → 4xx with an error value', async () => {
    const s = await start();
    const origin = `http://127.0.0.1:${s.port}`;
    const post = (p: string, body: string, type = 'application/json') =>
      raw(s.port, 'POST', p, { 'Content-Type': type, Origin: origin }, body);
    const malformed = await post('/api/call/enqueueOcr', '{"fileHash": ');
    expect(malformed.status).toBe(400);
    expect(json(malformed)).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    const wrong = await post('/api/call/enqueueOcr', JSON.stringify({ fileHash: 'xyz', fileName: 3 }));
    expect(wrong.status).toBe(400);
    expect(json(wrong).error.message).toContain('fileHash');
    expect((await post('/api/call/listJobs', '{}', 'text/plain')).status).toBe(400);
    expect((await post('/api/call/listJobs', '{"extra":1}')).status).toBe(400);
    expect((await post('/api/call/constructor', '{}')).status).toBe(404);
    const missing = await post('/api/call/getFile', JSON.stringify({ hash: 'a'.repeat(64) }));
    expect(missing.status).toBe(404);
    expect(json(missing)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('upload, page image, original, OCR job, and SSE events end to end', async () => {
    const s = await start();
    const origin = `http://127.0.0.1:${s.port}`;
    const events: HostEvent[] = [];
    const sse = await fetch(`${s.url}api/events`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    const reader = sse.body!.getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += new TextDecoder().decode(value);
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (chunk.startsWith('data: ')) events.push(JSON.parse(chunk.slice(6)));
        }
      }
    })();

    const jpeg = await makeImage('jpeg');
    const up = await raw(
      s.port,
      'POST',
      `/api/files?name=${encodeURIComponent('Bút lục 1.jpg')}`,
      { Origin: origin },
      jpeg,
    );
    expect(up.status).toBe(200);
    const stored = json(up).value;
    expect(stored).toMatchObject({ name: 'Bút lục 1.jpg', existed: false, mime: 'image/jpeg' });
    const img = await raw(s.port, 'GET', `/api/files/${stored.hash}/pages/0/image`);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(img.body.equals(jpeg)).toBe(true);
    const orig = await raw(s.port, 'GET', `/api/files/${stored.hash}/original`);
    expect(orig.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%BAt");
    expect(orig.body.equals(jpeg)).toBe(true);
    expect((await raw(s.port, 'GET', `/api/files/${stored.hash}/pages/9/image`)).status).toBe(404);

    const bad = await raw(s.port, 'POST', '/api/files?name=x.pdf', { Origin: origin }, 'not a pdf');
    // A user's bad file is an answer, not a failed request (no console error in the browser).
    expect(bad.status).toBe(200);
    expect(json(bad)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FORMAT', file: 'x.pdf' } });
    const big = await raw(
      s.port,
      'POST',
      '/api/files?name=big.jpg',
      { Origin: origin },
      Buffer.alloc(6_000_000),
    );
    expect(big.status).toBe(413);

    const enq = await raw(
      s.port,
      'POST',
      '/api/call/enqueueOcr',
      { 'Content-Type': 'application/json', Origin: origin },
      JSON.stringify({ fileHash: stored.hash, fileName: stored.name }),
    );
    const job = json(enq).value;
    await until(
      () => events.some((e) => e.type === 'ocr-job' && e.job.id === job.id && e.job.state === 'done'),
      'done event',
    );
    const result = await raw(
      s.port,
      'POST',
      '/api/call/jobResult',
      { 'Content-Type': 'application/json', Origin: origin },
      JSON.stringify({ id: job.id }),
    );
    expect(json(result).value.pages).toHaveLength(1);
    await reader.cancel();

    // Bundle round trip over HTTP: export, download, import (streamed to disk on the way in).
    const exported = json(
      await raw(
        s.port,
        'POST',
        '/api/call/exportBundle',
        { 'Content-Type': 'application/json', Origin: origin },
        JSON.stringify({ fileName: 'Vụ án 12.hoso', caseData: { n: 'Vụ án 12' }, fileHashes: [stored.hash] }),
      ),
    ).value;
    expect(exported.fileName).toBe('Vụ án 12.hoso');
    const download = await raw(s.port, 'GET', `${exported.url}?download`);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.body.length).toBe(exported.bytes);
    const imported = await raw(s.port, 'POST', '/api/bundles/import', { Origin: origin }, download.body);
    expect(json(imported)).toMatchObject({
      ok: true,
      value: { caseData: { n: 'Vụ án 12' }, files: [{ existed: true }] },
    });
    const cut = await raw(
      s.port,
      'POST',
      '/api/bundles/import',
      { Origin: origin },
      download.body.subarray(0, 500),
    );
    expect(json(cut)).toMatchObject({ ok: false, error: { code: 'BUNDLE_CORRUPT' } });

    // An original altered on disk is refused, not served.
    const onDisk = path.join(s.host.paths.originals, stored.hash);
    await chmod(onDisk, 0o644);
    await writeFile(onDisk, Buffer.concat([jpeg, Buffer.from('x')]));
    const tampered = await raw(s.port, 'GET', `/api/files/${stored.hash}/original`);
    expect(tampered.status).toBe(422);
    expect(json(tampered)).toMatchObject({
      ok: false,
      error: { code: 'INTEGRITY_ERROR', file: 'Bút lục 1.jpg' },
    });
  });

  test('only binds to loopback', async () => {
    await expect(
      startWebServer({
        port: 0,
        host: '0.0.0.0' as '127.0.0.1',
        dataDir: await tempDir(),
        rendererDir: await tempDir(),
      }),
    ).rejects.toThrow(/127\.0\.0\.1/);
  });
});
