/**
 * npm run bench:queue — pages/min of `hoso ocr` through the centre's queue with 1, 2 and 4
 * `hoso worker`s on this machine, against a local run of the same pages, and the queue's overhead
 * per page (bytes through Redis, BullMQ's hand-back), with the shared-folder alternative measured
 * beside it. Options: --pages N (default 6), --jobs N (per worker and local, default 1).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { recognizePages } from '../../../ocr/src/pipeline';
import { parseRedisUrl, recognizePagesViaQueue, type QueuedPage } from '../../../ocr/src/queue';
import { SCANS } from '../../ocr/pdf/truth-pages';
import { TestRedis } from '../../queue/redis-server';
import { WorkerProcess } from '../../queue/workers';

const { values } = parseArgs({
  options: { pages: { type: 'string', default: '6' }, jobs: { type: 'string', default: '1' } },
});
const pagesWanted = Number(values.pages);
const jobs = Number(values.jobs);
const pool = [SCANS.jpeg01, SCANS.skewed02, SCANS.sideways06, SCANS.png02, SCANS.fax0304];
const files = Array.from({ length: pagesWanted }, (_, i) => pool[i % pool.length]);
const opts = { lang: 'vie' as const, jobs, forceOcr: false, skipBadPages: false };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function local(): Promise<{ pages: number; ms: number }> {
  const t0 = Date.now();
  let pages = 0;
  for await (const _ of recognizePages(files, { ...opts, jobs })) pages++;
  return { pages, ms: Date.now() - t0 };
}

async function viaQueue(redis: TestRedis, workers: number) {
  const procs = Array.from(
    { length: workers },
    (_, i) => new WorkerProcess(redis.url, `w${i + 1}`, ['--jobs', String(jobs)]),
  );
  await Promise.all(procs.map((p) => p.waitFor(/waiting for pages/)));
  const events = new QueueEvents('hoso-ocr-pages', { connection: { host: '127.0.0.1', port: redis.port } });
  await events.waitUntilReady();
  const started = new Map<string, number>();
  const completed = new Map<string, number>();
  events.on('progress', ({ jobId }) => started.set(jobId, Date.now()));
  events.on('completed', ({ jobId }) => completed.set(jobId, Date.now()));
  const t0 = Date.now();
  const got: QueuedPage[] = [];
  const it = recognizePagesViaQueue(files, { ...opts, queue: parseRedisUrl(redis.url) });
  for await (const page of it) got.push(page);
  const ms = Date.now() - t0;
  await events.close();
  await Promise.all(procs.map((p) => p.kill('SIGINT')));
  // Per page: started -> completed as Redis saw it, minus the worker's recognition time: the bytes'
  // fetch, the result's hand-back and the events' latency.
  const overhead: number[] = [];
  for (const [id, s] of started) {
    const c = completed.get(id);
    const page = got[Number(id.split('-p').pop())];
    if (c !== undefined && page) overhead.push(c - s - page.ocrMs);
  }
  return { pages: got.length, ms, got, overhead };
}

async function bytesTransport(redis: TestRedis) {
  const client = new Redis(redis.url);
  const dir = mkdtempSync(join(tmpdir(), 'hoso-shared-'));
  const viaRedis: number[] = [];
  const viaFolder: number[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    let t = performance.now();
    await client.set('bench:bytes', bytes);
    await client.getBuffer('bench:bytes');
    viaRedis.push(performance.now() - t);
    t = performance.now();
    writeFileSync(join(dir, 'page'), bytes);
    readFileSync(join(dir, 'page'));
    viaFolder.push(performance.now() - t);
  }
  await client.del('bench:bytes');
  const mem = await client.info('memory');
  client.disconnect();
  rmSync(dir, { recursive: true, force: true });
  const avgBytes = files.reduce((n, f) => n + readFileSync(f).length, 0) / files.length;
  return {
    viaRedis: median(viaRedis),
    viaFolder: median(viaFolder),
    avgBytes,
    peak: /used_memory_peak_human:(\S+)/.exec(mem)?.[1],
  };
}

const redis = await TestRedis.start(['--maxmemory', '512mb', '--maxmemory-policy', 'noeviction']);
try {
  console.log(
    `bench:queue — ${files.length} pages, --jobs ${jobs} per worker, ${availableParallelism()} cores, load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const base = await local();
  const rows: string[] = [];
  const perMin = (r: { pages: number; ms: number }) => (r.pages / r.ms) * 60_000;
  rows.push(`| local run (hoso ocr --jobs ${jobs}) | ${perMin(base).toFixed(1)} | 1.00 | | | |`);
  for (const n of [1, 2, 4]) {
    const r = await viaQueue(redis, n);
    const spread = [...new Set(r.got.map((p) => p.worker))].length;
    const fetch = median(r.got.map((p) => p.fetchMs));
    rows.push(
      `| queue, ${n} worker${n > 1 ? 's' : ''} × ${jobs} | ${perMin(r).toFixed(1)} | ${(perMin(r) / perMin(base)).toFixed(2)} | ${spread} | ${median(r.overhead).toFixed(0)} | ${fetch.toFixed(0)} |`,
    );
  }
  const t = await bytesTransport(redis);
  console.log(
    [
      '| run | pages/min | vs local | workers used | queue overhead ms/page (median) | of which bytes fetch ms |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  console.log(
    `page bytes (median ${(t.avgBytes / 1e3).toFixed(0)} kB per file): Redis SET+GET ${t.viaRedis.toFixed(2)} ms, shared folder write+read ${t.viaFolder.toFixed(2)} ms (local disk); Redis peak memory ${t.peak}`,
  );
  console.log(
    `load after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await redis.stop();
}
