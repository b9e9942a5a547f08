import type { StoredFile, StoredFilePage } from '@hoso/contracts';
import { Sha256Schema, StoredFilePageSchema } from '@hoso/contracts';
import { MIME_BY_FORMAT, type InputFormat } from '@hoso/ocr/probe';
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { chmod, copyFile, link, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { streamToTemp } from './atomic-file';
import { plainCodec, type BlobCodec } from './crypto/blob-codec';
import type { DataPaths } from './data-dir';
import { hostFail } from './host-error';
import { checkHead, probeOriginal } from './probe-original';
import { mkdirPrivate, ORIGINAL_FILE_MODE } from './private-files';

/** What the store records about an original, next to it (meta/<hash>.json). */
type FileMeta = {
  hash: string;
  name: string;
  size: number;
  mime: string;
  kind: InputFormat;
  pages: StoredFilePage[];
};

const FileMetaSchema = z.object({
  hash: Sha256Schema,
  name: z.string(),
  size: z.number().int().min(0),
  mime: z.string(),
  kind: z.enum(['jpeg', 'png', 'tiff', 'pdf']),
  pages: z.array(StoredFilePageSchema).min(1),
});

/** A file checked and waiting in tmp/ to be committed (see FileStore.prepare). */
export type PreparedFile = { readonly tmpPath: string; readonly meta: FileMeta; readonly intact: boolean };

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Originals are evidence: stored once under their SHA-256, read-only, never modified, and
 * verified against their name every time they are read back.
 */
export class FileStore {
  constructor(
    private readonly paths: DataPaths,
    private readonly maxFileBytes = DEFAULT_MAX_FILE_BYTES,
    /** Encryption at rest: every file the store writes or reads goes through it. */
    readonly codec: BlobCodec = plainCodec,
  ) {}

  originalPath(hash: string): string {
    return path.join(this.paths.originals, checkHash(hash));
  }

  private metaPath(hash: string): string {
    return path.join(this.paths.meta, `${checkHash(hash)}.json`);
  }

  async storeBytes(name: string, bytes: Uint8Array): Promise<StoredFile> {
    return this.storeStream(
      name,
      Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    );
  }

  /**
   * Streams the bytes to a temp file (hashing on the way), checks they are a readable scan or
   * PDF, then moves them into originals/<hash>. A bad file leaves nothing behind.
   */
  async storeStream(name: string, source: Readable | AsyncIterable<Uint8Array>): Promise<StoredFile> {
    const prepared = await this.prepare(name, source);
    try {
      return await this.commit(prepared);
    } finally {
      await this.discard(prepared);
    }
  }

  /**
   * Phase 1 of storing, which stores nothing: the bytes go to a temp file (hashed on the way,
   * refused by their first bytes before the rest is read), and are probed (format, every page).
   * A bundle import prepares every file before it commits any.
   */
  async prepare(name: string, source: Readable | AsyncIterable<Uint8Array>): Promise<PreparedFile> {
    const displayName = cleanName(name);
    const temp = await streamToTemp(source, this.paths.tmp, this.maxFileBytes, {
      checkHead: (head) => checkHead(head, displayName),
      encode: this.codec.encode,
    });
    try {
      const existing = await this.readMeta(temp.hash).catch(() => undefined);
      // Already stored and still intact: nothing to do. Stored but damaged on disk: these bytes
      // hash to its name, so they are the original — they replace the damaged copy (repair).
      if (existing && (await this.isIntact(temp.hash)))
        return { tmpPath: temp.tmpPath, meta: existing, intact: true };
      // The temp file holds what goes to disk (sealed when encrypted); probing needs the plaintext.
      const bytes = await this.codec.readFile(temp.tmpPath, displayName);
      const { format: kind, pages } = await probeOriginal(bytes, displayName);
      const meta: FileMeta = {
        hash: temp.hash,
        name: displayName,
        size: temp.size,
        mime: MIME_BY_FORMAT[kind],
        kind,
        pages,
      };
      return { tmpPath: temp.tmpPath, meta, intact: false };
    } catch (err) {
      await rm(temp.tmpPath, { force: true });
      throw err;
    }
  }

  /** Phase 2: moves a prepared file into originals/<hash> with its meta (or finds it there). */
  async commit(prepared: PreparedFile): Promise<StoredFile> {
    const { meta, tmpPath } = prepared;
    if (prepared.intact) return { ...publicMeta(meta), existed: true };
    await mkdirPrivate(this.paths.originals);
    const target = this.originalPath(meta.hash);
    const repaired =
      (await this.readMeta(meta.hash).catch(() => undefined)) !== undefined || (await exists(target));
    // Content-addressed: if a concurrent store already placed this hash intact, its bytes are
    // ours too, so it is left alone; a damaged one is replaced (rename is atomic). Read-only is
    // set after the rename: Windows cannot delete a read-only temp file, and the target is
    // final by then (and Windows cannot rename over a read-only file: made writable first).
    if (!(await this.isIntact(meta.hash))) {
      if (process.platform === 'win32') await chmod(target, 0o600).catch(() => undefined);
      await rename(tmpPath, target);
      await chmod(target, ORIGINAL_FILE_MODE);
    }
    await this.codec.writeFile(this.metaPath(meta.hash), JSON.stringify(meta), this.paths.tmp);
    return { ...publicMeta(meta), existed: repaired };
  }

  /** Removes a prepared file's temp copy (after commit it is already gone). */
  async discard(prepared: PreparedFile): Promise<void> {
    await rm(prepared.tmpPath, { force: true });
  }

  async getFile(hash: string): Promise<StoredFile> {
    const meta = await this.readMeta(hash);
    if (!(await exists(this.originalPath(hash)))) hostFail('NOT_FOUND', `No stored file ${hash}.`);
    return { ...publicMeta(meta), existed: true };
  }

  async kindOf(
    hash: string,
  ): Promise<{ kind: InputFormat; name: string; pages: StoredFilePage[]; mime: string }> {
    const meta = await this.readMeta(hash);
    return { kind: meta.kind, name: meta.name, pages: meta.pages, mime: meta.mime };
  }

  /** The original bytes, verified: a file whose content no longer matches its hash is refused. */
  async readOriginal(hash: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await this.codec.readFile(this.originalPath(hash), hash);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') hostFail('NOT_FOUND', `No stored file ${hash}.`);
      throw err;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== hash) await this.failIntegrity(hash);
    return bytes;
  }

  /**
   * Checks an original against its hash by streaming it (constant memory, for large PDFs) and
   * returns its path for the caller to stream or hand to the engine.
   */
  async verifiedPath(hash: string): Promise<string> {
    const file = this.originalPath(hash);
    const digest = createHash('sha256');
    try {
      for await (const chunk of this.codec.readStream(file, hash)) digest.update(chunk as Buffer);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') hostFail('NOT_FOUND', `No stored file ${hash}.`);
      throw err;
    }
    if (digest.digest('hex') !== hash) await this.failIntegrity(hash);
    return file;
  }

  /** An original whose bytes no longer match its name was changed on disk: never hand it out. */
  private async failIntegrity(hash: string): Promise<never> {
    const meta = await this.readMeta(hash).catch(() => undefined);
    return hostFail(
      'INTEGRITY_ERROR',
      `The stored original ${meta?.name ?? hash} was modified on disk (hash mismatch).`,
      { file: meta?.name ?? hash },
    );
  }

  /** The original's bytes as a stream (decrypted when the folder is encrypted); not verified. */
  originalStream(hash: string): Readable {
    return this.codec.readStream(this.originalPath(hash), hash);
  }

  /**
   * Puts a verified plaintext copy of an original at `target` for a reader that needs a path (the
   * OCR engine, the PDF writer). Plain folders get a hard link (free); encrypted ones a private
   * (0600) decrypted copy that the caller deletes when done, kept under tmp/ which is cleared
   * on start.
   */
  async plainCopy(hash: string, target: string): Promise<void> {
    if (!this.codec.sealed) {
      await linkOrCopy(await this.verifiedPath(hash), target);
      return;
    }
    const digest = createHash('sha256');
    const out = await open(target, 'w', 0o600);
    try {
      for await (const chunk of this.originalStream(hash)) {
        digest.update(chunk as Buffer);
        await out.write(chunk as Buffer);
      }
    } finally {
      await out.close();
    }
    if (digest.digest('hex') !== hash) {
      await rm(target, { force: true });
      await this.failIntegrity(hash);
    }
  }

  /** Whether the original exists and still matches its hash (streamed, constant memory). */
  async isIntact(hash: string): Promise<boolean> {
    return this.verifiedPath(hash).then(
      () => true,
      () => false,
    );
  }

  async has(hash: string): Promise<boolean> {
    return exists(this.originalPath(hash));
  }

  private async readMeta(hash: string): Promise<FileMeta> {
    try {
      const meta = FileMetaSchema.parse(
        JSON.parse((await this.codec.readFile(this.metaPath(hash))).toString('utf8')),
      );
      // The served Content-Type follows the probed kind, never a string read from disk: an edited
      // meta file must not make an original be served as HTML in the app's origin.
      return { ...meta, hash, name: cleanName(meta.name), mime: MIME_BY_FORMAT[meta.kind] };
    } catch {
      return hostFail('NOT_FOUND', `No stored file ${hash}.`);
    }
  }
}

function checkHash(hash: string): string {
  if (!Sha256Schema.safeParse(hash).success)
    hostFail('INVALID_MESSAGE', 'A file hash must be 64 lowercase hex digits.');
  return hash;
}

function publicMeta(meta: FileMeta): Omit<StoredFile, 'existed'> {
  return { hash: meta.hash, name: meta.name, size: meta.size, mime: meta.mime, pages: meta.pages };
}

/** Keep only the base name, NFC, without control characters (names come from the renderer). */
export function cleanName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .normalize('NFC')
    .trim();
  return base.slice(0, 255) || 'file';
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * A hard link costs nothing; Windows, though, cannot delete a link to a read-only file afterwards,
 * so there the original is copied and the copy made writable.
 */
async function linkOrCopy(original: string, input: string): Promise<void> {
  if (process.platform !== 'win32') {
    try {
      await link(original, input);
      return;
    } catch {
      // Other filesystem or no hard links: fall through to a copy.
    }
  }
  await copyFile(original, input);
  await chmod(input, 0o644);
}
