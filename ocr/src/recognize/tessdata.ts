import { createRequire } from 'node:module';
import { access, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { OcrLang, OcrModel } from '@hoso/contracts';

const require = createRequire(import.meta.url);

/**
 * Where Tesseract's language data comes from: local folders only, never the network.
 *
 * - `fast` is tessdata_fast (Debian's `tesseract-ocr-vie` ships it: `Lfx192` last layer, 531 KB for
 *   Vietnamese). Looked for in `HOSO_TESSDATA`, the installed Tesseract's tessdata, the app's
 *   resources (`tessdata/fast`).
 * - `best` is the larger network. `HOSO_TESSDATA/best` (or `HOSO_TESSDATA` itself), the app's
 *   resources (`tessdata/best`), then the @tesseract.js-data npm packages (`4.0.0_best_int`,
 *   the integerized best network), unpacked once into the cache.
 *
 * A folder counts when it holds `<code>.traineddata` for every language of the job. Both engines
 * read the same folder: the native binary through `--tessdata-dir`, tesseract.js as its
 * read-only cache.
 */
export type ModelVariant = '4.0.0' | '4.0.0_best_int';

export interface TessdataDir {
  dir: string;
  model: OcrModel;
  /** Where it was found, for messages and the bench. */
  origin: 'HOSO_TESSDATA' | 'tesseract' | 'resources' | 'npm';
}

export function langCodes(lang: OcrLang): string[] {
  return lang.split('+');
}

export function traineddataGz(code: string, variant: ModelVariant): string {
  const pkgDir = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  return path.join(pkgDir, variant, `${code}.traineddata.gz`);
}

export function defaultCacheRoot(): string {
  if (process.env.HOSO_CACHE_DIR) return process.env.HOSO_CACHE_DIR;
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'hoso');
}

/** Tessdata folders of common Tesseract installations, after the one the binary reports. */
export const INSTALLED_TESSDATA_DIRS = [
  '/usr/share/tesseract-ocr/5/tessdata',
  '/usr/share/tesseract-ocr/4.00/tessdata',
  '/usr/share/tessdata',
  '/usr/local/share/tessdata',
  '/opt/homebrew/share/tessdata',
  'C:\\Program Files\\Tesseract-OCR\\tessdata',
];

/** The app's bundled resources (electron-builder `extraResources`), when running packaged. */
export function resourcesDir(): string | undefined {
  const fromElectron = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  return process.env.HOSO_RESOURCES || fromElectron || undefined;
}

export interface TessdataQuery {
  lang: OcrLang;
  model: OcrModel;
  /** The tessdata folder the installed binary reports (`tesseract --list-langs`), if any. */
  installedDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** The first folder holding the model for every language of the job, in the documented order. */
export async function findTessdata(q: TessdataQuery): Promise<TessdataDir | undefined> {
  const env = q.env ?? process.env;
  const candidates: TessdataDir[] = [];
  if (env.HOSO_TESSDATA) {
    const root = path.resolve(env.HOSO_TESSDATA);
    candidates.push({ dir: path.join(root, q.model), model: q.model, origin: 'HOSO_TESSDATA' });
    candidates.push({ dir: root, model: q.model, origin: 'HOSO_TESSDATA' });
  }
  const resources = resourcesDir();
  if (q.model === 'fast') {
    const installed = [q.installedDir, env.TESSDATA_PREFIX, ...INSTALLED_TESSDATA_DIRS];
    for (const dir of installed) if (dir) candidates.push({ dir, model: 'fast', origin: 'tesseract' });
  }
  if (resources)
    candidates.push({ dir: path.join(resources, 'tessdata', q.model), model: q.model, origin: 'resources' });
  for (const c of candidates) if (await holdsLanguages(c.dir, q.lang)) return c;
  if (q.model === 'best') {
    return { dir: await prepareTessdata(q.lang, '4.0.0_best_int'), model: 'best', origin: 'npm' };
  }
  return undefined;
}

async function holdsLanguages(dir: string, lang: OcrLang): Promise<boolean> {
  for (const code of langCodes(lang)) {
    try {
      await access(path.join(dir, `${code}.traineddata`));
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Unzips the npm language data once into a cache directory, atomically (temp file + rename).
 * Workers then read it from the cache with tesseract.js's cacheMethod 'readOnly': its own cache
 * writes are not atomic, and two workers starting together could read each other's half-written file.
 */
export async function prepareTessdata(
  lang: OcrLang,
  variant: ModelVariant,
  cacheRoot = defaultCacheRoot(),
): Promise<string> {
  const dirs = [
    path.join(cacheRoot, 'tessdata', variant),
    path.join(os.tmpdir(), 'hoso-cache', 'tessdata', variant),
  ];
  let lastError: unknown;
  for (const dir of dirs) {
    try {
      await mkdir(dir, { recursive: true });
      for (const code of langCodes(lang)) {
        const target = path.join(dir, `${code}.traineddata`);
        const source = traineddataGz(code, variant);
        const [have, src] = await Promise.all([stat(target).catch(() => undefined), stat(source)]);
        if (have && have.mtimeMs >= src.mtimeMs && have.size > 0) continue;
        const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, gunzipSync(await readFile(source)));
        await rename(tmp, target);
      }
      return dir;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}
