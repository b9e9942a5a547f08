import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftovers, runHoso, sha256 } from '../ocr/cli/run-hoso';
import { SCANS } from '../ocr/pdf/truth-pages';
import { TestRedis } from './redis-server';
import { bandPages, WorkerProcess } from './workers';

const dir = mkdtempSync(join(tmpdir(), 'hoso-queue-cli-'));
let redis: TestRedis;
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  redis = await TestRedis.start(['--maxmemory', '256mb', '--maxmemory-policy', 'noeviction']);
  workers = ['alpha', 'beta'].map((name) => new WorkerProcess(redis.url, name));
  await Promise.all(workers.map((w) => w.waitFor(/waiting for pages/)));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill('SIGKILL')));
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pdftotext = (pdf: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], {
    encoding: 'utf8',
  });

describe('hoso ocr --queue with two hoso workers', () => {
  it('writes the same searchable PDF as a local run, pages in order, and leaves Redis empty', async () => {
    const bands = await bandPages(dir, 2);
    // A multi-page TIFF fax among JPEGs: pages of one file go to different workers. A scanned PDF
    // page that is one JPEG goes to a worker as that JPEG, and into the output as the same bytes.
    const inputs = [bands[0], SCANS.fax0304, SCANS.scannedPdf05, bands[1]];
    const before = inputs.map(sha256);
    const queued = join(dir, 'queued.pdf');
    const local = join(dir, 'local.pdf');
    const [viaQueue, here] = await Promise.all([
      runHoso(['ocr', ...inputs, '-o', queued, '--queue', redis.url, '--words', join(dir, 'q.json')]),
      runHoso(['ocr', ...inputs, '-o', local, '--jobs', '1', '--quiet']),
    ]);
    expect(viaQueue.code, viaQueue.stderr).toBe(0);
    expect(here.code, here.stderr).toBe(0);
    expect(viaQueue.stderr).toMatch(/Pages per worker: .*(alpha|beta) \d/);
    execFileSync('qpdf', ['--check', queued]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [queued], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(5);
    const jpegOf = (pdf: string, page: number) => {
      const prefix = join(dir, `img-${page}-${pdf.length}`);
      execFileSync('pdfimages', ['-all', '-f', String(page), '-l', String(page), pdf, prefix]);
      return readFileSync(`${prefix}-000.jpg`);
    };
    expect(jpegOf(queued, 4).equals(jpegOf(SCANS.scannedPdf05, 1))).toBe(true);
    for (let p = 1; p <= 5; p++) {
      const text = pdftotext(queued, p);
      expect(text.trim().length).toBeGreaterThan(20);
      expect(text).toBe(pdftotext(local, p));
    }
    expect(pdftotext(queued, 1)).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(inputs.map(sha256)).toEqual(before);
    expect(leftovers(dir, 'queued.pdf')).toEqual(['queued.pdf']);

    // Nothing of the job is left in Redis: bytes, heartbeat, page jobs and results are gone.
    const client = new Redis(redis.url);
    try {
      expect(await client.keys('hoso:ocr:*')).toEqual([]);
      const jobs = (await client.keys('bull:hoso-ocr-pages:*')).filter((k) => /:[0-9a-f-]{36}-p\d+$/.test(k));
      expect(jobs).toEqual([]);
    } finally {
      client.disconnect();
    }
  });

  it('a Redis nobody listens on fails the job with exit 3 and writes nothing', async () => {
    const out = join(dir, 'nowhere.pdf');
    const run = await runHoso(['ocr', SCANS.fax0304, '-o', out, '--queue', 'redis://127.0.0.1:1', '--quiet']);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/^error: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/m);
    expect(leftovers(dir, 'nowhere.pdf')).toEqual([]);
  });

  it('rejects a URL that is not Redis with exit 2', async () => {
    const run = await runHoso(['ocr', SCANS.fax0304, '-o', join(dir, 'x.pdf'), '--queue', 'http://x:1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/redis:\/\/ or rediss:\/\//);
    const worker = await runHoso(['worker', '--redis', 'redis://u:secret@:1']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).not.toContain('secret');
  });
});
