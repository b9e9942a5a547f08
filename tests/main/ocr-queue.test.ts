import type { HostEvent, OcrJob } from '@hoso/contracts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { DerivedFiles } from '../../main/src/services/derived-files';
import { EventBus } from '../../main/src/services/event-bus';
import { FileStore } from '../../main/src/services/file-store';
import { HostFailure } from '../../main/src/services/host-error';
import { JobStore } from '../../main/src/services/job-store';
import type { Recognizer } from '../../main/src/services/ocr-engine';
import { OcrQueue } from '../../main/src/services/ocr-queue';
import { fakeRecognizer, makeImage, makeTiff, manualGate, tempDir, until } from './helpers';

async function setup(dir?: string) {
  const paths = dataPaths(dir ?? (await tempDir()));
  const store = new FileStore(paths);
  const events = new EventBus();
  const seen: HostEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const makeQueue = async (recognize: Recognizer) => {
    const queue = new OcrQueue({
      paths,
      store,
      jobStore: new JobStore(paths, new DerivedFiles(paths)),
      events,
      recognize,
      threads: 1,
    });
    await queue.start();
    return queue;
  };
  return { paths, store, events, seen, makeQueue };
}

const stateOf = (queue: OcrQueue, id: string) => queue.list().find((j) => j.id === id)?.state;

describe('OcrQueue', () => {
  test('runs a job, reports progress events, and stores the words file', async () => {
    const { store, seen, makeQueue } = await setup();
    const file = await store.storeBytes('Tập 1.tif', await makeTiff(3));
    const fake = fakeRecognizer({ pages: 3 });
    const queue = await makeQueue(fake.recognize);
    const job = await queue.enqueue({ fileHash: file.hash, fileName: file.name });
    expect(job).toMatchObject({ state: 'queued', pagesTotal: 3, lang: 'vie', forceOcr: false });
    await queue.idle();
    expect(stateOf(queue, job.id)).toBe('done');
    // The engine saw a link named like the user's file, with its extension.
    expect(path.basename(fake.calls[0][0])).toBe('Tập 1.tif');
    const progress = seen
      .filter((e): e is Extract<HostEvent, { type: 'ocr-job' }> => e.type === 'ocr-job')
      .map((e) => e.job);
    expect(progress.map((j) => `${j.state}:${j.pagesDone}`)).toEqual([
      'queued:0',
      'running:0',
      'running:1',
      'running:2',
      'running:3',
      'done:3',
    ]);
    const result = await queue.result(job.id);
    expect(result.format).toBe('hoso-ocr-words');
    expect(result.pages).toHaveLength(3);
    expect(result.pages[0].source.file).toBe('Tập 1.tif');
    await queue.dispose();
  });

  test('queued and running jobs survive a restart and resume', async () => {
    const dir = await tempDir();
    const first = await setup(dir);
    const file = await first.store.storeBytes('a.jpg', await makeImage('jpeg'));
    const gate = manualGate();
    const queue1 = await first.makeQueue(fakeRecognizer({ pages: 1, gate: gate.wait }).recognize);
    const a = await queue1.enqueue({ fileHash: file.hash, fileName: 'a.jpg' });
    const b = await queue1.enqueue({ fileHash: file.hash, fileName: 'b.jpg', lang: 'vie+eng' });
    await until(() => gate.waiting === 1, 'job a to start');
    expect(stateOf(queue1, a.id)).toBe('running');
    // Simulated crash/quit: the host stops while a is running and b is queued.
    await queue1.dispose();
    const persisted = JSON.parse(
      await readFile(path.join(first.paths.jobs, 'jobs.json'), 'utf8'),
    ) as OcrJob[];
    expect(persisted.map((j) => j.state)).toEqual(['running', 'queued']);

    const second = await setup(dir);
    const fake = fakeRecognizer({ pages: 1 });
    const queue2 = await second.makeQueue(fake.recognize);
    await queue2.idle();
    expect(queue2.list().map((j) => [j.id, j.state, j.lang])).toEqual([
      [a.id, 'done', 'vie'],
      [b.id, 'done', 'vie+eng'],
    ]);
    expect(fake.calls).toHaveLength(2);
    await queue2.dispose();
  });

  test('cancel a running job and a queued one, then retry', async () => {
    const { store, makeQueue } = await setup();
    const file = await store.storeBytes('a.jpg', await makeImage('jpeg'));
    const gate = manualGate();
    const queue = await makeQueue(fakeRecognizer({ pages: 2, gate: gate.wait }).recognize);
    const running = await queue.enqueue({ fileHash: file.hash, fileName: 'a.jpg' });
    const queued = await queue.enqueue({ fileHash: file.hash, fileName: 'a.jpg' });
    await until(() => gate.waiting === 1, 'job to start');
    expect((await queue.cancel(queued.id)).state).toBe('cancelled');
    await queue.cancel(running.id);
    gate.step();
    await queue.idle();
    expect(stateOf(queue, running.id)).toBe('cancelled');
    expect(stateOf(queue, queued.id)).toBe('cancelled');
    await expect(queue.result(running.id)).rejects.toMatchObject({ error: { code: 'NOT_READY' } });

    gate.openAll();
    expect((await queue.retry(running.id)).state).toBe('queued');
    await queue.idle();
    expect(stateOf(queue, running.id)).toBe('done');
    await expect(queue.retry(running.id)).rejects.toBeInstanceOf(HostFailure);
    await queue.dispose();
  });

  test('an engine failure marks the job failed with the file named; retry succeeds', async () => {
    const { store, makeQueue } = await setup();
    const file = await store.storeBytes('Lời khai.jpg', await makeImage('jpeg'));
    const bad = Object.assign(new Error('page 1 is corrupt'), {
      name: 'InputError',
      code: 'CORRUPT_IMAGE',
      page: 0,
    });
    let failing = true;
    const recognize: Recognizer = (files, opts) =>
      failing
        ? fakeRecognizer({ fail: bad }).recognize(files, opts)
        : fakeRecognizer().recognize(files, opts);
    const queue = await makeQueue(recognize);
    const job = await queue.enqueue({ fileHash: file.hash, fileName: file.name });
    await queue.idle();
    const failed = queue.list()[0];
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'CORRUPT_IMAGE', file: 'Lời khai.jpg', page: 0 });
    failing = false;
    await queue.retry(job.id);
    await queue.idle();
    expect(queue.list()[0]).toMatchObject({ state: 'done' });
    expect(queue.list()[0].error).toBeUndefined();
    await queue.dispose();
  });

  test('enqueueing an unknown file or a wrong shape is refused', async () => {
    const { makeQueue } = await setup();
    const queue = await makeQueue(fakeRecognizer().recognize);
    await expect(queue.enqueue({ fileHash: 'a'.repeat(64), fileName: 'x.jpg' })).rejects.toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    await expect(queue.enqueue({ fileHash: 'nope', fileName: 'x.jpg' })).rejects.toThrow();
    await queue.dispose();
  });
});
