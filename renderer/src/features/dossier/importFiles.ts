import type { HostBridge, StoredFile } from '@hoso/contracts';
import {
  addImportedDocument,
  describeDbError,
  discardImport,
  findPagesByFileHash,
  getSetting,
} from '../../db';
import { getLocale } from '../../i18n';
import { hostErrorText } from '../../shared/hostErrors';
import { queueOcr, type OcrChoice } from '../../sync';

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
 * duplicates, record the document and its pages in one transaction, then queue OCR under the
 * import's id. A file that fails stops only itself; the others continue.
 */
export async function importFiles(
  bridge: HostBridge,
  files: readonly File[],
  target: ImportTarget,
  askDuplicate: DuplicateQuestion,
  onStep?: (done: number, total: number, name: string) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { imported: [], skipped: [], failed: [] };
  const ocr: OcrChoice = {
    lang: await getSetting('ocr.lang'),
    engine: await getSetting('ocr.engine'),
    model: await getSetting('ocr.model'),
  };
  for (const [i, file] of files.entries()) {
    const name = file.name.normalize('NFC');
    onStep?.(i, files.length, name);
    try {
      const stored = await bridge.storeFile(await file.arrayBuffer(), { name, caseId: target.caseId });
      if (!stored.ok) {
        outcome.failed.push(hostErrorText(stored.error, name));
        continue;
      }
      const result = await importStored(bridge, stored.value, target, ocr, askDuplicate);
      if (result === 'skipped') outcome.skipped.push(name);
      else if (result === 'imported') outcome.imported.push(name);
      else outcome.failed.push(result.error);
    } catch (e) {
      outcome.failed.push(`${name}: ${describeDbError(e, getLocale())}`);
    }
  }
  onStep?.(files.length, files.length, '');
  return outcome;
}

/** Second half of an import: the file is stored with the host. */
async function importStored(
  bridge: HostBridge,
  file: StoredFile,
  target: ImportTarget,
  ocr: OcrChoice,
  askDuplicate: DuplicateQuestion,
): Promise<'imported' | 'skipped' | { error: string }> {
  const existing = await findPagesByFileHash(target.caseId, file.hash);
  if (existing.length > 0) {
    const folios = existing.map((p) => p.folio).filter((f): f is number => typeof f === 'number');
    if (!(await askDuplicate(file.name, folios))) return 'skipped';
  }
  // Recorded first, under the id its job then takes: the job's events always find their record.
  const importId = crypto.randomUUID();
  const { document } = await addImportedDocument({ ...target, storedFile: file, importId });
  const job = await queueOcr(bridge, importId, { file, caseId: target.caseId, documentId: document.id }, ocr);
  if (job.ok) return 'imported';
  await discardImport(importId);
  return { error: hostErrorText(job.error, file.name) };
}
