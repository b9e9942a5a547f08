import type { OcrEngineChoice, OcrLang, OcrModel, OcrRecognizer } from '@hoso/contracts';
import { RECOGNITION_DPI } from '../preprocess/prepare';
import { InputError } from '../types';
import type { TsvBlock } from './tsv';

/** What the pipeline needs from an engine: prepared page in (PGM), Tesseract's blocks out. */
export interface Recognizer {
  readonly info: OcrRecognizer;
  /** Starts what can be started before the first page arrives. */
  warmUp(): void;
  recognize(image: Buffer): Promise<TsvBlock[]>;
  terminate(): Promise<void>;
}

export type EngineChoice = OcrEngineChoice;

/** Settings both engines honour, so their output differs only by the engine itself. */
export interface EngineSettings {
  lang: OcrLang;
  /** Tesseract page segmentation mode: 3 = automatic layout (like the CLI), 6 = one uniform block. */
  psm: '3' | '6';
  /** WebAssembly: recreate a worker after this many pages (its heap only grows). */
  recycleEvery: number;
  /** Resolution pages are brought to for recognition (see preprocess/prepare.ts), told to Tesseract. */
  recognitionDpi: number;
  /** More Tesseract variables (`-c name=value`); the bench tries them. */
  extraConfig: Array<[string, string]>;
}

export const DEFAULT_ENGINE: Omit<EngineSettings, 'lang'> = {
  psm: '3',
  recycleEvery: 50,
  recognitionDpi: RECOGNITION_DPI.target,
  extraConfig: [],
};

/**
 * The model used when none is asked for: tessdata_fast where a local copy exists, else best.
 * Measured on the corpus (README, Benchmarks): fast reads as well as best after HoSo's
 * preprocessing and needs about 0.6× its CPU.
 */
export const DEFAULT_MODEL: OcrModel = 'fast';

/** What was chosen and why, for progress output and the bench. */
export interface EngineReport extends OcrRecognizer {
  tessdata: string;
  binary?: string;
  /** The native engine is the resident helper (`binary`), not the tesseract CLI page by page. */
  resident?: boolean;
  /** The resident helper is built but failed its self-test: why the CLI runs page by page instead. */
  residentSkipped?: string;
  /** `auto` fell back to WebAssembly: why the native engine was not used. */
  fallback?: string;
}

/** The user asked for an engine or model that this machine cannot provide (exit 2 on the CLI). */
export function engineUnavailable(what: string): InputError {
  return new InputError('engine-unavailable', what);
}

/** One line for progress output: which engine, model and data a job runs with. */
export function describeEngine(r: EngineReport): string {
  const how = r.resident ? 'resident helper ' : '';
  const engine = r.engine === 'native' ? `native Tesseract ${r.version} (${how}${r.binary})` : r.version;
  const line = `OCR engine: ${engine}, ${r.model} model (${r.tessdata})`;
  if (r.fallback) return `${line}; native engine not used: ${r.fallback}`;
  return r.residentSkipped ? `${line}; resident helper not used: ${r.residentSkipped}` : line;
}
