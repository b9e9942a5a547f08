import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../main/src/services/audit/verify';
import { dataPaths } from '../../../main/src/services/data-dir';
import { unlockDataFolder, encryptionStatus } from '../../../main/src/services/crypto/encrypt-data-folder';
import { isSealed } from '../../../main/src/services/crypto/sealed-file';
import { tempDir } from '../helpers';

const PASS = 'Viện kiểm sát 2026';
const hoso = (args: string[], env: Record<string, string> = {}) =>
  spawn(process.execPath, ['ocr/bin/hoso.mjs', 'data', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

async function folderWithFiles(n: number, size: number) {
  const root = await tempDir('hoso-enc-');
  const paths = dataPaths(root);
  const plain = new Map<string, Buffer>();
  for (const dir of [paths.originals, paths.meta, paths.jobs, paths.exports])
    await mkdir(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const bytes = randomBytes(size);
    const file = path.join(i % 3 === 0 ? paths.exports : paths.originals, `f${String(i).padStart(3, '0')}`);
    await writeFile(file, bytes);
    plain.set(file, bytes);
  }
  return { root, paths, plain };
}

describe('switching encryption on for an existing data folder', () => {
  it('kill -9 half-way loses nothing; a wrong passphrase on resume touches nothing; resuming finishes', async () => {
    const { root, paths, plain } = await folderWithFiles(40, 3 << 20);
    const child = hoso(['encrypt', '--data-dir', root, '--passphrase-env', 'PW'], { PW: PASS });
    // Wait for progress past a few files, then kill the process mid-run.
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
        if (/sealed (1[0-9])\/40/.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code} before being killed: ${out}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(await encryptionStatus(paths)).toBe('migrating');

    // Every file is whole: either still plain or sealed and opening to the very same bytes.
    const { codec } = await unlockDataFolder(paths, PASS);
    let sealed = 0;
    for (const [file, bytes] of plain) {
      const disk = await readFile(file);
      if (isSealed(disk)) sealed++;
      else expect(disk.equals(bytes)).toBe(true);
      expect((await codec.readFile(file)).equals(bytes)).toBe(true);
    }
    expect(sealed).toBeGreaterThan(5);
    expect(sealed).toBeLessThan(40);

    // A wrong passphrase on resume: exit 2, clear message, no file changed.
    const before = await Promise.all([...plain.keys()].map(async (f) => (await stat(f)).mtimeMs));
    const wrong = spawnSync(
      process.execPath,
      ['ocr/bin/hoso.mjs', 'data', 'encrypt', '--data-dir', root, '--passphrase-env', 'PW'],
      {
        env: { ...process.env, PW: 'sai mật khẩu' },
        encoding: 'utf8',
      },
    );
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/passphrase is wrong/);
    const after = await Promise.all([...plain.keys()].map(async (f) => (await stat(f)).mtimeMs));
    expect(after).toEqual(before);

    const resume = spawnSync(
      process.execPath,
      ['ocr/bin/hoso.mjs', 'data', 'encrypt', '-q', '--data-dir', root, '--passphrase-env', 'PW'],
      {
        env: { ...process.env, PW: PASS },
        encoding: 'utf8',
      },
    );
    expect(resume.status, resume.stderr).toBe(0);
    expect(await encryptionStatus(paths)).toBe('on');
    const strict = (await unlockDataFolder(paths, PASS)).codec;
    for (const [file, bytes] of plain) {
      expect(isSealed(await readFile(file))).toBe(true);
      expect((await strict.readFile(file)).equals(bytes)).toBe(true);
    }
    // The interrupted run left only *.part temp files, which the next host start clears.
    expect((await readdir(paths.tmp)).every((f) => f.endsWith('.part') || f.endsWith('.tmp'))).toBe(true);
    const audit = await verifyAuditLog(paths.audit);
    expect(audit).toMatchObject({ ok: true, entries: 1 });
  });

  it('once on, a plain file put where a sealed one belongs is refused', async () => {
    const { root, paths } = await folderWithFiles(2, 1000);
    const r = spawnSync(
      process.execPath,
      ['ocr/bin/hoso.mjs', 'data', 'encrypt', '-q', '--data-dir', root, '--passphrase-env', 'PW'],
      {
        env: { ...process.env, PW: PASS },
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const planted = path.join(paths.exports, 'planted.pdf');
    await writeFile(planted, '%PDF-1.7 planted');
    const { codec } = await unlockDataFolder(paths, PASS);
    await expect(codec.readFile(planted)).rejects.toMatchObject({ error: { code: 'INTEGRITY_ERROR' } });
  });
});
