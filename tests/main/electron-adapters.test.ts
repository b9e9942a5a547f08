import { commandNames } from '@hoso/contracts';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { isAppUrl } from '../../main/src/electron/app-origin';
import { handleAppRequest, resolveAppUrl } from '../../main/src/electron/app-protocol';
import {
  audienceWindowPlacement,
  pickAudienceDisplay,
  toDisplayInfos,
} from '../../main/src/electron/displays';
import { bindIpc, createIpcRouter, IPC_CHANNELS, type RouterHost } from '../../main/src/electron/ipc-router';
import { allowNavigation, allowRequest, windowOpenDecision } from '../../main/src/electron/window-policy';
import { HostFailure } from '../../main/src/services/host-error';
import { tempDir } from './helpers';

const HASH = 'ab'.repeat(32);

/** Every command of the table answered by one spy that echoes what it was called with. */
function fakeHost() {
  const run = vi.fn(async (command: string, input: unknown) => ({ command, input }));
  const commands = Object.fromEntries(
    commandNames.map((name) => [name, (input: unknown) => run(name, input)]),
  ) as unknown as RouterHost['commands'];
  const storeFile = vi.fn(async ({ name }: { name: string }, bytes: Uint8Array) => ({
    name,
    size: bytes.byteLength,
  }));
  const importBundle = vi.fn(async () => ({ caseData: null, files: [] }));
  const uploads = { storeFile, importBundle } as unknown as RouterHost['uploads'];
  return { commands, uploads, run, storeFile, importBundle };
}

describe('IPC router', () => {
  test('accepts a valid command from the app:// frame and replies with a Result', async () => {
    const host = fakeHost();
    const router = createIpcRouter(host);
    const reply = await router.invoke('app://hoso/index.html#/cases', 'getFile', { hash: HASH });
    expect(reply).toEqual({ ok: true, value: { command: 'getFile', input: { hash: HASH } } });
    // Defaults from the schema are applied before the host sees the payload.
    await router.invoke('app://hoso/index.html', 'enqueueOcr', { fileHash: HASH, fileName: 'a.jpg' });
    expect(host.run).toHaveBeenLastCalledWith('enqueueOcr', {
      fileHash: HASH,
      fileName: 'a.jpg',
      lang: 'vie',
      forceOcr: false,
    });
  });

  test('refuses senders that are not our app:// origin', async () => {
    const host = fakeHost();
    const router = createIpcRouter(host);
    for (const sender of [
      undefined,
      'https://evil.example/',
      'file:///etc/passwd',
      'app://hoso.evil/index.html',
      'app://evil/',
      'http://127.0.0.1:5178/',
    ]) {
      const reply = await router.invoke(sender, 'listJobs', {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(host.run).not.toHaveBeenCalled();
  });

  test('refuses unknown commands and payloads of the wrong shape', async () => {
    const host = fakeHost();
    const router = createIpcRouter(host);
    const sender = 'app://hoso/index.html';
    const bad: Array<[unknown, unknown]> = [
      ['__proto__', {}],
      ['toString', {}],
      [42, {}],
      ['getFile', { hash: '../../etc/passwd' }],
      ['getFile', null],
      ['cancelJob', { id: 'x' }],
      ['listJobs', { sneaky: true }],
      ['setWatchFolder', { path: 3 }],
      ['exportPdf', { title: 'x', fileName: 'x.pdf', pages: [] }],
    ];
    for (const [command, payload] of bad) {
      const reply = await router.invoke(sender, command, payload);
      expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    }
    expect(host.run).not.toHaveBeenCalled();
  });

  test('uploads: bytes as ArrayBuffer, wrong shapes refused, host errors become values', async () => {
    const host = fakeHost();
    const router = createIpcRouter(host);
    const sender = 'app://hoso/index.html';
    const ok = await router.upload(sender, {
      command: 'storeFile',
      params: { name: 'a.jpg' },
      bytes: new ArrayBuffer(5),
    });
    expect(ok).toEqual({ ok: true, value: { name: 'a.jpg', size: 5 } });
    for (const bad of [
      { command: 'storeFile', params: { name: 'a.jpg' }, bytes: 'AAAA' },
      { command: 'storeFile', params: { name: '' }, bytes: new ArrayBuffer(1) },
      { command: 'storeFile', bytes: new ArrayBuffer(1) },
      { command: 'rm -rf', params: { name: 'a' }, bytes: new ArrayBuffer(1) },
      { command: 'constructor', params: {}, bytes: new ArrayBuffer(1) },
    ]) {
      expect(await router.upload(sender, bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_MESSAGE' },
      });
    }
    expect(host.storeFile).toHaveBeenCalledTimes(1);
    expect(
      await router.upload('https://evil.example/', {
        command: 'storeFile',
        params: { name: 'a.jpg' },
        bytes: new ArrayBuffer(1),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    host.importBundle.mockRejectedValueOnce(new HostFailure({ code: 'BUNDLE_TAMPERED', message: 'x' }));
    expect(
      await router.upload(sender, { command: 'importBundle', params: {}, bytes: new Uint8Array(3) }),
    ).toEqual({
      ok: false,
      error: { code: 'BUNDLE_TAMPERED', message: 'x' },
    });
  });

  test('bindIpc registers exactly the two channels and passes the sender frame URL', async () => {
    const handlers = new Map<
      string,
      (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown
    >();
    bindIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, createIpcRouter(fakeHost()));
    expect([...handlers.keys()].sort()).toEqual([IPC_CHANNELS.invoke, IPC_CHANNELS.upload].sort());
    const invoke = handlers.get(IPC_CHANNELS.invoke)!;
    expect(await invoke({ senderFrame: null }, 'listJobs', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await invoke({ senderFrame: { url: 'app://hoso/index.html' } }, 'listJobs', {})).toMatchObject({
      ok: true,
    });
  });
});

describe('app:// protocol', () => {
  test('maps URLs to renderer files and host resources, refusing traversal and other hosts', async () => {
    const root = path.join(await tempDir(), 'dist');
    expect(resolveAppUrl('app://hoso/', root)).toEqual({
      kind: 'static',
      file: path.join(root, 'index.html'),
    });
    expect(resolveAppUrl('app://hoso/assets/a.js', root)).toEqual({
      kind: 'static',
      file: path.join(root, 'assets/a.js'),
    });
    expect(resolveAppUrl(`app://hoso/api/files/${HASH}/pages/3/image`, root)).toEqual({
      kind: 'page-image',
      hash: HASH,
      page: 3,
    });
    expect(resolveAppUrl(`app://hoso/api/files/${HASH}/original`, root)).toEqual({
      kind: 'original',
      hash: HASH,
    });
    expect(resolveAppUrl('app://hoso/api/exports/1234abcd-H%E1%BB%93%20s%C6%A1.pdf', root)).toEqual({
      kind: 'export',
      name: '1234abcd-Hồ sơ.pdf',
    });
    for (const evil of [
      'app://hoso/..%2f..%2fetc/passwd',
      'app://hoso/assets/..%5c..%5csecret',
      'app://hoso/%00',
      'app://other/index.html',
      `app://hoso/api/files/${HASH}/pages/-1/image`,
      'app://hoso/api/secret',
    ]) {
      expect(resolveAppUrl(evil, root)).toEqual({ kind: 'not-found' });
    }
    // The URL parser folds %2e%2e segments away: what is left still resolves inside the renderer.
    expect(resolveAppUrl('app://hoso/%2e%2e/%2e%2e/etc/passwd', root)).toEqual({
      kind: 'static',
      file: path.join(root, 'etc/passwd'),
    });
  });

  test('serves HTML with the CSP, and 404 for traversal', async () => {
    const root = path.join(await tempDir(), 'dist');
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html>');
    await writeFile(path.join(root, '..', 'secret.txt'), 'TOP-SECRET');
    const host = { pageImage: vi.fn(), original: vi.fn(), exportFile: vi.fn() };
    const home = await handleAppRequest(
      { url: 'app://hoso/index.html', method: 'GET' },
      { host, rendererDir: root },
    );
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("default-src 'self'");
    const evil = await handleAppRequest(
      { url: 'app://hoso/..%2fsecret.txt', method: 'GET' },
      { host, rendererDir: root },
    );
    expect(evil.status).toBe(404);
    expect(await evil.text()).not.toContain('TOP-SECRET');
    expect(
      (await handleAppRequest({ url: 'app://hoso/index.html', method: 'POST' }, { host, rendererDir: root }))
        .status,
    ).toBe(405);
    // Originals stream from disk with their type.
    const pdfPath = path.join(root, '..', 'orig.pdf');
    await writeFile(pdfPath, '%PDF-1.7 test');
    host.original.mockResolvedValueOnce({
      path: pdfPath,
      size: 13,
      contentType: 'application/pdf',
      fileName: 'a.pdf',
    });
    const original = await handleAppRequest(
      { url: `app://hoso/api/files/${HASH}/original`, method: 'GET' },
      { host, rendererDir: root },
    );
    expect(original.headers.get('content-type')).toBe('application/pdf');
    expect(await original.text()).toBe('%PDF-1.7 test');
    expect(host.original).toHaveBeenCalledWith(HASH);
  });
});

describe('window and network policy', () => {
  test('navigation stays on the same app document; window.open only for the audience view', () => {
    expect(allowNavigation('app://hoso/index.html#/search', 'app://hoso/index.html#/cases')).toBe(true);
    expect(allowNavigation('https://example.com/', 'app://hoso/index.html')).toBe(false);
    expect(allowNavigation('file:///etc/passwd', 'app://hoso/index.html')).toBe(false);
    expect(allowNavigation('app://hoso/other.html', 'app://hoso/index.html')).toBe(false);
    expect(windowOpenDecision('app://hoso/index.html#/audience/c1/p1')).toBe('allow-audience');
    expect(windowOpenDecision('app://hoso/index.html#/cases')).toBe('deny');
    expect(windowOpenDecision('https://evil.example/#/audience/x')).toBe('deny');
    expect(isAppUrl('app://user:pw@hoso/')).toBe(false);
  });

  test('the renderer can reach only app://, blob: and data: URLs', () => {
    expect(allowRequest('app://hoso/assets/index.js')).toBe(true);
    expect(allowRequest('blob:app://hoso/1234')).toBe(true);
    expect(allowRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of [
      'https://cdn.jsdelivr.net/x.js',
      'http://127.0.0.1:5178/',
      'file:///etc/passwd',
      'ws://localhost/',
    ]) {
      expect(allowRequest(url)).toBe(false);
    }
  });
});

describe('displays for the audience window', () => {
  const laptop = { id: 1, label: 'Built-in', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const projector = { id: 2, label: '', bounds: { x: 1920, y: 0, width: 1280, height: 800 } };

  test('full-screen on the chosen or the non-primary display; one display → a normal window', () => {
    expect(toDisplayInfos([laptop, projector], 1)).toEqual([
      { id: '1', label: 'Built-in', primary: true, width: 1920, height: 1080 },
      { id: '2', label: 'Màn hình 2', primary: false, width: 1280, height: 800 },
    ]);
    expect(pickAudienceDisplay([laptop, projector], 1)).toBe(projector);
    expect(pickAudienceDisplay([laptop, projector], 1, '1')).toBe(laptop);
    expect(pickAudienceDisplay([laptop], 1, '1')).toBeUndefined();
    expect(audienceWindowPlacement(projector, false)).toEqual({
      x: 1920,
      y: 0,
      width: 1280,
      height: 800,
      fullscreen: true,
    });
    expect(audienceWindowPlacement(undefined, false)).toMatchObject({ fullscreen: false });
    const fixed = audienceWindowPlacement(laptop, true);
    expect(fixed.width / fixed.height).toBeCloseTo(16 / 9, 2);
    expect(fixed.fullscreen).toBe(false);
  });
});
