import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { writeFileAtomic } from '../atomic-file';
import { hostFail } from '../host-error';
import { collect, isSealed, openStream, SEAL_MAGIC, sealStream } from './sealed-file';

/**
 * The one seam between the host's stores and encryption at rest. Stores write and read their
 * files (originals, meta, derived images, OCR words, exports) through a codec instead of `fs`:
 * the plain codec is today's behaviour; the sealed codec encrypts every file with the data key.
 * Readers recognise sealed files by their magic, so a data folder half-way through migration
 * (each file either still plain or already sealed, swapped by atomic rename) reads correctly.
 */
export interface BlobCodec {
  readonly sealed: boolean;
  /** Writes `data` at `target` (temp file + fsync + rename), sealed when the codec seals. */
  writeFile(target: string, data: Uint8Array | string, tmpDir?: string): Promise<void>;
  /** The whole plaintext of a file (small files: meta, OCR words, page images). */
  readFile(file: string, what?: string): Promise<Buffer>;
  /** The plaintext as a stream (originals and exports of hundreds of MB). */
  readStream(file: string, what?: string): Readable;
  /** Transforms plaintext chunks into what is written to disk. */
  encode(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** Plaintext size of a file on disk. */
  plainSize(file: string, diskSize: number): Promise<number>;
  /**
   * Moves a finished plaintext file (an export the PDF writer just wrote under tmp/) to `target`,
   * sealed on the way when the codec seals: temp + fsync + rename, the plain file removed after.
   * `plainFile` may be `target` itself (sealing in place, as the migration does).
   */
  adopt(plainFile: string, target: string, tmpDir: string): Promise<void>;
}

export const plainCodec: BlobCodec = {
  sealed: false,
  writeFile: (target, data, tmpDir) => writeFileAtomic(target, data, tmpDir),
  async readFile(file, what) {
    const bytes = await readFile(file);
    if (isSealed(bytes)) locked(what ?? file);
    return bytes;
  },
  readStream: (file, what) => Readable.from(refusingSealed(file, what ?? file)),
  encode: (source) => source,
  plainSize: async (_file, size) => size,
  adopt: async (plainFile, target) => {
    if (plainFile !== target) await rename(plainFile, target);
  },
};

async function* refusingSealed(file: string, what: string): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of createReadStream(file)) {
    if (first && isSealed(chunk as Buffer)) locked(what);
    first = false;
    yield chunk as Buffer;
  }
}

const locked = (what: string): never =>
  hostFail('LOCKED', `${what} is encrypted and the data folder is locked: unlock it with the passphrase.`);

/**
 * The codec of an unlocked, encrypted data folder. `acceptPlain` is true only while a migration
 * is under way; afterwards a plain file where a sealed one belongs is refused (someone put it there).
 */
export function sealedCodec(
  dataKey: Buffer,
  opts: { acceptPlain: boolean } = { acceptPlain: false },
): BlobCodec {
  const plainOrOpened = (file: string, what: string) => readSealed(dataKey, file, what, opts.acceptPlain);
  const readStream = (file: string, what?: string): Readable =>
    Readable.from(plainOrOpened(file, what ?? file));
  return {
    sealed: true,
    async writeFile(target, data, tmpDir) {
      const plain = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      await writeFileAtomic(target, await collect(sealStream(dataKey, [plain])), tmpDir);
    },
    readFile: async (file, what) => collect(plainOrOpened(file, what ?? file)),
    readStream,
    encode: (source) => sealStream(dataKey, source),
    async adopt(plainFile, target, tmpDir) {
      const mode = (await stat(plainFile)).mode & 0o777;
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomUUID()}.seal.part`);
      const out = await open(tmp, 'w', 0o600);
      try {
        for await (const chunk of sealStream(dataKey, createReadStream(plainFile))) await out.write(chunk);
        await out.sync();
        await out.close();
        await rename(tmp, target);
      } catch (err) {
        await out.close().catch(() => undefined);
        await rm(tmp, { force: true });
        throw err;
      }
      // Originals stay read-only, as the store keeps them.
      await chmod(target, mode);
      if (plainFile !== target) await rm(plainFile, { force: true });
    },
    async plainSize(file, size) {
      const handle = await open(file, 'r');
      try {
        const head = Buffer.alloc(10);
        await handle.read(head, 0, 10, 0);
        if (!isSealed(head)) return size;
        const segment = 2 ** head[9];
        const body = size - 49;
        const segments = Math.max(1, Math.ceil(body / (segment + 16)));
        return body - segments * 16;
      } finally {
        await handle.close();
      }
    },
  };
}

/** A file still plain (migration under way) is passed through; a sealed one is opened. */
async function* readSealed(
  dataKey: Buffer,
  file: string,
  what: string,
  acceptPlain: boolean,
): AsyncGenerator<Buffer> {
  const stream = createReadStream(file)[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await stream.next();
  if (first.done) return;
  const rest = { [Symbol.asyncIterator]: () => stream };
  if (first.value.byteLength >= SEAL_MAGIC.byteLength ? isSealed(first.value) : false) {
    yield* openStream(dataKey, prepend(first.value, rest), what);
  } else {
    if (!acceptPlain)
      hostFail(
        'INTEGRITY_ERROR',
        `${what} is not encrypted although the data folder is: it was put there by hand.`,
        {
          file: what,
        },
      );
    yield first.value;
    yield* rest;
  }
}

async function* prepend(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  yield* rest;
}
