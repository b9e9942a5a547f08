import { realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hostFail } from './host-error';

/**
 * Which folders may be a "thư mục quét". HoSo imports every image and PDF that appears there into
 * a case, with the user's rights: a system folder, a root, the user's home or anything above it,
 * or HoSo's own data folder would pour files the user never meant as evidence into the dossier
 * (or loop on its own files). Only a real folder of its own is accepted, judged after symlinks
 * are resolved (a link named ~/Scan pointing at /etc is /etc).
 */
const POSIX_SYSTEM = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/snap',
  '/sys',
  '/usr',
  '/var',
  '/System',
  '/Library',
  '/Applications',
  '/private',
];
const WINDOWS_SYSTEM_NAMES = ['Windows', 'Program Files', 'Program Files (x86)', 'ProgramData'];

export type WatchFolderContext = { dataDir: string; home?: string; platform?: NodeJS.Platform };

/** The folder as it will be watched (real path), or a FORBIDDEN/NOT_FOUND failure saying why. */
export async function checkWatchFolder(input: string, ctx: WatchFolderContext): Promise<string> {
  const platform = ctx.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (!p.isAbsolute(input))
    hostFail('INVALID_WATCH_FOLDER', `The watch folder must be a full path, not "${input}".`, {
      file: input,
    });
  const real = await realpath(input).catch(() => undefined);
  const info = real ? await stat(real).catch(() => undefined) : undefined;
  if (!real || !info?.isDirectory())
    return hostFail('NOT_FOUND', `The watch folder ${input} does not exist or is not a folder.`, {
      file: input,
    });
  const why = forbiddenReason(real, { ...ctx, platform });
  if (why)
    hostFail('FORBIDDEN_WATCH_FOLDER', `${input} cannot be the watch folder: ${why}.`, { file: input });
  return real;
}

/** Pure: why `folder` (a real, absolute path) may not be watched, or undefined. */
export function forbiddenReason(folder: string, ctx: WatchFolderContext): string | undefined {
  const platform = ctx.platform ?? process.platform;
  const p = platform === 'win32' ? path.win32 : path.posix;
  const norm = (x: string) => {
    const n = p.resolve(x);
    return platform === 'win32' || platform === 'darwin' ? n.toLowerCase() : n;
  };
  const f = norm(folder);
  const inside = (parent: string) => {
    const base = norm(parent);
    return f === base || f.startsWith(base.endsWith(p.sep) ? base : base + p.sep);
  };
  if (p.parse(f).root === f || p.dirname(f) === f) return 'it is the root of a drive';
  const data = ctx.dataDir;
  if (inside(data)) return "it is inside HoSo's data folder";
  if (norm(data).startsWith(f + p.sep)) return "it contains HoSo's data folder";
  const home = ctx.home ?? os.homedir();
  if (home && (f === norm(home) || norm(home).startsWith(f + p.sep)))
    return 'it is the home folder or above it; choose a folder of its own, e.g. Scan';
  if (platform === 'win32') {
    const drive = p.parse(f).root;
    if (WINDOWS_SYSTEM_NAMES.some((n) => inside(p.join(drive, n)))) return 'it is a system folder';
  } else if (POSIX_SYSTEM.some((s) => inside(s)) && !inside(home ?? '/nonexistent')) {
    return 'it is a system folder';
  }
  return undefined;
}
