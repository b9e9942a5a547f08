import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { hostFail } from './host-error';

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
  await mkdir(dir, { recursive: true });
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(tmp, 'w', 0o644);
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

export type StreamedTemp = { tmpPath: string; hash: string; size: number };

/**
 * Streams bytes into a temp file while hashing them (SHA-256), fsyncs, and returns the temp
 * path for the caller to rename. Over `maxBytes` → TOO_LARGE and the temp file is removed.
 */
export async function streamToTemp(
  source: Readable | AsyncIterable<Uint8Array>,
  tmpDir: string,
  maxBytes: number,
  /** What is written to disk for the plaintext (encryption at rest); hash and size stay the plaintext's. */
  encode: (plain: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array> = (plain) => plain,
): Promise<StreamedTemp> {
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = path.join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(tmpPath, 'w', 0o600);
  try {
    async function* counted() {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) hostFail('TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes.`);
        hash.update(chunk);
        yield chunk;
      }
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
