import type { OcrRecognizer } from '@hoso/contracts';
import { readPgm } from '../preprocess/prepare';
import {
  checkSelfTestTsv,
  PAGE_TIMEOUT_MS,
  SELF_TEST_TIMEOUT_MS,
  selfTestPage,
  tesseractVariables,
} from './native-settings';
import type { EngineSettings, Recognizer } from './recognizer';
import { packBilevel } from './page-tiff';
import type { PageRequest } from './resident-frames';
import { ResidentProcess } from './resident-process';
import { Slots } from './slots';
import type { TessdataDir } from './tessdata';
import { parseTsv, type TsvBlock } from './tsv';

interface Slot {
  process?: Promise<ResidentProcess>;
}

/**
 * The native engine without a process per page: up to `jobs` hoso-tesseract helpers
 * (ocr/native/hoso-tesseract.cpp, linked to libtesseract), each loading the model once and then
 * reading page after page from stdin as raw pixels. Same output as NativeRecognizer (the CLI);
 * a page saves the process start, the model load and Leptonica's PGM parse (README, OCR engines).
 * A helper that hangs, crashes or talks nonsense is killed; its page fails and the next page
 * gets a fresh helper.
 */
export class ResidentRecognizer implements Recognizer {
  private readonly slots: Slots<Slot>;
  private readonly started = new Set<ResidentProcess>();
  readonly info: OcrRecognizer;

  constructor(
    readonly helper: string,
    private readonly tessdata: TessdataDir,
    private readonly settings: EngineSettings,
    jobs: number,
  ) {
    this.slots = new Slots<Slot>(jobs, () => ({}), 'recognizer is closed');
    this.info = { engine: 'native', model: tessdata.model, version: 'unknown' };
  }

  /** Starts every helper now, so model loading overlaps the first pages' decoding. */
  warmUp(): void {
    for (const slot of this.slots.all) slot.process ??= this.spawn();
  }

  /** Starts one helper (kept for the first page) and reads a blank page with it. */
  async selfTest(): Promise<void> {
    checkSelfTestTsv(await this.slots.with((slot) => this.read(slot, selfTestPage(), SELF_TEST_TIMEOUT_MS)));
  }

  async recognize(image: Buffer): Promise<TsvBlock[]> {
    return parseTsv(await this.slots.with((slot) => this.read(slot, image, PAGE_TIMEOUT_MS)));
  }

  async terminate(): Promise<void> {
    this.slots.close();
    const all = [...this.started];
    this.started.clear();
    for (const slot of this.slots.all) slot.process = undefined;
    for (const helper of all) helper.kill();
  }

  /** Process ids of the helpers now running (the tests check that terminate leaves none). */
  pids(): number[] {
    return [...this.started].filter((h) => h.alive).flatMap((h) => (h.pid ? [h.pid] : []));
  }

  private async read(slot: Slot, image: Buffer, timeoutMs: number): Promise<string> {
    const page = pageRequest(image, this.settings.recognitionDpi);
    let helper = slot.process ? await slot.process.catch(() => undefined) : undefined;
    if (!helper?.alive) {
      slot.process = this.spawn();
      helper = await slot.process;
    }
    try {
      return await helper.recognize(page, timeoutMs);
    } finally {
      if (!helper.alive) {
        this.started.delete(helper);
        slot.process = undefined;
      }
    }
  }

  private spawn(): Promise<ResidentProcess> {
    if (this.slots.isClosed) return Promise.reject(new Error('recognizer is closed'));
    const { lang, psm } = this.settings;
    const args = [
      this.tessdata.dir,
      lang,
      psm,
      ...tesseractVariables(this.settings).map(([k, v]) => `${k}=${v}`),
    ];
    const started = ResidentProcess.start(this.helper, args, SELF_TEST_TIMEOUT_MS).then(
      ({ process: helper, version }) => {
        if (this.slots.isClosed) {
          helper.kill();
          throw new Error('recognizer is closed');
        }
        this.started.add(helper);
        // libtesseract's own version (TessBaseAPI::Version()), which may differ from the CLI's.
        this.info.version = version;
        return helper;
      },
    );
    started.catch(() => undefined); // a warm-up nobody awaits yet must not be an unhandled rejection
    return started;
  }
}

/**
 * The prepared page (PGM from toPgm) as a request: a view of its pixels, or, for a page of only
 * black and white, its pixels packed a bit each, as the CLI engine sends it (page-tiff.ts), so that
 * Tesseract skips its thresholding and reads the same words.
 */
export function pageRequest(pgm: Buffer, dpi: number): PageRequest {
  const grey = readPgm(pgm);
  if (!grey) throw new Error('the resident engine was handed something other than a prepared page');
  const bits = packBilevel(grey);
  const { width, height } = grey;
  const pixels = bits ?? grey.data.subarray(0, width * height);
  return { width, height, dpi, format: bits ? 0 : 1, pixels };
}
