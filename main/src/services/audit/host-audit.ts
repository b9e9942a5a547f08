import type { AuditEntry, AuditExportRequest, AuditFilter, AuditListing, HostEvent } from '@hoso/contracts';
import { AuditExportRequestSchema, AuditFilterSchema } from '@hoso/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BlobCodec } from '../crypto/blob-codec';
import type { DataPaths } from '../data-dir';
import type { EventBus } from '../event-bus';
import type { SettingsStore } from '../settings';
import { entryLine } from './audit-entry';
import { auditCsv, auditPdf } from './audit-export';
import { AuditLog, osUserName } from './audit-log';
import { verifyAuditLog } from './verify';

/**
 * The host's side of the nhật ký: opens the log with the person (OS account + the name from
 * Cài đặt), records OCR outcomes from the queue's events, and lists and exports a case's entries.
 * Host actions call `audit.log.append(…)` once each (host.ts).
 */
export async function openHostAudit(deps: {
  paths: DataPaths;
  settings: SettingsStore;
  events: EventBus;
  codec: BlobCodec;
  /** Set when the folder is encrypted: the sealed anchor is checked at start and kept on append. */
  anchorKey?: Buffer;
}) {
  const osUser = osUserName();
  const log = await AuditLog.open(
    deps.paths.audit,
    async () => ({ osUser, userName: (await deps.settings.read()).userName ?? '' }),
    deps.anchorKey ? { key: deps.anchorKey } : undefined,
  );
  const logged = new Set<string>();
  const onEvent = (event: HostEvent) => {
    if (event.type !== 'ocr-job') return;
    const job = event.job;
    if ((job.state !== 'done' && job.state !== 'failed') || logged.has(`${job.id}:${job.updatedAt}`)) return;
    logged.add(`${job.id}:${job.updatedAt}`);
    void (async () => {
      const files = [{ role: 'original', sha256: job.fileHash, name: job.fileName }];
      if (job.state === 'done') {
        const words = await deps.codec
          .readFile(path.join(deps.paths.jobs, `${job.id}.words.json`))
          .catch(() => undefined);
        if (words) files.push({ role: 'ocr-words', sha256: sha256(words), name: `${job.id}.words.json` });
      }
      await log.append({
        action: job.state === 'done' ? 'ocr-done' : 'ocr-failed',
        caseId: job.caseId,
        documentId: job.documentId,
        files,
        detail: {
          job: job.id,
          pages: job.pagesDone,
          lang: job.lang,
          ...(job.error ? { error: job.error.code } : {}),
        },
      });
    })().catch((err) =>
      console.error(`audit: could not record OCR job ${job.id}: ${(err as Error).message}`),
    );
  };
  const unsubscribe = deps.events.subscribe(onEvent);

  async function list(input: AuditFilter): Promise<AuditListing> {
    const filter = AuditFilterSchema.parse(input);
    const [entries, chain] = await Promise.all([
      log.list(filter),
      verifyAuditLog(deps.paths.audit, { anchorKey: deps.anchorKey }),
    ]);
    return {
      entries,
      chain: chain.ok
        ? { ok: true, entries: chain.entries }
        : { ok: false, seq: chain.seq, reason: chain.reason },
    };
  }

  /** Writes the export to a private temp file and returns it with its hash, for the exports folder. */
  async function exportTo(
    input: AuditExportRequest,
  ): Promise<{ tmp: string; sha256: string; entries: AuditEntry[] }> {
    const request = AuditExportRequestSchema.parse(input);
    const { entries, chain } = await list(request.filter);
    const bytes =
      request.format === 'csv'
        ? auditCsv(entries, request)
        : await auditPdf(entries, request, {
            ok: chain.ok,
            text: chain.ok
              ? `Chuỗi băm SHA-256 toàn vẹn (${chain.entries} mục) · ${entries.length} mục trong bản này · mục cuối ${log.lastHash}`
              : `CẢNH BÁO: chuỗi nhật ký bị thay đổi tại mục ${chain.seq}: ${chain.reason}`,
          });
    const tmp = path.join(deps.paths.tmp, `${randomUUID()}.audit.part`);
    await writeFile(tmp, bytes, { mode: 0o600 });
    return { tmp, sha256: sha256(bytes), entries };
  }

  /** The case's lines exactly as in the log, for a bundle. */
  async function caseLines(caseId: string | undefined): Promise<{ lines: string[]; chainHead: string }> {
    const entries = caseId ? await log.list({ caseId }) : [];
    return { lines: entries.map(entryLine), chainHead: log.lastHash };
  }

  return { log, list, exportTo, caseLines, close: unsubscribe };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
