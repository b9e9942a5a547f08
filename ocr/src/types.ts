import type { OcrLang, OcrModel, OcrPage } from '@hoso/contracts';
import type { EngineChoice, EngineReport } from './recognize/recognizer';

/**
 * Internal seams of the OCR pipeline. Input decoding yields PageSources (one per page, streamed,
 * never a whole dossier in memory); recognition turns a PageSource into an OcrPage (the contract
 * type, see packages/contracts/src/ocr.ts for its coordinate frame); the PDF writer appends
 * (PageSource, OcrPage) pairs to a searchable PDF, embedding the original pixels untouched.
 */
export type InputFormat = 'jpeg' | 'png' | 'tiff' | 'pdf';

export interface PageSource {
  /** The input path as the user gave it (used in messages) and 0-based page within that file. */
  file: string;
  pageInFile: number;
  /** 0-based position in the job's page order. */
  index: number;
  format: InputFormat;
  /** Bytes of the whole input file (JPEG/PNG: the image itself; TIFF/PDF: the container). */
  fileBytes: Uint8Array;
  /**
   * Pixel size in the stored orientation (EXIF not applied). PDF pages: the page rendered at `dpi`
   * as displayed (its /Rotate applied); OcrPage.rotation then applies on top of that.
   */
  widthPx: number;
  heightPx: number;
  /** Resolution to lay the page out at: from the file, or inferred when missing/implausible. */
  dpi: number;
  /** EXIF orientation already resolved into a quarter-turn rotation (clockwise). */
  exifRotation: 0 | 90 | 180 | 270;
  /** PDF inputs: the page already has a text layer (born-digital). */
  hasText?: boolean;
  /**
   * A scanned PDF page taken as its JPEG (format 'jpeg', fileBytes the JPEG read out of the PDF):
   * decoded by sharp and embedded as it was, never rendered.
   */
  fromPdfJpeg?: true;
}

export interface OcrOptions {
  lang: OcrLang;
  jobs: number;
  forceOcr: boolean;
  /** Skip pages that fail to decode instead of failing the job. */
  skipBadPages: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
  /** With skipBadPages: a page (or file) that failed mid-job and was left out. `page` is 1-based. */
  onSkip?: (bad: { file: string; page?: number; error: InputError }) => void;
  /** Which Tesseract: native where it passes its self-test (`auto`, the default), or one of the two. */
  engine?: EngineChoice;
  /** tessdata_fast or best; absent: fast where found locally (see recognize/recognizer.ts). */
  model?: OcrModel;
  /** Called once, before the first page, with the engine the job runs on. */
  onEngine?: (report: EngineReport) => void;
  /** Engine tuning (the bench measures these); defaults are the measured best. */
  tuning?: EngineTuning;
}

export interface EngineTuning {
  psm?: '3' | '6';
  recycleEvery?: number;
  /** Tesseract variables for both engines (`-c name=value`). */
  extraConfig?: Array<[string, string]>;
  /** Resolution recognition runs at when the scan's is outside [minDpi, maxDpi]. */
  recognitionDpi?: number;
  minDpi?: number;
  maxDpi?: number;
  /** Red/blue excess from which seal ink is inpainted (0: only lightened). */
  inpaintFrom?: number;
  /** Tone treatment of the recognition copy (see preprocess/prepare.ts). */
  contrast?: 'none' | 'normalise' | 'binarize';
}

export interface OcrProgress {
  pagesDone: number;
  pagesTotal: number;
  elapsedMs: number;
}

/**
 * A problem the user can act on (exit 2 on the CLI), as opposed to an internal error (exit 1).
 * `message` is English and names the file (and page); `page` is 1-based as shown to users. Codes:
 * not-found, unreadable, is-directory, empty-file, unsupported-format, not-a-pdf, corrupt-file,
 * encrypted-pdf, image-too-large, unsupported-tiff-compression, no-pages.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file?: string,
    readonly page?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export type { OcrPage };
