import type { HostBridge, InboxEntry } from '@hoso/contracts';
import { describeDbError, listVolumes, recordInboxEntry, type InboxOutcome } from '../db';
import { format, getLocale } from '../i18n';
import { hostErrorText } from '../shared/hostErrors';
import { showToast } from '../shared/toast';
import { queueOcr, type OcrChoice } from './ocrJobs';

/** What the inbox sync reads from the user's settings (main.tsx passes the settings feature's). */
export interface InboxSettings {
  ocr(): Promise<OcrChoice>;
  /** The case that receives watched-folder files (Nhận tệp từ thư mục quét), if any. */
  watchCaseId(): Promise<string | null>;
}

const text = {
  vi: {
    imported: 'Đã nhập “{name}” từ thư mục quét.',
    duplicate: '“{name}” trong thư mục quét đã có trong hồ sơ nên được bỏ qua.',
    noCase:
      'Có tệp mới “{name}” trong thư mục quét nhưng chưa chọn vụ án nhận tệp (mở vụ án, tích “Nhận tệp từ thư mục quét”). Tệp được giữ lại cho đến khi chọn.',
  },
  en: {
    imported: 'Imported “{name}” from the watched folder.',
    duplicate: '“{name}” in the watched folder is already in the dossier; skipped.',
    noCase:
      'New file “{name}” in the watched folder, but no case receives it (open a case and tick “Receive files…”). It is kept until one does.',
  },
};

/**
 * The title of the one document a scan batch becomes, from when a page was stored, in the
 * machine's local time: "Bản quét 03/12/2026 14:05". Stored data, so Vietnamese in both locales.
 */
export function scanBatchTitle(storedAt: string): string {
  const d = new Date(storedAt);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
  return `Bản quét ${date}`;
}

/** Entries already told about in this window (a file waiting for a case is not announced on every run). */
const told = new Set<string>();

/**
 * Takes what the host left in its inbox (scanned pages, watched-folder files) into the dossier:
 * each entry is recorded under its own id (db/inbox.ts: once, whatever other window or earlier run
 * got there first), then its OCR queued with that id (the host keeps one job per id), then acked.
 * A crash or reload anywhere in between repeats only steps that are safe to repeat. An entry that
 * cannot be recorded yet (no receiving case, a failure) stays in the inbox for the next run.
 */
export async function drainInbox(bridge: HostBridge, settings: InboxSettings): Promise<void> {
  const listed = await bridge.listInbox();
  // Locked, or damaged (INBOX_DAMAGED is among the host's start-up notices): wait for the next run.
  if (!listed.ok) return;
  const ocr = await settings.ocr();
  const acked: string[] = [];
  for (const entry of listed.value) {
    try {
      const target = await targetOf(entry, settings);
      if (!target) continue;
      const outcome = await recordInboxEntry({
        entry,
        ...target,
        skipDuplicates: entry.origin === 'watch-folder',
        // Used by the batch's first recorded page, the one that creates its document.
        batchTitle: entry.scanId ? scanBatchTitle(entry.storedAt) : undefined,
      });
      if (outcome !== 'duplicate') {
        const job = await queueOcr(bridge, entry.id, { file: entry.file, caseId: target.caseId }, ocr);
        if (!job.ok) {
          tellOnce(entry, 'error', hostErrorText(job.error, entry.file.name));
          continue; // recorded; queued again (same id) on the next run
        }
      }
      acked.push(entry.id);
      announce(entry, outcome);
    } catch (e) {
      tellOnce(entry, 'error', `${entry.file.name}: ${describeDbError(e, getLocale())}`);
    }
  }
  if (acked.length) await bridge.ack({ ids: acked });
}

/** Where an entry goes: the scan's volume, or the first volume of the case receiving watched files. */
async function targetOf(
  entry: InboxEntry,
  settings: InboxSettings,
): Promise<{ caseId: string; volumeId: string } | undefined> {
  if (entry.target) return entry.target;
  const caseId = await settings.watchCaseId();
  const first = caseId ? (await listVolumes(caseId))[0] : undefined;
  if (!caseId || !first) {
    tellOnce(entry, 'info', format(text[getLocale()].noCase, { name: entry.file.name }));
    return undefined;
  }
  return { caseId, volumeId: first.id };
}

function announce(entry: InboxEntry, outcome: InboxOutcome): void {
  if (entry.origin !== 'watch-folder' || outcome === 'already-recorded') return;
  const m = text[getLocale()];
  const name = entry.file.name;
  if (outcome === 'duplicate') showToast({ tone: 'info', text: format(m.duplicate, { name }) });
  else showToast({ tone: 'ok', text: format(m.imported, { name }) });
}

function tellOnce(entry: InboxEntry, tone: 'info' | 'error', message: string): void {
  if (told.has(entry.id)) return;
  told.add(entry.id);
  showToast({ tone, text: message, ...(tone === 'info' ? { timeoutMs: 10_000 } : {}) });
}
