import type { BundleExportRequest, BundleImportResult, StoredFile } from '@hoso/contracts';
import { BundleExportRequestSchema, Sha256Schema } from '@hoso/contracts';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createHash, randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { sha256, streamToTemp } from './atomic-file';
import { cleanName, type FileStore, type PreparedFile } from './file-store';
import { mkdirPrivate, PRIVATE_FILE_MODE } from './private-files';
import { HostFailure, hostFail } from './host-error';
import { AuditEntrySchema, entryHash, entryLine, type AuditEntry } from './audit/audit-entry';
import { isPassphraseBundle, openBundle } from './crypto/bundle-seal';
import { entryBytes, entryStream, readZipDirectory, type ZipEntry } from './zip-directory';

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
  /** The case's audit entries (nhật ký) as they stand in the exporting host's chain. */
  audit: z
    .object({
      path: z.literal('audit.jsonl'),
      sha256: Sha256Schema,
      size: z.number().int().min(0),
      entries: z.number().int().min(0),
      /** Hash of the last entry of the whole chain when the bundle was made. */
      chainHead: Sha256Schema,
    })
    .optional(),
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
  audit?: { lines: string[]; chainHead: string },
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
  const auditBytes = audit ? strToU8(audit.lines.map((l) => `${l}\n`).join('')) : undefined;
  if (audit && auditBytes)
    manifest.audit = {
      path: 'audit.jsonl',
      sha256: sha256(auditBytes),
      size: auditBytes.byteLength,
      entries: audit.lines.length,
      chainHead: audit.chainHead,
    };
  await mkdirPrivate(tmpDir);
  const tmp = path.join(tmpDir, `${randomUUID()}.hoso.part`);
  const out = await open(tmp, 'w', PRIVATE_FILE_MODE);
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
    if (auditBytes) await addSmall('audit.jsonl', auditBytes);
    for (const file of files) {
      const entry = new ZipPassThrough(`originals/${file.hash}`);
      zip.add(entry);
      const digest = createHash('sha256');
      for await (const chunk of store.originalStream(file.hash)) {
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

/** A manifest larger than this is not a HoSo manifest (100 000 files take ~20 MB). */
const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
/** The renderer's records of one case (OCR words of thousands of pages included). */
const MAX_CASE_DATA_BYTES = 256 * 1024 * 1024;
const ORIGINAL_ENTRY = /^originals\/[0-9a-f]{64}$/;

/**
 * Imports a bundle from a file on disk. Pass 1 checks everything and stores nothing: the zip's
 * names (no duplicates, nothing unexpected), the manifest, the case data's hash, and every
 * original streamed into tmp/ through the store's own checks (first bytes, hash, size, format
 * probe of every page). Only when all passed does pass 2 move the originals into place. A
 * tampered, truncated, hostile or merely broken bundle therefore imports nothing.
 */
export async function importBundleFile(
  store: FileStore,
  file: string,
): Promise<Omit<BundleImportResult, 'auditEntries'> & { auditEntries?: AuditEntry[] }> {
  const entries = await readZipDirectory(file);
  for (const name of entries.keys())
    if (
      name !== 'manifest.json' &&
      name !== 'case.json' &&
      name !== 'audit.jsonl' &&
      !ORIGINAL_ENTRY.test(name)
    )
      hostFail('BUNDLE_CORRUPT', `The bundle holds an unexpected entry ${name.slice(0, 80)}.`);
  const manifestEntry = entries.get('manifest.json');
  if (!manifestEntry)
    return hostFail('BUNDLE_CORRUPT', 'The bundle has no manifest.json; it is not a HoSo bundle.');
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(
      JSON.parse((await entryBytes(file, manifestEntry, MAX_MANIFEST_BYTES)).toString('utf8')),
    );
  } catch (err) {
    if (err instanceof HostFailure) throw err;
    return hostFail('BUNDLE_CORRUPT', 'The bundle manifest is not valid.');
  }
  const listed = new Set(manifest.files.map((f) => f.hash));
  if (listed.size !== manifest.files.length)
    hostFail('BUNDLE_CORRUPT', 'The bundle manifest lists a file twice.');
  for (const name of entries.keys())
    if (ORIGINAL_ENTRY.test(name) && !listed.has(name.slice(10)))
      hostFail('BUNDLE_CORRUPT', `The bundle holds ${name}, which its manifest does not list.`);
  const caseEntry = entries.get('case.json');
  const caseBytes = caseEntry ? await entryBytes(file, caseEntry, MAX_CASE_DATA_BYTES) : undefined;
  if (!caseBytes || sha256(caseBytes) !== manifest.caseData.sha256)
    hostFail('BUNDLE_TAMPERED', 'The case data in the bundle does not match its manifest hash.', {
      file: 'case.json',
    });
  // The case's nhật ký travels as audit.jsonl, and only when the manifest names it (and its hash).
  if (entries.has('audit.jsonl') && !manifest.audit)
    hostFail('BUNDLE_CORRUPT', 'The bundle holds an unexpected entry audit.jsonl.');
  const auditEntries = manifest.audit ? await checkBundleAudit(file, entries, manifest.audit) : undefined;
  let caseData: unknown;
  try {
    caseData = JSON.parse(caseBytes!.toString('utf8'));
  } catch {
    hostFail('BUNDLE_CORRUPT', 'The case data in the bundle is not valid JSON.', { file: 'case.json' });
  }
  const prepared: PreparedFile[] = [];
  try {
    for (const meta of manifest.files) {
      const entry = entries.get(`originals/${meta.hash}`);
      if (!entry)
        return hostFail('BUNDLE_CORRUPT', `The bundle is missing ${meta.name}.`, { file: meta.name });
      if (entry.size !== meta.size)
        hostFail('BUNDLE_TAMPERED', `${meta.name} in the bundle does not match its size.`, {
          file: meta.name,
        });
      let ready: PreparedFile;
      try {
        ready = await store.prepare(meta.name, entryStream(file, entry));
      } catch (err) {
        if (err instanceof HostFailure) throw err;
        return hostFail(
          'BUNDLE_CORRUPT',
          `${cleanName(meta.name)} in the bundle cannot be read (${(err as Error).message}).`,
          { file: cleanName(meta.name) },
        );
      }
      prepared.push(ready);
      if (ready.meta.hash !== meta.hash || ready.meta.size !== meta.size)
        hostFail('BUNDLE_TAMPERED', `${meta.name} in the bundle does not match its hash.`, {
          file: meta.name,
        });
    }
    const files: StoredFile[] = [];
    for (const p of prepared) files.push(await store.commit(p));
    return { caseData, files, auditEntries };
  } finally {
    await Promise.all(prepared.map((p) => store.discard(p)));
  }
  /**
   * The bundle's nhật ký must match its manifest hash, and every entry must be intact on its own:
   * canonical, hashing to its `hash`, in increasing seq. (The case's entries are a subset of the
   * exporter's chain, so `prev` links skip the other cases' entries and are not followed.)
   */
  async function checkBundleAudit(
    file: string,
    entries: Map<string, ZipEntry>,
    meta: NonNullable<Manifest['audit']>,
  ): Promise<AuditEntry[]> {
    const entry = entries.get(meta.path);
    const bytes = entry ? await entryBytes(file, entry) : undefined;
    if (!bytes || sha256(bytes) !== meta.sha256)
      hostFail('BUNDLE_TAMPERED', 'The audit log in the bundle does not match its manifest hash.', {
        file: meta.path,
      });
    const lines = bytes!.toString('utf8').split('\n').filter(Boolean);
    if (lines.length !== meta.entries)
      hostFail('BUNDLE_TAMPERED', 'The audit log in the bundle lost or gained entries.', { file: meta.path });
    let seq = 0;
    return lines.map((line, i) => {
      const parsed = AuditEntrySchema.safeParse(safeParse(line));
      const e = parsed.success ? parsed.data : undefined;
      if (!e || entryLine(e) !== line || entryHash(e) !== e.hash || e.seq <= seq)
        return hostFail('BUNDLE_TAMPERED', `Entry ${i + 1} of the audit log in the bundle was changed.`, {
          file: meta.path,
        });
      seq = e.seq;
      return e;
    });
  }

  function safeParse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
}

/** Imports a bundle given as bytes (IPC) or a stream (HTTP upload): spooled to a temp file first. */
export async function importBundle(
  store: FileStore,
  source: Uint8Array | Readable,
  tmpDir: string,
  maxBytes: number,
  passphrase?: string,
): Promise<Omit<BundleImportResult, 'auditEntries'> & { auditEntries?: AuditEntry[]; bundleSha256: string }> {
  const body = source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : source;
  const temp = await streamToTemp(body, tmpDir, maxBytes);
  let plain: string | undefined;
  try {
    // An encrypted bundle is opened (passphrase checked first) into a private temp zip.
    if (await isPassphraseBundle(temp.tmpPath)) plain = await openBundle(temp.tmpPath, passphrase, tmpDir);
    return { ...(await importBundleFile(store, plain ?? temp.tmpPath)), bundleSha256: temp.hash };
  } finally {
    await rm(temp.tmpPath, { force: true });
    if (plain) await rm(plain, { force: true });
  }
}
