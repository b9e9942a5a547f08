import { createRequire } from 'node:module';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import type { OcrLang } from '@hoso/contracts';
import { RECOGNITION_DPI } from '../preprocess/prepare';
import { langCodes, prepareTessdata, type ModelVariant, traineddataGz } from './tessdata';
import { parseTsv, type TsvBlock } from './tsv';

const require = createRequire(import.meta.url);

/**
 * Both npm model variants carry the same LSTM network (tessdata = tessdata_best converted to
 * integers, plus the legacy engine we do not use): identical text on the corpus; best_int is
 * 1.6 MB instead of 7.7 MB, so workers start faster and hold less memory.
 */
export interface EngineSettings {
  lang: OcrLang;
  variant: ModelVariant;
  /** Tesseract page segmentation mode: 3 = automatic layout (like the CLI), 6 = one uniform block. */
  psm: '3' | '6';
  /** Recreate a worker after this many pages: the wasm heap only grows, so recycling bounds memory. */
  recycleEvery: number;
  /** Resolution pages are brought to for recognition (see preprocess/prepare.ts). */
  recognitionDpi?: number;
}

export const DEFAULT_ENGINE: Omit<EngineSettings, 'lang'> = {
  variant: '4.0.0_best_int',
  psm: '3',
  recycleEvery: 50,
};

interface Slot {
  worker?: Promise<Tesseract.Worker>;
  pages: number;
  busy: boolean;
}

/** A fixed set of tesseract.js workers; each page goes to an idle one, in arrival order. */
export class RecognizerPool {
  private readonly slots: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private cacheDir?: Promise<string>;
  private closed = false;

  constructor(
    size: number,
    private readonly settings: EngineSettings,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ pages: 0, busy: false }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts all workers now so their start-up overlaps the first page's decoding. */
  warmUp(): void {
    for (const slot of this.slots) slot.worker ??= this.createWorker();
  }

  async recognize(image: Buffer): Promise<TsvBlock[]> {
    const slot = await this.acquire();
    try {
      slot.worker ??= this.createWorker();
      const worker = await slot.worker;
      const { data } = await worker.recognize(image, {}, { text: false, blocks: false, tsv: true });
      slot.pages++;
      return parseTsv(data.tsv ?? '');
    } catch (err) {
      // A worker that failed may be in any state: replace it.
      this.retire(slot);
      throw err;
    } finally {
      if (slot.pages >= this.settings.recycleEvery) this.retire(slot);
      this.release(slot);
    }
  }

  async terminate(): Promise<void> {
    this.closed = true;
    const workers = this.slots.map((s) => s.worker).filter((w): w is Promise<Tesseract.Worker> => !!w);
    this.slots.forEach((s) => (s.worker = undefined));
    await Promise.all(workers.map((w) => w.then((x) => x.terminate()).catch(() => undefined)));
  }

  private retire(slot: Slot): void {
    const old = slot.worker;
    slot.worker = undefined;
    slot.pages = 0;
    old?.then((w) => w.terminate()).catch(() => undefined);
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('recognizer pool is closed'));
    const idle = this.slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  private async createWorker(): Promise<Tesseract.Worker> {
    if (this.closed) throw new Error('recognizer pool is closed');
    const { lang, variant, psm } = this.settings;
    this.cacheDir ??= prepareTessdata(lang, variant);
    const cachePath = await this.cacheDir;
    const worker = await Tesseract.createWorker(langCodes(lang), Tesseract.OEM.LSTM_ONLY, {
      // Never the CDN: the data is already in cachePath; langPath is only a local fallback.
      langPath: path.dirname(traineddataGz(langCodes(lang)[0], variant)),
      cachePath,
      cacheMethod: 'readOnly',
      gzip: true,
      workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
    });
    await worker.setParameters({
      tessedit_pageseg_mode: psm as unknown as Tesseract.PSM,
      // Keep layout spaces out of words; pages arrive at (about) the recognition dpi (see preprocess).
      preserve_interword_spaces: '0',
      user_defined_dpi: String(this.settings.recognitionDpi ?? RECOGNITION_DPI.target),
    });
    return worker;
  }
}
