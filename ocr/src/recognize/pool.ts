import { createRequire } from 'node:module';
import Tesseract from 'tesseract.js';
import type { OcrRecognizer } from '@hoso/contracts';
import { readPgm } from '../preprocess/prepare';
import { pagePbm } from './page-tiff';
import type { EngineSettings, Recognizer } from './recognizer';
import { Slots } from './slots';
import { langCodes, type TessdataDir } from './tessdata';
import { parseTsv, type TsvBlock } from './tsv';

const require = createRequire(import.meta.url);
const TESSERACT_JS_VERSION = (require('tesseract.js/package.json') as { version: string }).version;

interface Slot {
  worker?: Promise<Tesseract.Worker>;
  pages: number;
}

/**
 * The WebAssembly engine: a fixed set of tesseract.js workers; each page goes to an idle one, in
 * arrival order. The language data is read from a local tessdata folder (see tessdata.ts), as the
 * workers' read-only cache, so tesseract.js never fetches anything.
 */
export class RecognizerPool implements Recognizer {
  private readonly slots: Slots<Slot>;
  readonly info: OcrRecognizer;

  constructor(
    size: number,
    private readonly settings: EngineSettings,
    private readonly tessdata: TessdataDir,
  ) {
    this.slots = new Slots(size, () => ({ pages: 0 }), 'recognizer pool is closed');
    this.info = { engine: 'wasm', model: tessdata.model, version: `tesseract.js ${TESSERACT_JS_VERSION}` };
  }

  get size(): number {
    return this.slots.all.length;
  }

  /** Starts all workers now so their start-up overlaps the first page's decoding. */
  warmUp(): void {
    for (const slot of this.slots.all) slot.worker ??= this.createWorker();
  }

  async recognize(image: Buffer): Promise<TsvBlock[]> {
    const slot = await this.slots.acquire();
    try {
      slot.worker ??= this.createWorker();
      const worker = await slot.worker;
      const grey = readPgm(image);
      const input = (grey && pagePbm(grey)) ?? image;
      const { data } = await worker.recognize(input, {}, { text: false, blocks: false, tsv: true });
      slot.pages++;
      return parseTsv(data.tsv ?? '');
    } catch (err) {
      // A worker that failed may be in any state: replace it.
      this.retire(slot);
      throw err;
    } finally {
      if (slot.pages >= this.settings.recycleEvery) this.retire(slot);
      this.slots.release(slot);
    }
  }

  async terminate(): Promise<void> {
    this.slots.close();
    const workers = this.slots.all.map((s) => s.worker).filter((w): w is Promise<Tesseract.Worker> => !!w);
    this.slots.all.forEach((s) => (s.worker = undefined));
    await Promise.all(workers.map((w) => w.then((x) => x.terminate()).catch(() => undefined)));
  }

  private retire(slot: Slot): void {
    const old = slot.worker;
    slot.worker = undefined;
    slot.pages = 0;
    old?.then((w) => w.terminate()).catch(() => undefined);
  }

  private async createWorker(): Promise<Tesseract.Worker> {
    if (this.slots.isClosed) throw new Error('recognizer pool is closed');
    const { lang, psm } = this.settings;
    const worker = await Tesseract.createWorker(langCodes(lang), Tesseract.OEM.LSTM_ONLY, {
      // Never the CDN: the data is in the tessdata folder, read as a read-only cache; langPath
      // (a local path, so tesseract.js reads a file, never a URL) is the same folder.
      langPath: this.tessdata.dir,
      cachePath: this.tessdata.dir,
      cacheMethod: 'readOnly',
      gzip: false,
      workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
    });
    await worker.setParameters({
      tessedit_pageseg_mode: psm as unknown as Tesseract.PSM,
      // Keep layout spaces out of words; pages arrive at (about) the recognition dpi (see preprocess).
      preserve_interword_spaces: '0',
      user_defined_dpi: String(this.settings.recognitionDpi),
      ...Object.fromEntries(this.settings.extraConfig),
    });
    return worker;
  }
}
