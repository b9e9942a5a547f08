import type { BundleExportRequest, BundleImportResult, StoredFile } from '@hoso/contracts';
import { BundleExportRequestSchema, Sha256Schema } from '@hoso/contracts';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sha256 } from './atomic-file';
import type { FileStore } from './file-store';
import { hostFail } from './host-error';

/**
 * A case bundle (.hoso) is a zip: manifest.json (SHA-256 of every part), case.json (the
 * renderer's records, opaque here) and originals/<sha256>. Import verifies every part before
 * storing anything, so a tampered or truncated bundle imports nothing.
 */
const ManifestSchema = z.object({
  format: z.literal('hoso-bundle'),
  version: z.literal(1),
  createdAt: z.string(),
  caseData: z.object({ path: z.literal('case.json'), sha256: Sha256Schema, size: z.number().int().min(0) }),
  files: z.array(
    z.object({ hash: Sha256Schema, name: z.string(), size: z.number().int().min(0), mime: z.string() }),
  ),
});
type Manifest = z.infer<typeof ManifestSchema>;

/**
 * Writes the bundle to `outputPath`, streaming: originals go from disk into the zip one chunk at
 * a time (stored, not recompressed: scans are already compressed) and are hashed on the way, so
 * a 500-page dossier never sits in memory and a damaged original aborts the export. The zip is
 * written to a temp file and renamed into place only when complete.
 */
export async function writeBundle(
  store: FileStore,
  input: BundleExportRequest,
  outputPath: string,
  tmpDir: string,
): Promise<number> {
  const request = BundleExportRequestSchema.parse(input);
  const caseBytes = strToU8(JSON.stringify(request.caseData ?? null));
  const files: Manifest['files'] = [];
  for (const hash of new Set(request.fileHashes)) {
    const meta = await store.getFile(hash);
    files.push({ hash, name: meta.name, size: meta.size, mime: meta.mime });
  }
  const manifest: Manifest = {
    format: 'hoso-bundle',
    version: 1,
    createdAt: new Date().toISOString(),
    caseData: { path: 'case.json', sha256: sha256(caseBytes), size: caseBytes.byteLength },
    files,
  };
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${randomUUID()}.hoso.part`);
  const out = await open(tmp, 'w');
  const pending: Uint8Array[] = [];
  let zipError: Error | null = null;
  let size = 0;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else pending.push(chunk);
  });
  const flush = async () => {
    for (let chunk = pending.shift(); chunk; chunk = pending.shift()) {
      await out.write(chunk);
      size += chunk.byteLength;
    }
    if (zipError) throw zipError;
  };
  const addSmall = async (name: string, bytes: Uint8Array) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
    await flush();
  };
  try {
    await addSmall('manifest.json', strToU8(JSON.stringify(manifest, null, 1)));
    await addSmall('case.json', caseBytes);
    for (const file of files) {
      const entry = new ZipPassThrough(`originals/${file.hash}`);
      zip.add(entry);
      const digest = createHash('sha256');
      for await (const chunk of createReadStream(store.originalPath(file.hash))) {
        digest.update(chunk as Buffer);
        entry.push(chunk as Buffer, false);
        await flush();
      }
      entry.push(new Uint8Array(0), true);
      if (digest.digest('hex') !== file.hash)
        hostFail(
          'INTEGRITY_ERROR',
          `The stored original ${file.name} was modified on disk (hash mismatch).`,
          {
            file: file.name,
          },
        );
      await flush();
    }
    zip.end();
    await flush();
    await out.sync();
    await out.close();
    await rename(tmp, outputPath);
    return size;
  } catch (err) {
    await out.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}

export type VerifiedBundle = { manifest: Manifest; caseData: unknown; originals: Map<string, Uint8Array> };

export function verifyBundle(bytes: Uint8Array): VerifiedBundle {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    return hostFail('BUNDLE_CORRUPT', `The bundle is damaged or truncated (${(err as Error).message}).`);
  }
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) hostFail('BUNDLE_CORRUPT', 'The bundle has no manifest.json; it is not a HoSo bundle.');
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(strFromU8(manifestBytes)));
  } catch {
    return hostFail('BUNDLE_CORRUPT', 'The bundle manifest is not valid.');
  }
  const caseBytes = entries['case.json'];
  if (!caseBytes || sha256(caseBytes) !== manifest.caseData.sha256)
    hostFail('BUNDLE_TAMPERED', 'The case data in the bundle does not match its manifest hash.', {
      file: 'case.json',
    });
  const originals = new Map<string, Uint8Array>();
  for (const file of manifest.files) {
    const data = entries[`originals/${file.hash}`];
    if (!data) hostFail('BUNDLE_CORRUPT', `The bundle is missing ${file.name}.`, { file: file.name });
    if (sha256(data) !== file.hash || data.byteLength !== file.size)
      hostFail('BUNDLE_TAMPERED', `${file.name} in the bundle does not match its hash.`, { file: file.name });
    originals.set(file.hash, data);
  }
  return { manifest, caseData: JSON.parse(strFromU8(caseBytes)) as unknown, originals };
}

export async function importBundle(store: FileStore, bytes: Uint8Array): Promise<BundleImportResult> {
  const bundle = verifyBundle(bytes);
  const files: StoredFile[] = [];
  for (const file of bundle.manifest.files) {
    files.push(await store.storeBytes(file.name, bundle.originals.get(file.hash)!));
  }
  return { caseData: bundle.caseData, files };
}
