import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOUNDED_MALLOC_ENV } from '@hoso/ocr/bounded-malloc';
import { afterEach, describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { createHost, type Host } from '../../main/src/services/host';
import { startWebServer, type WebServer } from '../../main/src/web/server';
import { fakeRecognizer, makeImage, tempDir, until } from './helpers';
import { authed, json } from './http-client';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let host: Host | undefined;
let server: WebServer | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  await host?.close();
  await server?.close();
  host = server = undefined;
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

const newHost = async (dataDir: string) =>
  (host = await createHost({
    dataDir,
    env: { exportUrl: (n) => n },
    recognize: fakeRecognizer({ pages: 1 }).recognize,
  }));

async function rendererDir(): Promise<string> {
  const dir = path.join(await tempDir('hoso-renderer-'), 'dist');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
  return dir;
}

/**
 * The browser-mode server (`main/src/web/cli.ts`) as one real child process over `dataDir`;
 * resolves with its port and secret. One process, so that SIGKILL reaches the server itself:
 * through tsx's CLI (a process that spawns node) and the bounded-malloc re-run (a detached
 * grandchild), kill -9 would only end the wrappers, the server would live on, and when the test
 * then drops the upload the live server removes its own .part, the very file the test looks for.
 * MALLOC_ARENA_MAX set: no re-run (as tests/queue/workers.ts does).
 */
async function startChild(dataDir: string, options: { rerun?: boolean } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'main/src/web/cli.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...(options.rerun ? {} : BOUNDED_MALLOC_ENV),
      PORT: '0',
      HOSO_DATA_DIR: dataDir,
      HOSO_RENDERER_DIR: await rendererDir(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out);
      if (m) resolve(new URL(m[0]));
    });
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
  });
  return { child, port: Number(url.port), token: url.searchParams.get('token')! };
}

/**
 * Starts an upload that never finishes on its own: `head` then endless filler, written as fast
 * as the server reads. Returns how many bytes went out and a stop function.
 */
function endlessUpload(port: number, token: string, urlPath: string, head: Buffer) {
  let sent = 0;
  let stopped = false;
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: urlPath,
    headers: {
      Host: `127.0.0.1:${port}`,
      Origin: `http://127.0.0.1:${port}`,
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/octet-stream',
      'Transfer-Encoding': 'chunked',
    },
  });
  const reply = new Promise<{ status: number; body: string } | undefined>((resolve) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve(undefined));
    });
    req.on('error', () => resolve(undefined));
  });
  const filler = Buffer.alloc(256 * 1024, 0x41);
  const pump = () => {
    while (!stopped) {
      const chunk = sent === 0 ? head : filler;
      sent += chunk.length;
      if (!req.write(chunk)) {
        req.once('drain', pump);
        return;
      }
    }
  };
  pump();
  return {
    reply,
    sent: () => sent,
    stop() {
      stopped = true;
      req.destroy();
    },
  };
}

/** Whether a new TCP connection to the port is accepted. */
const connects = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const partFiles = async (dir: string) =>
  (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.part'));

describe('crash safety', () => {
  test('kill -9 mid-upload and mid-bundle-import: the next start removes every tmp/*.part and stores nothing half', async () => {
    const dataDir = await tempDir();
    const paths = dataPaths(dataDir);
    const jpegHead = (await makeImage('jpeg')).subarray(0, 4096);
    for (const route of ['/api/files?name=scan.jpg', '/api/bundles/import']) {
      const { child, port, token } = await startChild(dataDir);
      const upload = endlessUpload(
        port,
        token,
        route,
        route.includes('bundles') ? Buffer.from('PK\x03\x04') : jpegHead,
      );
      await until(
        async () => (await partFiles(paths.tmp)).length > 0 && upload.sent() > 8 * 1024 * 1024,
        'a .part file',
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      // The server itself is gone (nothing listens any more), not only a wrapper around it.
      expect(await connects(port)).toBe(false);
      upload.stop();
      // What kill -9 leaves behind: the half-received upload.
      expect((await partFiles(paths.tmp)).length).toBeGreaterThan(0);
    }
    // The next start cleans it, and nothing half-stored appears anywhere.
    await newHost(dataDir);
    expect(await readdir(paths.tmp)).toEqual([]);
    expect(await readdir(paths.originals)).toEqual([]);
    expect(await readdir(paths.meta)).toEqual([]);
  }, 90_000);

  test('kill -9 of the server as started (it re-runs itself detached, bounded malloc): the re-run server ends too', async () => {
    const { child, port } = await startChild(await tempDir(), { rerun: true });
    expect(await connects(port)).toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The re-run notices its wrapper is gone (exitWithWrapper) and stops serving the data folder.
    await until(async () => !(await connects(port)), 'the re-run server to end with its wrapper');
  });

  test('a corrupt jobs/jobs.json: the app starts, recovers the last good copy, and says so', async () => {
    const dataDir = await tempDir();
    const paths = dataPaths(dataDir);
    const first = await newHost(dataDir);
    const stored = await first.uploads.storeFile({ name: 'a.jpg' }, await makeImage('jpeg'));
    const job = (await first.run('enqueueOcr', {
      fileHash: stored.hash,
      fileName: 'a.jpg',
      lang: 'vie',
      forceOcr: false,
    })) as { id: string };
    await first.queue.idle();
    await first.close();
    host = undefined;
    expect(await first.run('hostNotices', {})).toEqual([]);

    // A power cut on a filesystem that reorders writes: the list is cut short.
    const listFile = path.join(paths.jobs, 'jobs.json');
    const whole = await readFile(listFile, 'utf8');
    await writeFile(listFile, whole.slice(0, whole.length / 2));
    const second = await newHost(dataDir);
    expect(second.queue.list()).toMatchObject([{ id: job.id, state: 'done' }]);
    expect(await second.run('hostNotices', {})).toMatchObject([{ code: 'JOBS_RECOVERED' }]);
    expect((await readdir(paths.jobs)).some((n) => /^jobs\.corrupt-.*\.json$/.test(n))).toBe(true);
    await second.close();
    host = undefined;

    // Both copies damaged (or valid JSON of the wrong shape): still starts, says the list is lost.
    await writeFile(listFile, '{"not":"a list"}');
    await writeFile(path.join(paths.jobs, 'jobs.last-good.json'), '');
    const third = await newHost(dataDir);
    expect(third.queue.list()).toEqual([]);
    expect(await third.run('hostNotices', {})).toMatchObject([{ code: 'JOBS_LOST' }]);
    // The original is untouched by all of this.
    expect(await third.store.getFile(stored.hash)).toMatchObject({ hash: stored.hash });
  });

  test('600 MB of garbage is refused after its first kilobyte, without 600 MB of memory or disk', async () => {
    server = await startWebServer({
      port: 0,
      dataDir: await tempDir(),
      rendererDir: await rendererDir(),
      recognize: fakeRecognizer({ pages: 1 }).recognize,
    });
    const rssBefore = process.memoryUsage().rss;
    const upload = endlessUpload(
      server.port,
      server.token,
      '/api/files?name=scan.pdf',
      Buffer.alloc(64 * 1024, 0x41),
    );
    const reply = await upload.reply;
    upload.stop();
    expect(reply?.status).toBe(200);
    expect(JSON.parse(reply!.body)).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_FORMAT', file: 'scan.pdf' },
    });
    // The server answered and closed long before 600 MB went out.
    expect(upload.sent()).toBeLessThan(64 * 1024 * 1024);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(await readdir(server.host.paths.tmp)).toEqual([]);
  });

  test('JSON bodies are capped at what the command needs', async () => {
    server = await startWebServer({ port: 0, dataDir: await tempDir(), rendererDir: await rendererDir() });
    const raw = authed(server.token);
    const origin = { Origin: `http://127.0.0.1:${server.port}`, 'Content-Type': 'application/json' };
    const padded = (n: number) => JSON.stringify({ pad: 'x'.repeat(n) });
    const small = await raw(server.port, 'POST', '/api/call/listJobs', origin, padded(100 * 1024));
    expect(small.status).toBe(413);
    expect(json(small)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    // An export of a big dossier is a few MB of words: it reaches validation (400: wrong shape), not 413.
    const big = await raw(server.port, 'POST', '/api/call/exportPdf', origin, padded(5 * 1024 * 1024));
    expect(big.status).toBe(400);
  });
});
