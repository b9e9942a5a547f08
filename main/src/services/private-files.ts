import { execFile } from 'node:child_process';
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataPaths } from './data-dir';

/**
 * The data folder holds case files: nobody but its user may list or read it. On POSIX that is
 * mode bits: folders 0700, files 0600, originals 0400 (evidence: not even its owner writes it by
 * accident). On Windows the mode bits mean nothing; there the folder's ACL is reset to the user
 * alone (see `windowsAclArgs`).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
export const ORIGINAL_FILE_MODE = 0o400;

/** mkdir -p with private mode (mode applies to the folders it creates; `securePrivateTree` fixes old ones). */
export async function mkdirPrivate(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates the data folder layout privately and repairs what an older version (or a restore from
 * a backup) left readable: every folder 0700, every file 0600, every original 0400. Symlinks are
 * never followed (a link planted in the folder must not make us chmod a file elsewhere).
 * Returns how many entries had to be fixed.
 */
export async function securePrivateTree(paths: DataPaths): Promise<number> {
  await mkdirPrivate(paths.root);
  for (const dir of Object.values(paths)) if (!dir.endsWith('.json')) await mkdirPrivate(dir);
  let fixed = 0;
  const walk = async (dir: string, fileMode: number): Promise<void> => {
    fixed += await ensureMode(dir, PRIVATE_DIR_MODE);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, full === paths.originals ? ORIGINAL_FILE_MODE : fileMode);
      else if (entry.isFile()) fixed += await ensureMode(full, fileMode);
    }
  };
  await walk(paths.root, PRIVATE_FILE_MODE);
  if (process.platform === 'win32') await restrictWindowsAcl(paths.root);
  return fixed;
}

async function ensureMode(file: string, mode: number): Promise<number> {
  if (process.platform === 'win32') return 0;
  const info = await lstat(file).catch(() => undefined);
  if (!info || info.isSymbolicLink() || (info.mode & 0o777) === mode) return 0;
  await chmod(file, mode);
  return 1;
}

/**
 * icacls arguments that make `dir` the user's alone: inherited entries (Users, Authenticated
 * Users from the parent) removed, full control for the user, SYSTEM and Administrators kept for
 * backup software, inherited by every file and folder below ((OI)(CI)).
 */
export function windowsAclArgs(dir: string, user = os.userInfo().username): string[] {
  return [
    dir,
    '/inheritance:r',
    '/grant:r',
    `${user}:(OI)(CI)F`,
    '/grant:r',
    '*S-1-5-18:(OI)(CI)F',
    '/grant:r',
    '*S-1-5-32-544:(OI)(CI)F',
    '/T',
    '/Q',
  ];
}

async function restrictWindowsAcl(dir: string): Promise<void> {
  try {
    await promisify(execFile)('icacls', windowsAclArgs(dir), { windowsHide: true });
  } catch (err) {
    // Not fatal (e.g. a FAT-formatted USB drive has no ACLs), but the user's IT staff should know.
    console.error(`HoSo: could not restrict the data folder's ACL: ${(err as Error).message}`);
  }
}
