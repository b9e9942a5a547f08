import type { EnqueueOcrRequest, HostError, OcrJob, OcrPage } from '@hoso/contracts';
import { EnqueueOcrRequestSchema } from '@hoso/contracts';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DataPaths } from './data-dir';
import type { EventBus } from './event-bus';
import type { FileStore } from './file-store';
import { cleanName } from './file-store';
import { type HostFailure, hostFail, toHostError } from './host-error';
import type { JobListLoad, JobStore } from './job-store';
import type { Recognizer } from './ocr-engine';
import { mkdirPrivate } from './private-files';

const EXT_BY_MIME: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/tiff': '.tif',
  'application/pdf': '.pdf',
};

/**
 * OCR jobs, one at a time (the engine already uses every core). Every state change is persisted
 * and emitted; a job that was queued or running when the host stopped is run again on start.
 */
export class OcrQueue {
  private jobs: OcrJob[] = [];
  private running?: { id: string; abort: AbortController };
  private pumping?: Promise<void>;
  private disposed = false;
  private saving: Promise<void> = Promise.resolve();
  /** Set when the saved job list was damaged at start (the UI says so). */
  recovery: JobListLoad['recovered'];

  constructor(
    private readonly deps: {
      paths: DataPaths;
      store: FileStore;
      jobStore: JobStore;
      events: EventBus;
      recognize: Recognizer;
      threads?: number;
    },
  ) {}

  /** Loads persisted jobs; interrupted ones go back to the queue and start again. */
  async start(): Promise<void> {
    const loaded = await this.deps.jobStore.load();
    this.jobs = loaded.jobs;
    this.recovery = loaded.recovered;
    for (const job of this.jobs) {
      if (job.state === 'running') Object.assign(job, { state: 'queued', pagesDone: 0, updatedAt: now() });
    }
    await this.persist();
    this.pump();
  }

  list(): OcrJob[] {
    return this.jobs.map((j) => ({ ...j }));
  }

  async enqueue(input: EnqueueOcrRequest): Promise<OcrJob> {
    const request = EnqueueOcrRequestSchema.parse(input);
    // The renderer recorded the import under this id first; asking again (a retry after a reload,
    // a second tab) gets the job it already has instead of a second OCR run.
    const known = request.importId ? this.jobs.find((j) => j.id === request.importId) : undefined;
    if (known) {
      if (known.fileHash !== request.fileHash)
        hostFail('INVALID_INPUT', `Import ${known.id} was queued for another file.`, {
          file: request.fileName,
        });
      return { ...known };
    }
    const file = await this.deps.store.getFile(request.fileHash);
    const job: OcrJob = {
      id: request.importId ?? randomUUID(),
      fileHash: request.fileHash,
      fileName: cleanName(request.fileName),
      lang: request.lang,
      forceOcr: request.forceOcr,
      ...(request.caseId ? { caseId: request.caseId } : {}),
      ...(request.documentId ? { documentId: request.documentId } : {}),
      ...(request.engine ? { engine: request.engine } : {}),
      ...(request.model ? { model: request.model } : {}),
      state: 'queued',
      pagesDone: 0,
      pagesTotal: file.pages.length,
      createdAt: now(),
      updatedAt: now(),
    };
    this.jobs.push(job);
    await this.changed(job);
    const snapshot = { ...job };
    this.pump();
    return snapshot;
  }

  async cancel(id: string): Promise<OcrJob> {
    const job = this.find(id);
    if (job.state === 'queued') {
      this.update(job, { state: 'cancelled' });
      await this.changed(job);
    } else if (job.state === 'running' && this.running?.id === id) {
      // The runner sees the abort and records 'cancelled'.
      this.running.abort.abort();
    }
    return { ...job };
  }

  async retry(id: string): Promise<OcrJob> {
    const job = this.find(id);
    if (job.state !== 'failed' && job.state !== 'cancelled')
      hostFail('INVALID_STATE', `Job ${id} is ${job.state}; only failed or cancelled jobs can be retried.`);
    this.update(job, { state: 'queued', pagesDone: 0, error: undefined });
    await this.changed(job);
    const snapshot = { ...job };
    this.pump();
    return snapshot;
  }

  async result(id: string) {
    const job = this.find(id);
    if (job.state !== 'done') hostFail('NOT_READY', `Job ${id} is ${job.state}, not done.`);
    try {
      return await this.deps.jobStore.readResult(id);
    } catch (err) {
      if ((err as HostFailure).error?.code !== 'RESULT_CHANGED') throw err;
      // Words are derived from the original: recognize them again from the verified original.
      this.update(job, { state: 'queued', pagesDone: 0 });
      await this.changed(job);
      this.pump();
      return hostFail(
        'OCR_RESULT_REBUILDING',
        `The OCR result of ${job.fileName} was changed on disk; it is being recognized again from the verified original.`,
        { file: job.fileName },
      );
    }
  }

  /** Stops the running job without marking it cancelled, so it resumes on the next start. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.running?.abort.abort();
    await this.pumping;
    await this.saving;
  }

  /** Resolves when no job is queued or running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private find(id: string): OcrJob {
    const job = this.jobs.find((j) => j.id === id);
    return job ?? hostFail('NOT_FOUND', `No OCR job ${id}.`);
  }

  private pump(): void {
    if (this.pumping || this.disposed) return;
    this.pumping = (async () => {
      for (;;) {
        const next = this.jobs.find((j) => j.state === 'queued');
        if (!next || this.disposed) break;
        await this.run(next).catch((err) => {
          // Only persistence can fail here (disk full); the job's state is still in memory and
          // in the events, and the next change retries the write.
          console.error(`OCR queue: could not save job ${next.id}: ${(err as Error).message}`);
        });
      }
    })().finally(() => {
      this.pumping = undefined;
    });
  }

  private async run(job: OcrJob): Promise<void> {
    const abort = new AbortController();
    this.running = { id: job.id, abort };
    this.update(job, { state: 'running', pagesDone: 0 });
    await this.changed(job);
    const workDir = path.join(this.deps.paths.tmp, `ocr-${job.id}`);
    try {
      // Verify the original, then give the engine a link named like the user's file (with its
      // extension), so the engine's messages name the file the user knows.
      const stored = await this.deps.store.getFile(job.fileHash);
      await rm(workDir, { recursive: true, force: true });
      await mkdirPrivate(workDir);
      const base = path.parse(job.fileName).name || 'file';
      const input = path.join(workDir, `${base}${EXT_BY_MIME[stored.mime] ?? ''}`);
      await this.deps.store.plainCopy(job.fileHash, input);
      const pages: OcrPage[] = [];
      for await (const { ocr } of this.deps.recognize([input], {
        lang: job.lang,
        jobs: this.deps.threads ?? Math.max(1, os.availableParallelism()),
        forceOcr: job.forceOcr,
        engine: job.engine ?? 'auto',
        model: job.model,
        skipBadPages: false,
        signal: abort.signal,
      })) {
        if (abort.signal.aborted) break;
        pages.push({ ...ocr, source: { file: job.fileName, page: ocr.source.page } });
        this.update(job, { pagesDone: pages.length });
        this.emit(job);
      }
      if (abort.signal.aborted) throw abortError();
      pages.sort((a, b) => a.index - b.index);
      await this.deps.jobStore.saveResult(job.id, {
        format: 'hoso-ocr-words',
        version: 1,
        createdAt: now(),
        pages,
      });
      this.update(job, {
        state: 'done',
        pagesDone: pages.length,
        pagesTotal: Math.max(job.pagesTotal, pages.length),
      });
    } catch (err) {
      if (abort.signal.aborted) {
        // dispose() leaves the job 'running' on disk: the next start resumes it.
        if (!this.disposed) this.update(job, { state: 'cancelled' });
      } else {
        this.update(job, { state: 'failed', error: withFileName(toHostError(err), job.fileName) });
      }
    } finally {
      this.running = undefined;
      await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    }
    if (!this.disposed || job.state !== 'running') await this.changed(job);
  }

  private update(job: OcrJob, patch: Partial<OcrJob>): void {
    Object.assign(job, patch, { updatedAt: now() });
    if (patch.error === undefined && 'error' in patch) delete job.error;
  }

  private emit(job: OcrJob): void {
    this.deps.events.emit({ type: 'ocr-job', job: { ...job } });
  }

  private async changed(job: OcrJob): Promise<void> {
    this.emit(job);
    await this.persist();
  }

  /** Serialized writes: the file always holds a complete, recent list. */
  private persist(): Promise<void> {
    const snapshot = this.list();
    this.saving = this.saving.catch(() => undefined).then(() => this.deps.jobStore.save(snapshot));
    return this.saving;
  }
}

const now = () => new Date().toISOString();

function abortError(): Error {
  const err = new Error('Cancelled');
  err.name = 'AbortError';
  return err;
}

/** The user knows the file by its imported name, whatever path the engine saw. */
function withFileName(error: HostError, fileName: string): HostError {
  return { ...error, file: fileName };
}
