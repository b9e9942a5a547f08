import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leftovers, runHoso, sha256 } from '../ocr/cli/run-hoso';
import { TestRedis } from './redis-server';
import { bandPages, WorkerProcess } from './workers';

/**
 * The two-machine centre over TLS (`rediss://`), on Debian's redis-server with TLS only (`--port
 * 0 --tls-port`) and a password: a throwaway CA and server certificate made here with the
 * openssl CLI (no network), a real worker and `hoso ocr --queue` trusting that CA through
 * `--redis-ca`. A client with another CA or a wrong password is refused with a clear message.
 */
const dir = mkdtempSync(join(tmpdir(), 'hoso-queue-tls-'));
const PASS = 'tls-test-secret';
let redis: TestRedis;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ca = join(dir, 'centre-ca.pem');
  const caKey = join(dir, 'centre-ca.key');
  /** A self-signed CA: its certificate and key in `dir`. */
  const makeCa = (name: string, subject: string) =>
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      subject,
      '-keyout',
      join(dir, `${name}.key`),
      '-out',
      join(dir, `${name}.pem`),
    ]);
  makeCa('centre-ca', '/CN=HoSo test centre CA');
  const key = join(dir, 'redis.key');
  const csr = join(dir, 'redis.csr');
  const cert = join(dir, 'redis.pem');
  openssl([
    'req',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    key,
    '-out',
    csr,
  ]);
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName = IP:127.0.0.1\n');
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca,
    '-CAkey',
    caKey,
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    join(dir, 'san.ext'),
    '-out',
    cert,
  ]);
  // Another CA, which never signed the server's certificate.
  makeCa('other-ca', '/CN=Someone else');
  redis = await TestRedis.start(
    ['--requirepass', PASS, '--maxmemory', '256mb', '--maxmemory-policy', 'noeviction'],
    { cert, key, ca },
  );
});

afterAll(async () => {
  await worker?.kill('SIGKILL');
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const url = (password: string) => `rediss://:${password}@127.0.0.1:${redis.port}`;

describe('the queue over TLS (rediss://) with a password', () => {
  it('a worker and hoso ocr --queue trusting the centre CA write the searchable PDF', async () => {
    worker = new WorkerProcess(url(PASS), 'tls-1', ['--redis-ca', join(dir, 'centre-ca.pem')]);
    await worker.waitFor(/waiting for pages/);
    const [page] = await bandPages(dir, 1);
    const before = sha256(page);
    const out = join(dir, 'tls.pdf');
    const run = await runHoso([
      'ocr',
      page,
      '-o',
      out,
      '--queue',
      url(PASS),
      '--redis-ca',
      join(dir, 'centre-ca.pem'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Pages per worker: tls-1 1/);
    execFileSync('qpdf', ['--check', out]);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(sha256(page)).toBe(before);
    expect(run.stderr).not.toContain(PASS);
  });

  it('another CA, a wrong password or no CA at all: exit 3 with a clear message, nothing written', async () => {
    const out = join(dir, 'refused.pdf');
    const [page] = await bandPages(dir, 1);
    const wrongCa = await runHoso([
      'ocr',
      page,
      '-o',
      out,
      '--queue',
      url(PASS),
      '--redis-ca',
      join(dir, 'other-ca.pem'),
      '--quiet',
    ]);
    const wrongPass = await runHoso([
      'ocr',
      page,
      '-o',
      out,
      '--queue',
      url('wrong'),
      '--redis-ca',
      join(dir, 'centre-ca.pem'),
      '--quiet',
    ]);
    const noCa = await runHoso(['ocr', page, '-o', out, '--queue', url(PASS), '--quiet']);
    for (const r of [wrongCa, wrongPass, noCa]) {
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).not.toContain(PASS);
    }
    expect(wrongCa.stderr).toMatch(
      /^error: the TLS certificate of rediss:\/\/:\*\*\*@127\.0\.0\.1:\d+ is not trusted \(self[- ]signed certificate in certificate chain\); give the CA that signed it with --redis-ca FILE/m,
    );
    expect(noCa.stderr).toMatch(/is not trusted .*--redis-ca FILE/);
    expect(wrongPass.stderr).toMatch(/^error: Redis at .* refused HoSo \(WRONGPASS.*\); check the password/m);
    // A CA file that is not one, or one given for plain redis://, is bad input (exit 2).
    const notPem = await runHoso(['ocr', page, '-o', out, '--queue', url(PASS), '--redis-ca', page]);
    expect(notPem.code).toBe(2);
    expect(notPem.stderr).toMatch(/not a PEM certificate/);
    const plain = await runHoso([
      'ocr',
      page,
      '-o',
      out,
      '--queue',
      'redis://127.0.0.1:1',
      '--redis-ca',
      join(dir, 'centre-ca.pem'),
    ]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/a CA file is for TLS; use a rediss:\/\/ URL/);
    // A worker with the wrong CA says why in its log (and keeps retrying, as a service does).
    const lost = new WorkerProcess(url(PASS), 'tls-wrong-ca', ['--redis-ca', join(dir, 'other-ca.pem')]);
    try {
      await lost.waitFor(/is not trusted \(self[- ]signed certificate in certificate chain\)/);
    } finally {
      await lost.kill('SIGKILL');
    }
    expect(leftovers(dir, 'refused.pdf')).toEqual([]);
  });
});
