import type { OcrPage, OcrRecognizer } from '@hoso/contracts';
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The --words JSON (OcrWordsFile in packages/contracts), streamed page by page to a temp file
 * next to the target and renamed into place only when the whole job succeeded.
 */
export class WordsFileWriter {
  private pages = 0;

  private constructor(
    private readonly file: FileHandle,
    private readonly tempPath: string,
    private readonly path: string,
  ) {}

  static async create(path: string, createdAt = new Date()): Promise<WordsFileWriter> {
    const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`);
    const writer = new WordsFileWriter(await open(tempPath, 'wx'), tempPath, path);
    const head = { format: 'hoso-ocr-words', version: 1, createdAt: createdAt.toISOString() };
    await writer.file.write(`${JSON.stringify(head).slice(0, -1)},"pages":[\n`);
    return writer;
  }

  async add(page: OcrPage): Promise<void> {
    await this.file.write(`${this.pages++ > 0 ? ',\n' : ''}${JSON.stringify(page)}`);
  }

  /** `recognizer`: the job's engine, known once recognition started (after the pages in the file). */
  async commit(recognizer?: OcrRecognizer): Promise<void> {
    const tail = recognizer ? `,"recognizer":${JSON.stringify(recognizer)}` : '';
    await this.file.write(`\n]${tail}}\n`);
    await this.file.sync();
    await this.file.close();
    await rename(this.tempPath, this.path);
  }

  async abort(): Promise<void> {
    await this.file.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }
}
