import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RamFolder } from '../../../ocr/src/recognize/ram-folder';

const root = mkdtempSync(path.join(os.tmpdir(), 'hoso-ram-root-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The pid of a process that has exited, so no live process owns it (until the kernel reuses it). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

describe('the RAM folder for page images', () => {
  it('is private to its user, takes new files only, and is removed on close', async () => {
    const folder = (await RamFolder.open(root))!;
    expect(statSync(folder.dir).mode & 0o777).toBe(0o700);
    expect(path.basename(folder.dir)).toMatch(new RegExp(`^hoso-ocr-${process.pid}-`));
    const file = await folder.write('page-1.tif', [Buffer.from('II*'), Buffer.from([0])]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(folder.write('page-1.tif', [Buffer.from('x')])).rejects.toThrow(/EEXIST/);
    await folder.remove(file);
    expect(existsSync(file)).toBe(false);
    await folder.close();
    expect(existsSync(folder.dir)).toBe(false);
  });

  it('sweeps the folders of dead HoSo processes, not live ones, other names or symlinks', async () => {
    const dead = path.join(root, `hoso-ocr-${await deadPid()}-abc`);
    const live = path.join(root, `hoso-ocr-${process.pid}-live`);
    const other = path.join(root, 'someone-else');
    for (const d of [dead, live, other]) mkdirSync(d);
    writeFileSync(path.join(dead, 'page-3.tif'), 'left by a kill -9');
    const target = mkdtempSync(path.join(os.tmpdir(), 'hoso-ram-target-'));
    writeFileSync(path.join(target, 'keep'), 'x');
    const link = path.join(root, `hoso-ocr-${await deadPid()}-link`);
    symlinkSync(target, link);
    const folder = (await RamFolder.open(root))!;
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(path.join(target, 'keep'))).toBe(true);
    await folder.close();
    rmSync(target, { recursive: true, force: true });
  });

  it('is absent where the root is not a folder', async () => {
    const file = path.join(root, 'not-a-folder');
    writeFileSync(file, '');
    expect(await RamFolder.open(file)).toBeUndefined();
  });
});
