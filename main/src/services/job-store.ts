import type { OcrJob, OcrWordsFile } from '@hoso/contracts';
import { OcrLangSchema, OcrWordsFileSchema, Sha256Schema } from '@hoso/contracts';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { plainCodec, type BlobCodec } from './crypto/blob-codec';
import type { DataPaths } from './data-dir';
import type { DerivedFiles } from './derived-files';
import { hostFail } from './host-error';
import { readJsonFile } from './json-file';

const JOB_ID = /^[0-9a-f-]{36}$/;

const HostErrorSchema = z
  .object({ code: z.string(), message: z.string(), file: z.string().optional(), page: z.number().optional() })
  .passthrough();
const OcrJobSchema = z.object({
  id: z.string().regex(JOB_ID),
  fileHash: Sha256Schema,
  fileName: z.string(),
  lang: OcrLangSchema,
  forceOcr: z.boolean(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  pagesDone: z.number().int().min(0),
  pagesTotal: z.number().int().min(0),
  error: HostErrorSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const JobListSchema = z.array(OcrJobSchema);

/** How the job list was loaded: as saved, from the last good copy, or lost (both unreadable). */
export type JobListLoad = { jobs: OcrJob[]; recovered?: 'from-last-good' | 'lost' };

/**
 * Jobs survive restarts: the list is one JSON file, rewritten atomically on every change, and the
 * previous good version is kept next to it (jobs.last-good.json). A list damaged on disk (a
 * power cut on a filesystem that reorders writes, a hand edit) never stops the app: it is set
 * aside as jobs.corrupt-<time>.json for IT staff and the last good copy is used.
 */
export class JobStore {
  constructor(
    private readonly paths: DataPaths,
    private readonly derived: DerivedFiles,
    private readonly codec: BlobCodec = plainCodec,
  ) {}

  private get listPath() {
    return path.join(this.paths.jobs, 'jobs.json');
  }

  private get lastGoodPath() {
    return path.join(this.paths.jobs, 'jobs.last-good.json');
  }

  async load(): Promise<JobListLoad> {
    const main = await readList(this.codec, this.listPath);
    if (main.ok) return { jobs: main.jobs };
    const backup = await readList(this.codec, this.lastGoodPath);
    if (main.missing && !backup.ok && backup.missing) return { jobs: [] };
    if (!main.missing) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await rename(this.listPath, path.join(this.paths.jobs, `jobs.corrupt-${stamp}.json`)).catch(
        () => undefined,
      );
    }
    if (backup.ok) return { jobs: backup.jobs, recovered: 'from-last-good' };
    return { jobs: [], recovered: 'lost' };
  }

  async save(jobs: OcrJob[]): Promise<void> {
    const text = JSON.stringify(jobs, null, 1);
    await this.codec.writeFile(this.listPath, text, this.paths.tmp);
    await this.codec.writeFile(this.lastGoodPath, text, this.paths.tmp);
  }

  resultPath(id: string): string {
    if (!JOB_ID.test(id)) hostFail('INVALID_MESSAGE', 'Invalid job id.');
    return path.join(this.paths.jobs, `${id}.words.json`);
  }

  async saveResult(id: string, result: OcrWordsFile): Promise<void> {
    await this.derived.write(this.resultPath(id), JSON.stringify(result));
  }

  /** The job's words, verified against the hash recorded when they were saved. */
  async readResult(id: string): Promise<OcrWordsFile> {
    let changed = false;
    const bytes = await this.derived.read(this.resultPath(id), () => (changed = true));
    if (changed)
      hostFail('RESULT_CHANGED', `The OCR result of job ${id} was changed on disk (hash mismatch).`);
    if (!bytes) return hostFail('NOT_FOUND', `No OCR result for job ${id}.`);
    return OcrWordsFileSchema.parse(JSON.parse(bytes.toString('utf8')));
  }
}

async function readList(
  codec: BlobCodec,
  file: string,
): Promise<{ ok: true; jobs: OcrJob[] } | { ok: false; missing: boolean }> {
  const read = await readJsonFile(codec, file, JobListSchema);
  return read.ok ? { ok: true, jobs: read.value as OcrJob[] } : read;
}
