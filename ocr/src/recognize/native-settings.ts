import type { Grey } from '../preprocess/ink';
import { toPgm } from '../preprocess/prepare';
import type { EngineSettings } from './recognizer';

/**
 * What both native engines (the per-page CLI in native.ts, the resident helper in resident.ts)
 * share, so they read a page the same way and fail the same way.
 */

/** A page that takes longer than this is a hung process, not a slow page (a page takes 1–3 s). */
export const PAGE_TIMEOUT_MS = 5 * 60_000;
/** Far above a page's TSV (~25 KB): anything larger is not Tesseract talking. */
export const MAX_OUTPUT = 32 << 20;
export const SELF_TEST_TIMEOUT_MS = 20_000;

/** The Tesseract variables of a job, as `-c name=value` pairs. */
export function tesseractVariables(settings: EngineSettings): Array<[string, string]> {
  return [
    // As the WebAssembly engine is configured (see pool.ts): no layout spaces inside words.
    ['preserve_interword_spaces', '0'],
    // TSV by variable, not by the `tsv` config file: a tessdata folder from npm has no configs/.
    ['tessedit_create_tsv', '1'],
    ...settings.extraConfig,
  ];
}

/**
 * A small blank page for the self-test: recognizing it proves that the engine starts, finds and
 * loads the model (a tessdata from Tesseract 3 fails here), and writes TSV.
 */
export function selfTestGrey(): Grey {
  return { data: Buffer.alloc(96 * 48, 255), width: 96, height: 48 };
}

/** The self-test page as the pipeline hands pages to an engine (toPgm). */
export function selfTestPage(): Buffer {
  return toPgm(selfTestGrey());
}

export function checkSelfTestTsv(tsv: string): void {
  if (!/^level\tpage_num/m.test(tsv)) throw new Error('the self-test page gave no TSV output');
}
