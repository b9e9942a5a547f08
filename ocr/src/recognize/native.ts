import { spawn, type ChildProcess } from 'node:child_process';
import type { OcrRecognizer } from '@hoso/contracts';
import { readPgm } from '../preprocess/prepare';
import type { Grey } from '../preprocess/ink';
import { pageTiff } from './page-tiff';
import {
  checkSelfTestTsv,
  MAX_OUTPUT,
  PAGE_TIMEOUT_MS,
  SELF_TEST_TIMEOUT_MS,
  selfTestGrey,
  tesseractVariables,
} from './native-settings';
import { RamFolder } from './ram-folder';
import { Slots } from './slots';
import type { EngineSettings, Recognizer } from './recognizer';
import type { TesseractBinary } from './tesseract-binary';
import type { TessdataDir } from './tessdata';
import { parseTsv, type TsvBlock } from './tsv';

/**
 * The native Tesseract binary, one process per page (`OMP_THREAD_LIMIT=1`: Tesseract's OpenMP
 * threads only contend with the other pages' processes), at most `jobs` at a time. The prepared
 * page goes in as an uncompressed TIFF (page-tiff.ts), named in a private RAM folder where the
 * system has one (ram-folder.ts), else on stdin, so no page image ever touches the disk; TSV comes
 * back on stdout and is read into the same blocks as the WebAssembly engine's.
 */
export class NativeRecognizer implements Recognizer {
  private readonly running = new Set<ChildProcess>();
  /** At most `jobs` pages at a time. */
  private readonly slots: Slots<object>;
  private pageFiles = 0;
  /** Opened with the first page: undefined where there is none (then stdin). */
  private ramFolder?: Promise<RamFolder | undefined>;
  readonly info: OcrRecognizer;

  constructor(
    private readonly binary: TesseractBinary,
    private readonly tessdata: TessdataDir,
    private readonly settings: EngineSettings,
    jobs: number,
  ) {
    this.slots = new Slots(jobs, () => ({}), 'recognizer is closed');
    this.info = { engine: 'native', model: tessdata.model, version: binary.version };
  }

  warmUp(): void {
    // Nothing to start: each page is its own process, and the OS keeps the model file cached.
  }

  /**
   * Recognizes a small blank page with the chosen language data: proves that the binary starts,
   * finds and loads the model (a tessdata from Tesseract 3 fails here), and writes TSV.
   */
  async selfTest(): Promise<void> {
    checkSelfTestTsv(await this.runPage(selfTestGrey(), SELF_TEST_TIMEOUT_MS));
  }

  async recognize(image: Buffer): Promise<TsvBlock[]> {
    const page = readPgm(image);
    if (!page) throw new Error('the native engine was handed something other than a prepared page');
    return parseTsv(await this.slots.with(() => this.runPage(page, PAGE_TIMEOUT_MS)));
  }

  async terminate(): Promise<void> {
    this.slots.close();
    for (const child of this.running) child.kill('SIGKILL');
    this.running.clear();
    await (await this.ramFolder)?.close();
  }

  /** One page through one process: from a file in the RAM folder where there is one. */
  private async runPage(page: Grey, timeoutMs: number): Promise<string> {
    const tiff = pageTiff(page, this.settings.recognitionDpi);
    const folder = await (this.ramFolder ??= RamFolder.open());
    if (!folder) return this.run('stdin', Buffer.concat(tiff), timeoutMs);
    const file = await folder.write(`page-${++this.pageFiles}.tif`, tiff);
    try {
      return await this.run(file, undefined, timeoutMs);
    } finally {
      await folder.remove(file);
    }
  }

  private args(input: string): string[] {
    const { lang, psm, recognitionDpi } = this.settings;
    return [
      input,
      'stdout',
      '--tessdata-dir',
      this.tessdata.dir,
      '-l',
      lang,
      '--oem',
      '1',
      '--psm',
      psm,
      '--dpi',
      String(recognitionDpi),
      ...tesseractVariables(this.settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
  }

  private run(input: string, stdin: Buffer | undefined, timeoutMs: number): Promise<string> {
    if (this.slots.isClosed) return Promise.reject(new Error('recognizer is closed'));
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary.path, this.args(input), {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
      this.running.add(child);
      const out: Buffer[] = [];
      let outBytes = 0;
      let err = '';
      let failure: Error | undefined;
      const timer = setTimeout(() => {
        failure = new Error(`tesseract took longer than ${timeoutMs / 1000} s on a page`);
        child.kill('SIGKILL');
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > MAX_OUTPUT) {
          failure = new Error('tesseract wrote more output than a page can hold');
          child.kill('SIGKILL');
        } else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.length < 4000) err += chunk.toString('utf8');
      });
      // EPIPE when the process dies before reading the whole image: its exit says why.
      child.stdin.on('error', () => undefined);
      child.on('error', (e) => (failure ??= e));
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        this.running.delete(child);
        if (failure) return reject(failure);
        if (this.slots.isClosed) return reject(new Error('recognizer is closed'));
        if (code !== 0) {
          const why = err.trim().split('\n').slice(-2).join(' ').slice(0, 300);
          return reject(new Error(`tesseract exited with ${signal ?? code}${why ? `: ${why}` : ''}`));
        }
        resolve(Buffer.concat(out).toString('utf8'));
      });
      child.stdin.end(stdin);
    });
  }
}
