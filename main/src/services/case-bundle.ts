import type { BundleExportRequest, BundleImportResult, StoredFile } from '@hoso/contracts';
import { BundleExportRequestSchema, Sha256Schema } from '@hoso/contracts';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
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

export async function buildBundle(store: FileStore, input: BundleExportRequest): Promise<Uint8Array> {
  const request = BundleExportRequestSchema.parse(input);
  const caseBytes = strToU8(JSON.stringify(request.caseData ?? null));
  const entries: Zippable = {};
  const files: Manifest['files'] = [];
  for (const hash of new Set(request.fileHashes)) {
    const meta = await store.getFile(hash);
    // readOriginal verifies the hash: a damaged original is never exported as if it were good.
    entries[`originals/${hash}`] = [await store.readOriginal(hash), { level: 0 }];
    files.push({ hash, name: meta.name, size: meta.size, mime: meta.mime });
  }
  const manifest: Manifest = {
    format: 'hoso-bundle',
    version: 1,
    createdAt: new Date().toISOString(),
    caseData: { path: 'case.json', sha256: sha256(caseBytes), size: caseBytes.byteLength },
    files,
  };
  entries['manifest.json'] = strToU8(JSON.stringify(manifest, null, 1));
  entries['case.json'] = caseBytes;
  return zipSync(entries, { level: 6 });
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
