import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { plainCodec, type BlobCodec } from './crypto/blob-codec';
import type { DataPaths } from './data-dir';
import { cleanName } from './file-store';
import { hostFail } from './host-error';

/** A file on disk to stream in a response (original or export). */
export type FileToSend = {
  path: string;
  /** Plaintext size. */
  size: number;
  contentType: string;
  fileName: string;
  /** The plaintext bytes (decrypted when the data folder is encrypted); absent: stream `path`. */
  open?: () => Readable;
};

/** Stored export names are `<8 hex digits>-<the user's file name>`: unique, and still readable. */
const EXPORT_NAME = /^[0-9a-f]{8}-[^/\\]+$/;
const UNIQUE_PREFIX = /^[0-9a-f]{8}-/;

/** The file name the user chose, without the stored name's unique prefix. */
export function exportFileName(storedName: string): string {
  return storedName.replace(UNIQUE_PREFIX, '');
}

export const CONTENT_TYPE_BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.hoso': 'application/zip',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

/** Finished exports (PDFs, bundles) live in exports/ under a unique, URL-safe-ish name. */
export class ExportsFolder {
  constructor(
    private readonly paths: DataPaths,
    private readonly codec: BlobCodec = plainCodec,
  ) {}

  /** A fresh stored name for a user-chosen file name, forcing the expected extension. */
  storedName(fileName: string, ext: '.pdf' | '.hoso' | '.csv'): string {
    let base = cleanName(fileName);
    if (!base.toLowerCase().endsWith(ext)) base += ext;
    return `${randomBytes(4).toString('hex')}-${base}`;
  }

  resolve(storedName: string): string {
    if (!EXPORT_NAME.test(storedName) || storedName.includes('..'))
      hostFail('NOT_FOUND', `No export ${storedName}.`);
    return path.join(this.paths.exports, storedName);
  }

  /** An export to stream to the user (exports can be hundreds of MB: never read whole). */
  async open(storedName: string): Promise<FileToSend> {
    const file = this.resolve(storedName);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return hostFail('NOT_FOUND', `No export ${storedName}.`);
    const ext = path.extname(storedName).toLowerCase();
    return {
      path: file,
      size: await this.codec.plainSize(file, info.size),
      open: () => this.codec.readStream(file, exportFileName(storedName)),
      contentType: CONTENT_TYPE_BY_EXT[ext] ?? 'application/octet-stream',
      fileName: exportFileName(storedName),
    };
  }
}
