import type { HostBridge, StoredFile } from '@hoso/contracts';
import { addImportedDocument, describeDbError, findPagesByFileHash, getSetting } from '../../db';
import { getLocale } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { reconcileAll } from './ocrSync';

export interface ImportTarget {
  caseId: string;
  volumeId: string;
}

export interface ImportOutcome {
  imported: string[];
  skipped: string[];
  /** One Vietnamese (or English) sentence per failed file, naming it. */
  failed: string[];
}

/** Asked when a file with the same SHA-256 is already in the case: true imports it again. */
export type DuplicateQuestion = (fileName: string, existingFolios: number[]) => Promise<boolean>;

/**
 * Imports files one after another (bounded memory): store the original with the host, ask about
 * duplicates, queue OCR, then record the document and its pages in one transaction. A file that
 * fails stops only itself; the others continue.
 */
export async function importFiles(
  bridge: HostBridge,
  files: readonly File[],
  target: ImportTarget,
  askDuplicate: DuplicateQuestion,
  onStep?: (done: number, total: number, name: string) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], skipped: [], failed: [] };
  const lang = await getSetting('ocr.lang');
  for (const [i, file] of files.entries()) {
    const name = file.name.normalize('NFC');
    onStep?.(i, files.length, name);
    try {
      const stored = await bridge.storeFile(await file.arrayBuffer(), { name, caseId: target.caseId });
      if (!stored.ok) {
        outcome.failed.push(hostErrorText(stored.error, name));
        continue;
      }
      const result = await importStored(bridge, stored.value, target, lang, askDuplicate);
      if (result === 'skipped') outcome.skipped.push(name);
      else if (result === 'imported') outcome.imported.push(name);
      else outcome.failed.push(result.error);
    } catch (e) {
      outcome.failed.push(`${name}: ${describeDbError(e, getLocale())}`);
    }
  }
  onStep?.(files.length, files.length, '');
  // A job may have finished before its import record existed: commit it now.
  await reconcileAll(bridge);
  return outcome;
}

/** Second half of an import, shared with the watched folder (whose files the host already stored). */
export async function importStored(
  bridge: HostBridge,
  file: StoredFile,
  target: ImportTarget,
  lang: 'vie' | 'eng' | 'vie+eng',
  askDuplicate: DuplicateQuestion,
  leftOut?: 'blank',
): Promise<'imported' | 'skipped' | { error: string }> {
  const existing = await findPagesByFileHash(target.caseId, file.hash);
  if (existing.length > 0) {
    const folios = existing.map((p) => p.folio).filter((f): f is number => typeof f === 'number');
    if (!(await askDuplicate(file.name, folios))) return 'skipped';
  }
  const [engine, model] = await Promise.all([getSetting('ocr.engine'), getSetting('ocr.model')]);
  const job = await bridge.enqueueOcr({
    fileHash: file.hash,
    fileName: file.name,
    lang,
    caseId: target.caseId,
    engine,
    ...(model === 'default' ? {} : { model }),
  });
  if (!job.ok) return { error: hostErrorText(job.error, file.name) };
  await addImportedDocument({ ...target, storedFile: file, jobId: job.value.id, leftOut });
  return 'imported';
}
