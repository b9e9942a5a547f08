import type { OcrBlock, OcrPage } from '@hoso/contracts';
import type { PdfPages } from './decode/pdf-render';
import { decodePage } from './decode/raster';
import { prepareForRecognition, type PreparedPage } from './preprocess/prepare';
import {
  DEFAULT_ENGINE,
  type EngineReport,
  type EngineSettings,
  type Recognizer,
} from './recognize/recognizer';
import { createRecognizer } from './recognize/select-engine';
import { meanConfidence, toOcrBlocks } from './recognize/to-page';
import { textLayerPage } from './recognize/text-layer';
import { throwIfAborted } from './abort';
import type { OcrOptions, PageSource } from './types';

export type RecognizedPage = { source: PageSource; ocr: OcrPage };

/** What picks and tunes the engine: the same options for a local run and a queue worker. */
export type EngineOptions = Pick<OcrOptions, 'lang' | 'engine' | 'model' | 'tuning'>;

/** The per-page options: what a local run and a queue worker both hand to the page steps. */
export type PageOptions = Pick<OcrOptions, 'lang' | 'forceOcr' | 'tuning' | 'signal'>;

type Prepared = (PreparedPage & { kind: 'ocr' }) | { kind: 'text-layer'; blocks: OcrBlock[] };

/**
 * One page through decode → prepare → recognize, the steps shared by `hoso ocr` (pipeline.ts) and
 * `hoso worker` (queue/worker.ts). Preparing is serialized: it runs on this thread (sharp, the layout
 * analysis) and competes with recognition for cores, while the engine recognizes the pages
 * prepared before.
 */
export class PageRecognizer {
  private prepareChain: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly settings: EngineSettings,
    private readonly engine: Recognizer,
    /** Which engine and model run, and why native was passed over (auto). */
    readonly report: EngineReport,
  ) {}

  /** Selects the engine (native Tesseract or tesseract.js, by `opts.engine`) and its model. */
  static async create(jobs: number, opts: EngineOptions): Promise<PageRecognizer> {
    const settings = engineSettings(opts);
    const { recognizer, report } = await createRecognizer({
      engine: opts.engine ?? 'auto',
      model: opts.model,
      jobs,
      settings,
    });
    return new PageRecognizer(settings, recognizer, report);
  }

  /** Starts the engine now, so its start-up overlaps the first page's decoding. */
  warmUp(): void {
    this.engine.warmUp();
  }

  /**
   * Recognizes one page. `afterPrepare` runs once this page no longer needs `pdf` (the caller closes
   * a document after its last page is prepared).
   */
  recognize(
    source: PageSource,
    pdf: PdfPages | undefined,
    opts: PageOptions,
    afterPrepare?: () => Promise<unknown>,
  ): Promise<RecognizedPage> {
    const prepared = this.prepareChain.then(() => preparePage(source, pdf, opts));
    this.prepareChain = prepared.catch(() => undefined);
    if (afterPrepare) this.prepareChain = this.prepareChain.then(afterPrepare).catch(() => undefined);
    return prepared.then((p) => this.finishPage(source, p, opts));
  }

  terminate(): Promise<void> {
    return this.engine.terminate();
  }

  private async finishPage(
    source: PageSource,
    prepared: Prepared,
    opts: PageOptions,
  ): Promise<RecognizedPage> {
    if (prepared.kind === 'text-layer')
      return { source, ocr: textLayerPage(source, prepared.blocks, opts.lang) };
    throwIfAborted(opts.signal);
    const page = await this.engine.recognize(prepared.image);
    const blocks = toOcrBlocks(page, prepared.scale, prepared);
    const ocr: OcrPage = {
      index: source.index,
      source: { file: source.file, page: source.pageInFile },
      widthPx: prepared.width,
      heightPx: prepared.height,
      dpi: source.dpi,
      rotation: prepared.rotation,
      deskewDeg: prepared.deskewDeg,
      origin: 'ocr',
      lang: this.settings.lang,
      meanConfidence: meanConfidence(blocks),
      blocks,
      recognizer: this.engine.info,
    };
    return { source, ocr };
  }
}

function engineSettings(opts: EngineOptions): EngineSettings {
  const { psm, recycleEvery, extraConfig, recognitionDpi } = opts.tuning ?? {};
  return {
    ...DEFAULT_ENGINE,
    lang: opts.lang,
    ...(psm ? { psm } : {}),
    ...(recycleEvery ? { recycleEvery } : {}),
    ...(extraConfig ? { extraConfig } : {}),
    ...(recognitionDpi ? { recognitionDpi } : {}),
  };
}

async function preparePage(
  source: PageSource,
  pdf: PdfPages | undefined,
  opts: PageOptions,
): Promise<Prepared> {
  throwIfAborted(opts.signal);
  if (pdf && source.hasText && !opts.forceOcr)
    return { kind: 'text-layer', blocks: await pdf.words(source.pageInFile, source.dpi) };
  const raster = await decodePage(source, source.fileBytes, pdf);
  const page = await prepareForRecognition(raster, {
    dpi: source.dpi,
    exifRotation: source.exifRotation,
    // A scanner PDF's page is its JPEG (format 'jpeg'); a rendered PDF page is lossless.
    lossless: source.format !== 'jpeg',
    ...opts.tuning,
  });
  return { kind: 'ocr', ...page };
}
