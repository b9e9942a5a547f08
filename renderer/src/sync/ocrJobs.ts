import { useSyncExternalStore } from 'react';
import type {
  HostBridge,
  Result,
  OcrEngineChoice,
  OcrJob,
  OcrLang,
  OcrModel,
  StoredFile,
} from '@hoso/contracts';
import { applyOcrResult, getImport, markImportFailed, setImportState } from '../db';
import { hostErrorText } from '../shared/hostErrors';
import { showToast } from '../shared/toast';

/**
 * Keeps Dexie in step with the host's OCR queue. The host runs jobs; this window commits a
 * finished job's words with `applyOcrResult` (one transaction) and mirrors states onto the
 * import records. On start-up it reconciles every job, so results that finished while the app
 * was closed are committed too. Live progress (pages done) is kept in memory for the UI.
 *
 * Every import is recorded in Dexie before its job is queued, under the id the job then takes
 * (`queueOcr`), so a job's events always find their record: nothing needs reconciling after an
 * import.
 */
const progress = new Map<string, OcrJob>();
const listeners = new Set<() => void>();
let version = 0;
const emit = () => {
  version++;
  listeners.forEach((l) => l());
};

/** Latest known state of a host job (undefined until the host reports it). */
export function useJobProgress(jobId: string | undefined): OcrJob | undefined {
  useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => version,
  );
  return jobId ? progress.get(jobId) : undefined;
}

const committing = new Map<string, Promise<void>>();

/** Brings one job's import record in line with the host's view of it. Safe to call repeatedly. */
export async function reconcileJob(bridge: HostBridge, job: OcrJob): Promise<void> {
  progress.set(job.id, job);
  emit();
  const record = await getImport(job.id);
  if (!record || record.state === 'done') return; // not ours (yet), or already committed
  if (job.state === 'done') {
    let pending = committing.get(job.id);
    if (!pending) {
      pending = (async () => {
        const result = await bridge.jobResult({ id: job.id });
        if (!result.ok && result.error.code === 'OCR_RESULT_REBUILDING') {
          // The host found the saved words changed on disk and is recognizing the page again;
          // the next 'done' event commits the fresh result.
          await setImportState(job.id, 'queued');
          showToast({ tone: 'info', text: hostErrorText(result.error, record.fileName) });
          return;
        }
        if (!result.ok) {
          await markImportFailed(job.id, result.error);
          showToast({ tone: 'error', text: hostErrorText(result.error, record.fileName) });
          return;
        }
        await applyOcrResult(job.id, result.value);
      })().finally(() => committing.delete(job.id));
      committing.set(job.id, pending);
    }
    return pending;
  }
  if (job.state === 'failed') {
    if (record.state === 'failed') return;
    const error = job.error ?? { code: 'OCR_FAILED', message: 'OCR failed', file: record.fileName };
    await markImportFailed(job.id, error);
    showToast({ tone: 'error', text: hostErrorText(error, record.fileName) });
    return;
  }
  if (record.state !== job.state) await setImportState(job.id, job.state);
}

/** Asks the host for every job and reconciles them (start-up, and once the data folder is unlocked). */
export async function reconcileJobs(bridge: HostBridge): Promise<void> {
  const jobs = await bridge.listJobs();
  if (!jobs.ok) return;
  for (const job of jobs.value) {
    try {
      await reconcileJob(bridge, job);
    } catch (e) {
      console.warn('Could not reconcile OCR job', job.id, e);
    }
  }
}

/** The user's OCR choices (Cài đặt → OCR) for new jobs. */
export interface OcrChoice {
  lang: OcrLang;
  engine: OcrEngineChoice;
  model: OcrModel | 'default';
}

/**
 * Queues OCR of a stored file for an import already recorded under `importId`: the job takes that
 * id, and the host returns the job it has when the same id comes again (a retried hand-off).
 */
export function queueOcr(
  bridge: HostBridge,
  importId: string,
  target: { file: StoredFile; caseId: string; documentId?: string },
  ocr: OcrChoice,
): Promise<Result<OcrJob>> {
  return bridge.enqueueOcr({
    importId,
    fileHash: target.file.hash,
    fileName: target.file.name,
    lang: ocr.lang,
    caseId: target.caseId,
    ...(target.documentId ? { documentId: target.documentId } : {}),
    engine: ocr.engine,
    ...(ocr.model === 'default' ? {} : { model: ocr.model }),
  });
}
