import type { ExportPdfRequest } from '@hoso/contracts';
import { ExportPdfRequestSchema } from '@hoso/contracts';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from './file-store';
import { HostFailure, toHostError } from './host-error';

/**
 * Builds the searchable PDF of an export (document, volume or dossier) with the ocr package's
 * writer: the stored originals' pixels, the renderer's corrected words, bookmarks, mục lục and
 * folio stamps. The writer renames its temp file into `outputPath` only when complete.
 */
export async function writeExportPdf(
  store: FileStore,
  input: ExportPdfRequest,
  outputPath: string,
  tmpDir: string,
): Promise<number> {
  const request = ExportPdfRequestSchema.parse(input);
  const names = new Map<string, string>();
  for (const page of request.pages) {
    if (!names.has(page.fileHash)) names.set(page.fileHash, (await store.getFile(page.fileHash)).name);
  }
  // Loaded lazily: the writer pulls in pdf.js and sharp only when the user exports.
  const { createPageLoader, exportSearchablePdf } = await import('@hoso/ocr');
  // In an encrypted folder the writer reads private decrypted copies, removed when it is done.
  const work = path.join(tmpDir, `export-${randomUUID()}`);
  const loadPage = createPageLoader(async (hash) => {
    // Verify each original against its hash before it goes into an exported PDF.
    if (!store.codec.sealed) return store.verifiedPath(hash);
    await mkdir(work, { recursive: true, mode: 0o700 });
    const copy = path.join(work, hash);
    await store.plainCopy(hash, copy);
    return copy;
  });
  try {
    const written = await exportSearchablePdf({ request, outputPath, loadPage });
    return written.bytes;
  } catch (err) {
    const error = toHostError(err);
    // Engine messages name the content-addressed path; the user knows the file by its name.
    const hash = [...names.keys()].find((h) => error.message.includes(h) || error.file?.includes(h));
    if (hash) {
      const name = names.get(hash)!;
      throw new HostFailure({
        ...error,
        file: name,
        message: error.message.split(store.originalPath(hash)).join(name),
      });
    }
    throw new HostFailure(error);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
