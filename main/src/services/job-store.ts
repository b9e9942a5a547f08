import type { OcrJob, OcrWordsFile } from '@hoso/contracts';
import { OcrWordsFileSchema } from '@hoso/contracts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { DataPaths } from './data-dir';
import { hostFail } from './host-error';

const JOB_ID = /^[0-9a-f-]{36}$/;

/** Jobs survive restarts: the list is one JSON file, rewritten atomically on every change. */
export class JobStore {
  constructor(private readonly paths: DataPaths) {}

  private get listPath() {
    return path.join(this.paths.jobs, 'jobs.json');
  }

  async load(): Promise<OcrJob[]> {
    try {
      return JSON.parse(await readFile(this.listPath, 'utf8')) as OcrJob[];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async save(jobs: OcrJob[]): Promise<void> {
    await writeFileAtomic(this.listPath, JSON.stringify(jobs, null, 1), this.paths.tmp);
  }

  resultPath(id: string): string {
    if (!JOB_ID.test(id)) hostFail('INVALID_MESSAGE', 'Invalid job id.');
    return path.join(this.paths.jobs, `${id}.words.json`);
  }

  async saveResult(id: string, result: OcrWordsFile): Promise<void> {
    await writeFileAtomic(this.resultPath(id), JSON.stringify(result), this.paths.tmp);
  }

  async readResult(id: string): Promise<OcrWordsFile> {
    const text = await readFile(this.resultPath(id), 'utf8').catch(() =>
      hostFail('NOT_FOUND', `No OCR result for job ${id}.`),
    );
    return OcrWordsFileSchema.parse(JSON.parse(text));
  }
}
