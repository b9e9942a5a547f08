import type { OcrLang, OcrPage } from '@hoso/contracts';

/** The part of @hoso/ocr's options the queue uses (see ocr/src/types.ts OcrOptions). */
export type RecognizeOptions = {
  lang: OcrLang;
  jobs: number;
  forceOcr: boolean;
  skipBadPages: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { pagesDone: number; pagesTotal: number; elapsedMs: number }) => void;
};

/** `recognizePages` from @hoso/ocr, injected so tests can use a fast fake. */
export type Recognizer = (files: string[], opts: RecognizeOptions) => AsyncIterable<{ ocr: OcrPage }>;

/** Loads the real engine lazily: tesseract.js and its workers start only when OCR is needed. */
export const loadOcrRecognizer = (): Recognizer =>
  async function* recognize(files, opts) {
    const { recognizePages } = await import('@hoso/ocr');
    yield* recognizePages(files, opts);
  };
