import type { ExportPdfRequest, OutlineEntry } from '@hoso/contracts';
import { ExportPdfRequestSchema } from '@hoso/contracts';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { FileStore } from './file-store';
import { HostFailure, toHostError } from './host-error';

export interface WrittenExport {
  bytes: number;
  redactedPages?: number;
  signedBy?: string;
}

/**
 * Builds the searchable PDF of an export (document, volume or dossier) with the ocr package's
 * writer: the stored originals' pixels, the renderer's corrected words, bookmarks, mục lục and
 * folio stamps. With redactions the written PDF is then redacted for real (a second, rewritten
 * file), and with a certificate signed; only the finished file is renamed into `outputPath`, the
 * intermediate ones are removed, and the originals in the store are only ever read.
 */
export async function writeExportPdf(
  store: FileStore,
  input: ExportPdfRequest,
  outputPath: string,
  tmpDir: string,
): Promise<WrittenExport> {
  const request = ExportPdfRequestSchema.parse(input);
  const redactions = request.redactions ?? [];
  const names = new Map<string, string>();
  for (const page of request.pages) {
    if (!names.has(page.fileHash)) names.set(page.fileHash, (await store.getFile(page.fileHash)).name);
  }
  for (const r of redactions)
    if (r.pageIndex >= request.pages.length)
      throw new HostFailure({
        code: 'INVALID_MESSAGE',
        message: `redaction on page ${r.pageIndex + 1} of ${request.pages.length}`,
      });
  // Loaded lazily: the writer pulls in pdf.js and sharp only when the user exports.
  const ocr = await import('@hoso/ocr');
  // The certificate is checked before any page is written: a wrong password costs nothing.
  const signer = request.sign ? openSigner(ocr, request.sign) : undefined;
  // In an encrypted folder the writer reads private decrypted copies, removed when it is done.
  const work = path.join(tmpDir, `export-${randomUUID()}`);
  const loadPage = ocr.createPageLoader(async (hash) => {
    // Verify each original against its hash before it goes into an exported PDF.
    if (!store.codec.sealed) return store.verifiedPath(hash);
    await mkdir(work, { recursive: true, mode: 0o700 });
    const copy = path.join(work, hash);
    await store.plainCopy(hash, copy);
    return copy;
  });
  const finishing = redactions.length > 0 || signer !== undefined;
  const temp = (step: string) =>
    path.join(path.dirname(outputPath), `.${path.basename(outputPath)}.${step}.${randomUUID()}.part`);
  const plain = finishing ? temp('plain') : outputPath;
  const redacted = temp('redacted');
  try {
    const written = await ocr.exportSearchablePdf({ request, outputPath: plain, loadPage });
    if (!finishing) return { bytes: written.bytes };
    let current = plain;
    let redactedPages: number | undefined;
    if (redactions.length > 0) {
      const tocPages = written.pages - request.pages.length;
      const bytes = new Uint8Array(await readFile(plain));
      const plan = await ocr.planRedaction(bytes, request.fileName, {
        rules: [],
        boxes: redactions.flatMap((r) =>
          r.boxes.map((box) => ({ page: r.pageIndex + tocPages, box, normalized: true })),
        ),
      });
      const target = signer ? redacted : outputPath;
      const result = await ocr.writeRedactedPdf({
        input: bytes,
        name: request.fileName,
        plan,
        outputPath: target,
        title: request.title,
        outline: shiftOutline(request.outline, tocPages),
      });
      redactedPages = result.redactedPages;
      if (!signer) return { bytes: result.bytes, redactedPages };
      current = target;
    }
    const signed = await ocr.signPdfBytes(new Uint8Array(await readFile(current)), {
      signer: signer!,
      reason: request.sign!.reason,
      location: request.sign!.location,
      visible: request.sign!.visible,
    });
    await writeFileAtomic(outputPath, signed);
    return {
      bytes: signed.length,
      redactedPages,
      signedBy: ocr.summarizeCertificate(signer!.certificateChain[0]).commonName,
    };
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
    if (finishing) await Promise.all([rm(plain, { force: true }), rm(redacted, { force: true })]);
  }
}

type Ocr = typeof import('@hoso/ocr');

function openSigner(ocr: Ocr, sign: NonNullable<ReturnType<typeof ExportPdfRequestSchema.parse>['sign']>) {
  try {
    return ocr.p12Signer(Buffer.from(sign.p12Base64, 'base64'), sign.password);
  } catch (err) {
    if (err instanceof ocr.SigningError)
      // SIGN_WRONG_PASSWORD, SIGN_EXPIRED…: the renderer says each in Vietnamese.
      throw new HostFailure({
        code: `SIGN_${err.code.replace(/-/g, '_').toUpperCase()}`,
        message: err.message,
      });
    throw err;
  }
}

/** Bookmarks count the dossier's pages; in the finished file a mục lục comes before them. */
function shiftOutline(entries: OutlineEntry[], by: number): OutlineEntry[] {
  return entries.map((e) => ({
    ...e,
    pageIndex: e.pageIndex + by,
    children: e.children && shiftOutline(e.children, by),
  }));
}
