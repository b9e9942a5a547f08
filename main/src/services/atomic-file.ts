import { createHash, randomUUID } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { hostFail } from './host-error';
import { mkdirPrivate, PRIVATE_FILE_MODE } from './private-files';

/**
 * Nothing half-written: every file the host writes goes to a temp file in the same folder tree,
 * is fsync'ed, and only then renamed into place (rename is atomic on one filesystem).
 */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  tmpDir?: string,
): Promise<void> {
  const dir = tmpDir ?? path.dirname(target);
  await mkdirPrivate(dir);
  await mkdirPrivate(path.dirname(target));
  const tmp = path.join(dir, atomicTempName(target));
  try {
    const handle = await open(tmp, 'w', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** The temp name writeFileAtomic gives a file in `dir` (one function, so the sweep below matches it). */
function atomicTempName(target: string): string {
  return `.${path.basename(target)}.${randomUUID()}.tmp`;
}
const ATOMIC_TEMP = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/**
 * Removes what a kill -9 between writeFileAtomic's open and its rename left in `dir` (files written
 * in place, not through tmp/, which the host empties at start). Only its own temp names are touched;
 * the caller holds the folder, so no writer of ours is mid-write there. Returns the names removed.
 */
export async function removeAtomicLeftovers(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => ATOMIC_TEMP.test(n));
  await Promise.all(names.map((n) => rm(path.join(dir, n), { force: true })));
  return names;
}

export type StreamedTemp = { tmpPath: string; hash: string; size: number };

/** How many first bytes `checkHead` sees (a PDF header may sit anywhere in the first 1024). */
export const HEAD_BYTES = 1024;

/**
 * Streams bytes into a temp file while hashing them (SHA-256), fsyncs, and returns the temp
 * path for the caller to rename. Over `maxBytes` → TOO_LARGE and the temp file is removed.
 * `checkHead` sees the first HEAD_BYTES bytes (or all, if fewer) before anything else is read:
 * throwing there refuses 600 MB of garbage after its first kilobyte.
 */
export async function streamToTemp(
  source: Readable | AsyncIterable<Uint8Array>,
  tmpDir: string,
  maxBytes: number,
  options: {
    checkHead?: (head: Buffer) => void;
    /** What is written to disk for the plaintext (encryption at rest); hash and size stay the plaintext's. */
    encode?: (plain: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
  } = {},
): Promise<StreamedTemp> {
  const { checkHead, encode = (plain: AsyncIterable<Uint8Array>) => plain } = options;
  await mkdirPrivate(tmpDir);
  const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(tmpPath, 'w', PRIVATE_FILE_MODE);
  let head: Buffer[] | undefined = checkHead ? [] : undefined;
  let headSize = 0;
  try {
    async function* counted() {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) hostFail('TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes.`);
        if (head) {
          head.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          headSize += chunk.byteLength;
          if (headSize >= HEAD_BYTES) {
            checkHead!(Buffer.concat(head).subarray(0, HEAD_BYTES));
            head = undefined;
          }
        }
        hash.update(chunk);
        yield chunk;
      }
      if (head) checkHead!(Buffer.concat(head));
    }
    for await (const chunk of encode(counted())) await handle.write(chunk);
    await handle.sync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmpPath, { force: true });
    throw err;
  }
  return { tmpPath, hash: hash.digest('hex'), size };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
