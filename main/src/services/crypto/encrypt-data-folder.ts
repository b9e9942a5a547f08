import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-file';
import type { DataPaths } from '../data-dir';
import { hostFail } from '../host-error';
import { sealedCodec, type BlobCodec } from './blob-codec';
import { createKeyring, readKeyring, unwrapDataKey, writeKeyring } from './keyring';
import { isSealed } from './sealed-file';

/**
 * Encryption at rest of a data folder: keys.json (the wrapped data key) and encryption.json
 * ({"state": "migrating" | "on"}). A folder with neither is plain.
 */
export const keyringPath = (paths: DataPaths) => path.join(paths.root, 'keys.json');
const statePath = (paths: DataPaths) => path.join(paths.root, 'encryption.json');
const StateSchema = z.object({ state: z.enum(['migrating', 'on']) });

export type EncryptionStatus = 'plain' | 'migrating' | 'on';

export async function encryptionStatus(paths: DataPaths): Promise<EncryptionStatus> {
  if (!(await readKeyring(keyringPath(paths)))) return 'plain';
  try {
    return StateSchema.parse(JSON.parse(await readFile(statePath(paths), 'utf8'))).state;
  } catch {
    // keys.json written, state not yet: the migration stopped before its first file.
    return 'migrating';
  }
}

/** Unlocks an encrypted folder: the codec to read and write it, or WRONG_PASSPHRASE. */
export async function unlockDataFolder(
  paths: DataPaths,
  passphrase: string,
): Promise<{ codec: BlobCodec; dataKey: Buffer }> {
  const keyring = await readKeyring(keyringPath(paths));
  if (!keyring) return hostFail('NOT_ENCRYPTED', 'This data folder is not encrypted.');
  const dataKey = await unwrapDataKey(keyring, passphrase);
  const state = await encryptionStatus(paths);
  return { dataKey, codec: sealedCodec(dataKey, { acceptPlain: state !== 'on' }) };
}

export type MigrationProgress = {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  file: string;
};

/** The files encryption covers: originals, their meta, derived images, OCR jobs and words, the inbox, exports. */
async function coveredFiles(paths: DataPaths): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else if (entry.isFile()) out.push(p);
    }
  };
  for (const dir of [paths.originals, paths.meta, paths.derived, paths.jobs, paths.inbox, paths.exports])
    await walk(dir);
  return out.sort();
}

async function headIsSealed(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead === 8 && isSealed(head);
  } finally {
    await handle.close();
  }
}

/**
 * Switches encryption on for an existing folder, or resumes a switch that was interrupted. Each
 * file is sealed into a temp file (streamed, constant memory), fsync'd, and renamed over the plain
 * one, so after a kill -9 at any moment every file is either still plain or fully sealed: running
 * this again with the same passphrase finishes the job. A wrong passphrase on resume is refused
 * before anything is touched. The host must not run on the folder meanwhile.
 */
export async function encryptDataFolder(
  paths: DataPaths,
  passphrase: string,
  onProgress: (p: MigrationProgress) => void = () => undefined,
): Promise<{ dataKey: Buffer; filesSealed: number; bytesSealed: number }> {
  let keyring = await readKeyring(keyringPath(paths));
  let dataKey: Buffer;
  if (keyring) {
    dataKey = await unwrapDataKey(keyring, passphrase);
  } else {
    ({ keyring, dataKey } = await createKeyring(passphrase));
    await writeKeyring(keyringPath(paths), keyring, paths.tmp);
  }
  if ((await encryptionStatus(paths)) !== 'on')
    await writeFileAtomic(statePath(paths), JSON.stringify({ state: 'migrating' }), paths.tmp);
  const files = await coveredFiles(paths);
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  let filesSealed = 0;
  let bytesSealed = 0;
  const codec = sealedCodec(dataKey, { acceptPlain: true });
  for (const [i, file] of files.entries()) {
    if (!(await headIsSealed(file))) {
      await codec.adopt(file, file, paths.tmp);
      filesSealed += 1;
      bytesSealed += sizes[i];
    }
    bytesDone += sizes[i];
    onProgress({
      filesDone: i + 1,
      filesTotal: files.length,
      bytesDone,
      bytesTotal,
      file: path.relative(paths.root, file),
    });
  }
  await writeFileAtomic(statePath(paths), JSON.stringify({ state: 'on' }), paths.tmp);
  return { dataKey, filesSealed, bytesSealed };
}
