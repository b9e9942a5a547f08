import { lstat, mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const SHM = '/dev/shm';
const PREFIX = 'hoso-ocr-';

/**
 * A folder private to this process (0700, made by mkdtemp) on a RAM-backed file system, for the
 * page images handed to native Tesseract. Tesseract reads stdin a byte at a time (0.15 s of CPU
 * for a 6 MB page), but a named file at full speed; in RAM, the case's page images never reach the
 * disk unencrypted. Linux only (/dev/shm is tmpfs on every distribution HoSo supports): elsewhere
 * there is no RAM folder and the engine keeps to stdin.
 */
export class RamFolder {
  private constructor(readonly dir: string) {}

  static async open(root = SHM): Promise<RamFolder | undefined> {
    if (process.platform !== 'linux' && root === SHM) return undefined;
    try {
      const info = await stat(root);
      if (!info.isDirectory()) return undefined;
      await sweepDeadOwners(root);
      return new RamFolder(await mkdtemp(path.join(root, `${PREFIX}${process.pid}-`)));
    } catch {
      return undefined;
    }
  }

  /** Writes a new file of these bytes (never over an existing one) and returns its path. */
  async write(name: string, chunks: Buffer[]): Promise<string> {
    const file = path.join(this.dir, name);
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writev(chunks);
    } finally {
      await handle.close();
    }
    return file;
  }

  async remove(file: string): Promise<void> {
    await rm(file, { force: true });
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Removes the folders of HoSo processes that are gone (a kill -9, a power cut of the app but not
 * the machine): tmpfs keeps them until reboot, and they hold page images. Only folders of this
 * user, so another account's are never touched.
 */
async function sweepDeadOwners(root: string): Promise<void> {
  const uid = process.getuid?.();
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (!pid || isAlive(Number(pid))) continue;
    const dir = path.join(root, name);
    const info = await lstat(dir).catch(() => undefined);
    if (info?.isDirectory() && info.uid === uid) await rm(dir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
