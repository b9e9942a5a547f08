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
import type { TessdataDir } from './tessdata';
import { parseTsv, type TsvBlock } from './tsv';

interface Slot {
  process?: Promise<ResidentProcess>;
  busy: boolean;
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
  private readonly slots: Slot[];
  private readonly waiting: ((slot: Slot | undefined) => void)[] = [];
  private readonly started = new Set<ResidentProcess>();
  private closed = false;
  readonly info: OcrRecognizer;

  constructor(
    readonly helper: string,
    private readonly tessdata: TessdataDir,
    private readonly settings: EngineSettings,
    jobs: number,
  ) {
    this.slots = Array.from({ length: Math.max(1, jobs) }, () => ({ busy: false }));
    this.info = { engine: 'native', model: tessdata.model, version: 'unknown' };
  }

  /** Starts every helper now, so model loading overlaps the first pages' decoding. */
  warmUp(): void {
    for (const slot of this.slots) slot.process ??= this.spawn();
  }

  /** Starts one helper (kept for the first page) and reads a blank page with it. */
  async selfTest(): Promise<void> {
    checkSelfTestTsv(await this.withSlot((slot) => this.read(slot, selfTestPage(), SELF_TEST_TIMEOUT_MS)));
  }

  async recognize(image: Buffer): Promise<TsvBlock[]> {
    return parseTsv(await this.withSlot((slot) => this.read(slot, image, PAGE_TIMEOUT_MS)));
  }

  async terminate(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake(undefined);
    const all = [...this.started];
    this.started.clear();
    for (const slot of this.slots) slot.process = undefined;
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
    if (this.closed) return Promise.reject(new Error('recognizer is closed'));
    const { lang, psm } = this.settings;
    const args = [
      this.tessdata.dir,
      lang,
      psm,
      ...tesseractVariables(this.settings).map(([k, v]) => `${k}=${v}`),
    ];
    const started = ResidentProcess.start(this.helper, args, SELF_TEST_TIMEOUT_MS).then(
      ({ process: helper, version }) => {
        if (this.closed) {
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

  private async withSlot<T>(work: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await work(slot);
    } finally {
      this.release(slot);
    }
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('recognizer is closed'));
    const idle = this.slots.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return Promise.resolve(idle);
    }
    return new Promise((resolve, reject) =>
      this.waiting.push((slot) => (slot ? resolve(slot) : reject(new Error('recognizer is closed')))),
    );
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
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
