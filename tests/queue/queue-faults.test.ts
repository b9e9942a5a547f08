import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRedisUrl, recognizePagesViaQueue, type QueuedPage } from '../../ocr/src/queue';
import { sha256 } from '../ocr/cli/run-hoso';
import { TestRedis } from './redis-server';
import { bandPages, WorkerProcess } from './workers';

/**
 * The queue's promises under faults, with a real redis-server and real `hoso worker` processes:
 * a worker SIGKILLed mid-page, Redis killed and restarted (no persistence: everything in it is
 * lost) mid-job, Redis gone for good, and a password-protected Redis.
 */
const dir = mkdtempSync(join(tmpdir(), 'hoso-queue-faults-'));
let bands: string[];
let redis: TestRedis | undefined;
let workers: WorkerProcess[] = [];
const LOCK = ['--lock-seconds', '4'];

beforeAll(async () => {
  bands = await bandPages(dir, 4);
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.kill('SIGKILL')));
  workers = [];
  await redis?.stop();
  redis = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function submit(
  url: string,
  files: string[],
  extra: Partial<Parameters<typeof recognizePagesViaQueue>[1]> = {},
) {
  const pages: QueuedPage[] = [];
  const done = (async () => {
    for await (const page of recognizePagesViaQueue(files, {
      lang: 'vie',
      jobs: 1,
      forceOcr: false,
      skipBadPages: false,
      queue: parseRedisUrl(url),
      ...extra,
    }))
      pages.push(page);
    return pages;
  })();
  done.catch(() => undefined);
  return { pages, done };
}

const indexOf = (line: string) => Number(/#(\d+)/.exec(line)![1]) - 1;

describe('the OCR queue under faults', () => {
  it('a worker SIGKILLed mid-page: another worker recognizes its pages, each page lands once, in order', async () => {
    redis = await TestRedis.start();
    const victim = new WorkerProcess(redis.url, 'victim', LOCK);
    workers.push(victim);
    await victim.waitFor(/waiting for pages/);
    const before = bands.map(sha256);
    const run = submit(redis.url, bands);
    // The state, not a time: the victim has a page in hand.
    const started = await victim.waitFor(/^page started/);
    const rescuer = new WorkerProcess(redis.url, 'rescuer', LOCK);
    workers.push(rescuer);
    // Recognizing a page takes seconds: the page just started is in the victim's hands.
    await victim.kill('SIGKILL');
    const killed = indexOf(started);

    const pages = await run.done;
    expect(pages.map((p) => p.ocr.index)).toEqual([0, 1, 2, 3]);
    expect(pages.map((p) => p.source.file)).toEqual(bands);
    expect(pages[killed].worker).toBe('rescuer');
    for (const page of pages) expect(['victim', 'rescuer']).toContain(page.worker);
    for (const page of pages) expect(page.ocr.blocks.length).toBeGreaterThan(0);
    // The header band of the page is recognized as such wherever it ran.
    const text = (p: QueuedPage) =>
      p.ocr.blocks.flatMap((b) => b.lines.flatMap((l) => l.words.map((w) => w.text))).join(' ');
    expect(text(pages[0])).toMatch(/CỘNG|HÒA|VIỆT/);
    expect(bands.map(sha256)).toEqual(before);
  });

  it('Redis killed and restarted mid-job (its data lost): the job resumes and completes, pages in order', async () => {
    redis = await TestRedis.start();
    const worker = new WorkerProcess(redis.url, 'steady', LOCK);
    workers.push(worker);
    await worker.waitFor(/waiting for pages/);
    const run = submit(redis.url, bands.slice(0, 3));
    await worker.waitFor(/^page done/);
    await redis.kill();
    await redis.launch();
    const pages = await run.done;
    expect(pages.map((p) => p.ocr.index)).toEqual([0, 1, 2]);
    await worker.waitFor(/connected again/);
  });

  it('Redis gone for good: the job fails with a clear QueueError after the offline limit', async () => {
    redis = await TestRedis.start();
    const worker = new WorkerProcess(redis.url, 'orphan', LOCK);
    workers.push(worker);
    await worker.waitFor(/waiting for pages/);
    const run = submit(redis.url, bands.slice(0, 2), { offlineTimeoutMs: 3000 });
    await worker.waitFor(/^page started/);
    await redis.kill();
    await expect(run.done).rejects.toThrow(
      /lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ for \d+ s.*nothing was written/,
    );
  });

  it('a password-protected Redis: the password from the URL or HOSO_REDIS_PASSWORD works, a wrong one is named', async () => {
    redis = await TestRedis.start(['--requirepass', 's3cret-pass']);
    const withPassword = `redis://:s3cret-pass@127.0.0.1:${redis.port}`;
    const worker = new WorkerProcess(`redis://127.0.0.1:${redis.port}`, 'authed', LOCK, {
      HOSO_REDIS_PASSWORD: 's3cret-pass',
    });
    workers.push(worker);
    await worker.waitFor(/waiting for pages/);
    expect(worker.lines.join('\n')).not.toContain('s3cret-pass');
    const pages = await submit(withPassword, bands.slice(0, 1)).done;
    expect(pages).toHaveLength(1);
    const wrong = submit(`redis://:nope@127.0.0.1:${redis.port}`, bands.slice(0, 1));
    await expect(wrong.done).rejects.toThrow(/refused HoSo .*(WRONGPASS|NOAUTH|invalid)/i);
  });
});
