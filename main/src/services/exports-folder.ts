import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataPaths } from './data-dir';
import { cleanName } from './file-store';
import { hostFail } from './host-error';

/** A file on disk to stream in a response (original or export). */
export type FileToSend = { path: string; size: number; contentType: string; fileName: string };

const EXPORT_NAME = /^[0-9a-f]{8}-[^/\\]+$/;

export const CONTENT_TYPE_BY_EXT: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.hoso': 'application/zip',
  '.json': 'application/json',
};

/** Finished exports (PDFs, bundles) live in exports/ under a unique, URL-safe-ish name. */
export class ExportsFolder {
  constructor(private readonly paths: DataPaths) {}

  /** A fresh stored name for a user-chosen file name, forcing the expected extension. */
  storedName(fileName: string, ext: '.pdf' | '.hoso'): string {
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
      size: info.size,
      contentType: CONTENT_TYPE_BY_EXT[ext] ?? 'application/octet-stream',
      fileName: storedName.slice(9),
    };
  }
}
