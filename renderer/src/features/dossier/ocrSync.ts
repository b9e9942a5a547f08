import { useSyncExternalStore } from 'react';
import type { HostBridge, HostEvent, OcrJob } from '@hoso/contracts';
import { applyOcrResult, getDb, markImportFailed, setImportState } from '../../db';
import { hostErrorText } from '../../shared/hostErrors';
import { showToast } from '../../shared/toast';

/**
 * Keeps Dexie in step with the host's OCR queue. The host runs jobs; this window commits a
 * finished job's words with `applyOcrResult` (one transaction) and mirrors states onto the
 * import records. On start-up it reconciles every job, so results that finished while the app
 * was closed are committed too. Live progress (pages done) is kept in memory for the UI.
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
  const db = getDb();
  const record = await db.imports.get(job.id);
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

/** Asks the host for every job and reconciles them (start-up, and after an import is recorded). */
export async function reconcileAll(bridge: HostBridge): Promise<void> {
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

/** Starts listening to host events; returns the unsubscribe function. */
export function startOcrSync(bridge: HostBridge, onOther?: (event: HostEvent) => void): () => void {
  const unsubscribe = bridge.subscribe((event) => {
    if (event.type === 'ocr-job') {
      reconcileJob(bridge, event.job).catch((e) => console.warn('Could not commit OCR job', event.job.id, e));
    } else onOther?.(event);
  });
  void reconcileAll(bridge);
  return unsubscribe;
}
