import type { OcrJob, OcrWordsFile } from '@hoso/contracts';
import { OcrWordsFileSchema } from '@hoso/contracts';
import path from 'node:path';
import { plainCodec, type BlobCodec } from './crypto/blob-codec';
import type { DataPaths } from './data-dir';
import { hostFail } from './host-error';

const JOB_ID = /^[0-9a-f-]{36}$/;

/** Jobs survive restarts: the list is one JSON file, rewritten atomically on every change. */
export class JobStore {
  constructor(
    private readonly paths: DataPaths,
    private readonly codec: BlobCodec = plainCodec,
  ) {}

  private get listPath() {
    return path.join(this.paths.jobs, 'jobs.json');
  }

  async load(): Promise<OcrJob[]> {
    try {
      return JSON.parse((await this.codec.readFile(this.listPath)).toString('utf8')) as OcrJob[];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async save(jobs: OcrJob[]): Promise<void> {
    await this.codec.writeFile(this.listPath, JSON.stringify(jobs, null, 1), this.paths.tmp);
  }

  resultPath(id: string): string {
    if (!JOB_ID.test(id)) hostFail('INVALID_MESSAGE', 'Invalid job id.');
    return path.join(this.paths.jobs, `${id}.words.json`);
  }

  async saveResult(id: string, result: OcrWordsFile): Promise<void> {
    await this.codec.writeFile(this.resultPath(id), JSON.stringify(result), this.paths.tmp);
  }

  async readResult(id: string): Promise<OcrWordsFile> {
    const text = (
      await this.codec.readFile(this.resultPath(id)).catch((err) => {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT')
          hostFail('NOT_FOUND', `No OCR result for job ${id}.`);
        throw err;
      })
    ).toString('utf8');
    return OcrWordsFileSchema.parse(JSON.parse(text));
  }
}
