import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { startWebServer, type WebServer } from '../../main/src/web/server';
import { resolveWebToken } from '../../main/src/web/session-auth';
import { fakeRecognizer, makeImage, tempDir } from './helpers';
import { json, raw } from './http-client';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function rendererDir(): Promise<string> {
  const dir = path.join(await tempDir('hoso-renderer-'), 'dist');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  return dir;
}

async function start(token?: string) {
  server = await startWebServer({
    port: 0,
    dataDir: await tempDir(),
    rendererDir: await rendererDir(),
    recognize: fakeRecognizer({ pages: 1 }).recognize,
    token,
  });
  return server;
}

/** What another OS user can forge: the right Host and Origin, but no secret. */
const forged = (port: number, extra: Record<string, string> = {}) => ({
  Origin: `http://127.0.0.1:${port}`,
  'Sec-Fetch-Site': 'same-origin',
  ...extra,
});

describe('browser mode is for its owner only (per-run secret)', () => {
  test('a forged-Origin client without the secret gets 401 on every /api route and changes nothing', async () => {
    const s = await start();
    // The owner stores a file, so there is something to steal.
    const jpeg = await makeImage('jpeg');
    const stored = json(
      await raw(
        s.port,
        'POST',
        '/api/files?name=a.jpg',
        { ...forged(s.port), Authorization: `Bearer ${s.token}` },
        jpeg,
      ),
    ).value;
    const scan = await tempDir('hoso-victim-scan-');
    const attacks: [string, string, string?, Record<string, string>?][] = [
      ['GET', '/api/events'],
      ['GET', '/api/session'],
      ['GET', `/api/files/${stored.hash}/original`],
      ['HEAD', `/api/files/${stored.hash}/original`],
      ['GET', `/api/files/${stored.hash}/pages/0/image`],
      ['GET', '/api/exports/00000000-x.pdf'],
      ['POST', '/api/call/listJobs', '{}'],
      ['POST', '/api/call/getFile', JSON.stringify({ hash: stored.hash })],
      ['POST', '/api/call/jobResult', JSON.stringify({ id: '0'.repeat(36) })],
      ['POST', '/api/call/setWatchFolder', JSON.stringify({ path: scan })],
      [
        'POST',
        '/api/call/exportBundle',
        JSON.stringify({ fileName: 'x', caseData: {}, fileHashes: [stored.hash] }),
      ],
      ['POST', '/api/files?name=evil.jpg', 'x'.repeat(1000)],
      ['POST', '/api/bundles/import', 'PK'],
      ['GET', '/api/nonexistent'],
    ];
    const credentials: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong' },
      { Authorization: `Bearer ${s.token}x` },
      { Authorization: `Basic ${Buffer.from(`x:${s.token}`).toString('base64')}` },
      { Cookie: `hoso_session_${s.port}=${s.token}` }, // the secret is not the cookie value
      { Cookie: `hoso_session_${s.port}=` },
    ];
    for (const cred of credentials) {
      for (const [method, url, body] of attacks) {
        const headers = { ...forged(s.port), 'Content-Type': 'application/json', ...cred };
        const res = await raw(s.port, method, url, headers, body);
        expect(`${method} ${url} ${JSON.stringify(cred)} → ${res.status}`).toBe(
          `${method} ${url} ${JSON.stringify(cred)} → 401`,
        );
        if (method !== 'HEAD') {
          expect(res.body.includes(jpeg.subarray(0, 64))).toBe(false);
          expect(json(res)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
        }
      }
    }
    // Nothing changed on disk: no watch folder, no new original, no export, no temp file.
    expect(await s.host.run('getWatchFolder', {})).toBeNull();
    expect(await readdir(s.host.paths.originals)).toEqual([stored.hash]);
    expect(await readdir(s.host.paths.exports)).toEqual([]);
    expect(await readdir(s.host.paths.tmp)).toEqual([]);
    // The UI shell itself loads without the secret (it then tells the user to open the link).
    expect((await raw(s.port, 'GET', '/')).status).toBe(200);
  });

  test('401 comes before the body: a 600 MB upload without the secret is never read', async () => {
    const s = await start();
    const socket = connect(s.port, '127.0.0.1');
    const reply = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST /api/files?name=big.jpg HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n` +
        `Origin: http://127.0.0.1:${s.port}\r\nContent-Length: ${600 * 1024 * 1024}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(64 * 1024, 0xff));
    // The server answers and closes the connection while 599.9 MB are still unsent.
    const text = await reply;
    expect(text).toMatch(/^HTTP\/1\.1 401/);
    expect(text.toLowerCase()).toContain('connection: close');
    expect(await readdir(s.host.paths.tmp)).toEqual([]);
  });

  test('opening the printed link sets an HttpOnly SameSite=Strict cookie and drops the token from the URL', async () => {
    const s = await start();
    expect(s.loginUrl).toBe(`http://127.0.0.1:${s.port}/?token=${encodeURIComponent(s.token)}`);
    const login = await raw(s.port, 'GET', `/?lang=vi&token=${encodeURIComponent(s.token)}`, {
      'Sec-Fetch-Site': 'none',
    });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/?lang=vi');
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^hoso_session_${s.port}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain(s.token);
    const cookie = setCookie.split(';')[0];
    const session = await raw(s.port, 'GET', '/api/session', { Cookie: `other=1; ${cookie}` });
    expect(session.status).toBe(200);
    const call = await raw(
      s.port,
      'POST',
      '/api/call/listJobs',
      { Cookie: cookie, ...forged(s.port), 'Content-Type': 'application/json' },
      '{}',
    );
    expect(json(call)).toEqual({ ok: true, value: [] });
    // The cookie does not replace the Host/Origin checks: a cross-site page holding it is refused.
    const crossSite = await raw(
      s.port,
      'POST',
      '/api/call/listJobs',
      { Cookie: cookie, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
      '{}',
    );
    expect(crossSite.status).toBe(403);
    const wrong = await raw(s.port, 'GET', '/?token=guess');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.body.toString()).toContain('Mã truy cập không đúng');
  });

  test('the secret is new on every start unless HOSO_WEB_TOKEN fixes it', async () => {
    const a = resolveWebToken({});
    const b = resolveWebToken({});
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(resolveWebToken({ HOSO_WEB_TOKEN: 'a-fixed-secret-of-the-unit' })).toBe(
      'a-fixed-secret-of-the-unit',
    );
    expect(() => resolveWebToken({ HOSO_WEB_TOKEN: 'short' })).toThrow(/at least 16/);
    const s = await start('a-fixed-secret-of-the-unit');
    expect(
      (await raw(s.port, 'GET', '/api/session', { Authorization: 'Bearer a-fixed-secret-of-the-unit' }))
        .status,
    ).toBe(200);
  });

  test('npm run web prints the link with a fresh secret, and only that link opens the API', async () => {
    const dataDir = await tempDir();
    const runs: { url: string; child: ReturnType<typeof spawn> }[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const child = spawn(
          process.execPath,
          [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(repoRoot, 'main/src/web/cli.ts')],
          {
            env: {
              ...process.env,
              PORT: '0',
              HOSO_DATA_DIR: dataDir,
              HOSO_RENDERER_DIR: await rendererDir(),
              HOSO_WEB_TOKEN: '',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        const url = await new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout!.on('data', (d: Buffer) => {
            out += d.toString();
            const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out);
            if (m) resolve(m[0]);
          });
          child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
        });
        runs.push({ url, child });
        const { port, searchParams } = new URL(url);
        const token = searchParams.get('token')!;
        expect((await raw(Number(port), 'GET', '/api/session')).status).toBe(401);
        expect(
          (await raw(Number(port), 'GET', '/api/session', { Authorization: `Bearer ${token}` })).status,
        ).toBe(200);
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      expect(new URL(runs[0].url).searchParams.get('token')).not.toBe(
        new URL(runs[1].url).searchParams.get('token'),
      );
      // The secret is printed, never written into the data folder.
      const token = new URL(runs[1].url).searchParams.get('token')!;
      for (const name of await readdir(dataDir, { recursive: true })) {
        const file = path.join(dataDir, name);
        const text = await readFile(file, 'utf8').catch(() => '');
        expect(text.includes(token)).toBe(false);
      }
    } finally {
      for (const r of runs) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    }
  }, 60_000);
});
