import type { OcrModel } from '@hoso/contracts';
import { NativeRecognizer } from './native';
import { RecognizerPool } from './pool';
import { ResidentRecognizer } from './resident';
import { findResidentHelper } from './resident-helper';
import {
  DEFAULT_MODEL,
  engineUnavailable,
  type EngineChoice,
  type EngineReport,
  type EngineSettings,
  type Recognizer,
} from './recognizer';
import { findTesseract, type TesseractBinary } from './tesseract-binary';
import { findTessdata, type TessdataDir } from './tessdata';

export interface EngineRequest {
  engine: EngineChoice;
  /** Absent: DEFAULT_MODEL where its data is found locally, else the other one. */
  model?: OcrModel;
  jobs: number;
  settings: EngineSettings;
  env?: NodeJS.ProcessEnv;
}

/**
 * Picks and starts the engine. `native` and `auto` look for a Tesseract binary (tesseract-binary.ts)
 * and language data (tessdata.ts) and recognize a small page with them (the self-test); `auto`
 * falls back to WebAssembly when any of that fails, and says why in the report. `wasm` is
 * tesseract.js, which works with nothing installed (the npm "best" model is always there).
 * The native engine is the resident helper (resident.ts) where it is built and passes its own
 * self-test, else the CLI page by page.
 */
export async function createRecognizer(
  req: EngineRequest,
): Promise<{ recognizer: Recognizer; report: EngineReport }> {
  let fallback: string | undefined;
  let binary: TesseractBinary | undefined;
  if (req.engine !== 'wasm') {
    try {
      binary = await findTesseract(req.env);
      const tessdata = await modelFor(req, binary.tessdataDir);
      const resident = await startResident(req, tessdata);
      if ('recognizer' in resident) return resident;
      const native = new NativeRecognizer(binary, tessdata, req.settings, req.jobs);
      await native.selfTest().catch((err: Error) => {
        throw new Error(`${binary?.path} failed its self-test with ${tessdata.dir}: ${err.message}`);
      });
      return {
        recognizer: native,
        report: {
          ...native.info,
          tessdata: tessdata.dir,
          binary: binary.path,
          residentSkipped: resident.failed,
        },
      };
    } catch (err) {
      const why = (err as Error).message;
      if (req.engine === 'native') throw engineUnavailable(`the native engine cannot run: ${why}`);
      fallback = why;
    }
  }
  const tessdata = await modelFor(req, binary?.tessdataDir);
  const pool = new RecognizerPool(req.jobs, req.settings, tessdata);
  return { recognizer: pool, report: { ...pool.info, tessdata: tessdata.dir, fallback } };
}

/**
 * The resident engine, or why not. A helper that is not built or is turned off is no news; one that
 * is there but fails its self-test (say, built against a libtesseract since removed) is reported.
 */
async function startResident(
  req: EngineRequest,
  tessdata: TessdataDir,
): Promise<{ recognizer: Recognizer; report: EngineReport } | { failed?: string }> {
  const helper = await findResidentHelper(req.env);
  if (!('path' in helper)) return {};
  const resident = new ResidentRecognizer(helper.path, tessdata, req.settings, req.jobs);
  try {
    await resident.selfTest();
  } catch (err) {
    await resident.terminate();
    return { failed: `${helper.path} failed its self-test with ${tessdata.dir}: ${(err as Error).message}` };
  }
  return {
    recognizer: resident,
    report: { ...resident.info, tessdata: tessdata.dir, binary: helper.path, resident: true },
  };
}

async function modelFor(req: EngineRequest, installedDir: string | undefined): Promise<TessdataDir> {
  const query = { lang: req.settings.lang, installedDir, env: req.env };
  const wanted = req.model ?? DEFAULT_MODEL;
  const found = await findTessdata({ ...query, model: wanted });
  if (found) return found;
  if (req.model)
    throw engineUnavailable(
      `no '${wanted}' language data for ${req.settings.lang}: set HOSO_TESSDATA to a folder holding ` +
        `${req.settings.lang.split('+').join(' and ')}.traineddata, or install Tesseract's language packs`,
    );
  const other = await findTessdata({ ...query, model: wanted === 'fast' ? 'best' : 'fast' });
  if (!other) throw engineUnavailable(`no language data for ${req.settings.lang}`);
  return other;
}
