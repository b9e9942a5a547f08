import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256, writeFileAtomic } from './atomic-file';
import { type BlobCodec, plainCodec } from './crypto/blob-codec';
import type { DataPaths } from './data-dir';

/**
 * Files made from an original (page images, OCR words) are shown and searched as evidence, so
 * they are held to the original's standard: their SHA-256 is recorded when they are written, in
 * a parallel tree (integrity/<path under the data folder>.sha256) away from the files served, and
 * checked on every read. A file that does not match (overwritten on disk, half-written, no
 * record) is discarded and the caller rebuilds it from the verified original.
 * With encryption at rest the file goes through the data folder's codec and the record is the
 * hash of the PLAINTEXT: it stays valid when `hoso data encrypt` seals existing files, and a
 * sealed file that fails to open (tampered, truncated) reads as a mismatch like any other.
 */
export class DerivedFiles {
  constructor(
    private readonly paths: DataPaths,
    private readonly codec: () => BlobCodec = () => plainCodec,
  ) {}

  private recordPath(file: string): string {
    const rel = path.relative(this.paths.root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${file} is outside the data folder.`);
    return path.join(this.paths.integrity, `${rel}.sha256`);
  }

  /** Writes `bytes` atomically, then records their hash (a crash in between reads as "no record": rebuilt). */
  async write(file: string, bytes: Uint8Array | string): Promise<void> {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    await this.codec().writeFile(file, data, this.paths.tmp);
    await writeFileAtomic(this.recordPath(file), sha256(data), this.paths.tmp);
  }

  /**
   * The file's bytes if they match their record; undefined when missing. A mismatch removes the
   * file and its record and also answers undefined, after calling `onMismatch` (for the log/UI).
   */
  async read(file: string, onMismatch?: (file: string) => void): Promise<Buffer | undefined> {
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) return undefined;
    const bytes = await this.codec()
      .readFile(file)
      .catch(() => undefined);
    const recorded = await readFile(this.recordPath(file), 'utf8').catch(() => undefined);
    if (bytes && recorded?.trim() === sha256(bytes)) return bytes;
    onMismatch?.(file);
    await this.remove(file);
    return undefined;
  }

  async remove(file: string): Promise<void> {
    await rm(file, { force: true });
    await rm(this.recordPath(file), { force: true });
  }
}
