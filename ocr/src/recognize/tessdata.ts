import { createRequire } from 'node:module';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { OcrLang } from '@hoso/contracts';

const require = createRequire(import.meta.url);

/**
 * Tesseract language data comes only from the @tesseract.js-data npm packages: never the network.
 * `4.0.0` is the standard tessdata model (the one Debian's tesseract-ocr-vie ships), `4.0.0_best_int`
 * the integerized "best" model; the bench measures both.
 */
export type ModelVariant = '4.0.0' | '4.0.0_best_int';

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

/**
 * Unzips the language data once into a cache directory, atomically (temp file + rename). Workers
 * then read it from the cache with tesseract.js's cacheMethod 'readOnly': its own cache writes are
 * not atomic, and two workers starting together could read each other's half-written file.
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
