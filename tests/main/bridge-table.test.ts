import {
  commandNames,
  commands,
  uploadNames,
  type CommandHandlers,
  type HostEvent,
  type Result,
} from '@hoso/contracts';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { dispatch, dispatchUpload } from '../../main/src/services/dispatch';
import { createHost, type Host } from '../../main/src/services/host';
import { hostFail } from '../../main/src/services/host-error';
import { createElectronBridge, type PreloadApi } from '../../renderer/src/bridge/electronBridge';
import { commandProxy, parseHostEvent, type Transport } from '../../renderer/src/bridge/proxy';
import { fakeRecognizer, tempDir } from './helpers';

const HASH = 'ab'.repeat(32);

let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  vi.restoreAllMocks();
});

// Compile-time half of "adding a command is one entry + one handler": a handler map that lacks a
// command does not typecheck (npm run typecheck fails if this directive stops being needed).
// @ts-expect-error listJobs and the other commands have no handler
const incomplete: CommandHandlers = { getFile: async () => hostFail('NOT_FOUND', 'x') };
void incomplete;

describe('the command table', () => {
  test('the host has a handler for every command and upload, and nothing else', async () => {
    host = await createHost({
      dataDir: await tempDir(),
      env: { exportUrl: (n) => n },
      recognize: fakeRecognizer().recognize,
    });
    expect(Object.keys(host.commands).sort()).toEqual([...commandNames].sort());
    expect(Object.keys(host.uploads).sort()).toEqual([...uploadNames].sort());
  });

  test('the renderer proxy has a method for every command and upload', () => {
    const proxy = commandProxy({ invoke: vi.fn(), upload: vi.fn() });
    for (const name of [...commandNames, ...uploadNames])
      expect(typeof (proxy as Record<string, unknown>)[name]).toBe('function');
  });

  test('dispatch: only own table names, payloads checked, handler failures as values', async () => {
    host = await createHost({
      dataDir: await tempDir(),
      env: { exportUrl: (n) => n },
      recognize: fakeRecognizer().recognize,
    });
    expect(await dispatch(host.commands, 'listJobs', {})).toEqual({ ok: true, value: [] });
    for (const name of ['constructor', '__proto__', 'hasOwnProperty', 42, undefined])
      expect(await dispatch(host.commands, name, {})).toMatchObject({
        ok: false,
        error: { code: 'INVALID_MESSAGE' },
      });
    const wrong = await dispatch(host.commands, 'getFile', { hash: '../../etc/passwd' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_MESSAGE' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/^getFile: hash/);
    expect(await dispatch(host.commands, 'getFile', { hash: HASH })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // void commands reply null, so JSON and structured clone carry the same value.
    expect(await dispatch(host.commands, 'openAudienceWindow', { caseId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SUPPORTED' },
    });
    expect(await dispatchUpload(host.uploads, 'storeFile', {}, new Uint8Array(1))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_MESSAGE' },
    });
  });

  test('every real reply of the host passes its output schema', async () => {
    host = await createHost({
      dataDir: await tempDir(),
      env: { exportUrl: (n) => n, listDisplays: () => [] },
      recognize: fakeRecognizer().recognize,
    });
    const { makeImage } = await import('./helpers');
    const stored = await host.uploads.storeFile({ name: 'a.jpg' }, await makeImage('jpeg'));
    const job = await host.run('enqueueOcr', {
      fileHash: stored.hash,
      fileName: 'a.jpg',
      lang: 'vie',
      forceOcr: false,
    });
    await host.queue.idle();
    const replies: Array<[keyof typeof commands, unknown]> = [
      ['getFile', await host.run('getFile', { hash: stored.hash })],
      ['enqueueOcr', job],
      ['listJobs', await host.run('listJobs', {})],
      ['jobResult', await host.run('jobResult', { id: job.id })],
      ['getWatchFolder', await host.run('getWatchFolder', {})],
      ['listDisplays', await host.run('listDisplays', {})],
    ];
    for (const [name, reply] of replies) {
      // Through JSON, as over HTTP: undefined fields vanish, dates are strings.
      const wire: unknown = JSON.parse(JSON.stringify(reply ?? null));
      expect(commands[name].output.safeParse(wire).success, name).toBe(true);
    }
  });
});

describe("the renderer's edge", () => {
  const transport = (reply: Result<unknown>): Transport => ({
    invoke: vi.fn(async () => reply),
    upload: vi.fn(async () => reply),
  });

  test('a reply that does not match the contract becomes an INVALID_REPLY value', async () => {
    const proxy = commandProxy(transport({ ok: true, value: { hash: 'nope' } }));
    const reply = await proxy.getFile({ hash: HASH });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_REPLY' } });
    expect(!reply.ok && reply.error.message).toContain('getFile');
    const garbage = commandProxy(transport({ ok: 'yes' } as unknown as Result<unknown>));
    expect(await garbage.listJobs()).toMatchObject({ ok: false, error: { code: 'INVALID_REPLY' } });
    // Errors pass through as they are.
    const failed = commandProxy(transport({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } }));
    expect(await failed.getFile({ hash: HASH })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'x' },
    });
  });

  test('requests are sent as written, an empty request as {}', async () => {
    const t = transport({ ok: true, value: [] });
    const proxy = commandProxy(t);
    await proxy.listJobs();
    await proxy.cancelJob({ id: '0'.repeat(36) });
    await proxy.storeFile(new ArrayBuffer(2), { name: 'a.jpg' });
    expect(t.invoke).toHaveBeenNthCalledWith(1, 'listJobs', {});
    expect(t.invoke).toHaveBeenNthCalledWith(2, 'cancelJob', { id: '0'.repeat(36) });
    expect(t.upload).toHaveBeenCalledWith('storeFile', { name: 'a.jpg' }, expect.any(ArrayBuffer));
  });

  test('malformed events are dropped, valid ones delivered parsed', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let emit: (data: unknown) => void = () => undefined;
    const api: PreloadApi = {
      invoke: vi.fn(),
      upload: vi.fn(),
      onEvent: (listener) => {
        emit = listener;
        return () => undefined;
      },
    };
    const seen: HostEvent[] = [];
    createElectronBridge(api).subscribe((e) => seen.push(e));
    emit({ type: 'ocr-job', job: { id: 'x' } });
    emit({ type: 'rm -rf' });
    emit(null);
    const error: HostEvent = {
      type: 'watch-folder-error',
      error: { code: 'CORRUPT_IMAGE', message: 'x' },
      path: '/scan/a.jpg',
    };
    emit(error);
    expect(seen).toEqual([error]);
    expect(parseHostEvent({ type: 'watch-folder-file' })).toBeUndefined();
  });
});
