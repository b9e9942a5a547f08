import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resourcesDir } from './tessdata';

const EXE = process.platform === 'win32' ? 'hoso-tesseract.exe' : 'hoso-tesseract';
const require = createRequire(import.meta.url);

/**
 * Where `npm install` builds it (ocr/native/build.mjs): beside this module when run from source,
 * and through the workspace package when this code is bundled elsewhere (the Electron main
 * bundle in out/electron, run from the repository).
 */
function builtCandidates(): string[] {
  const out = [fileURLToPath(new URL(`../../native/build/${EXE}`, import.meta.url))];
  try {
    out.push(path.join(path.dirname(require.resolve('@hoso/ocr')), '..', 'native', 'build', EXE));
  } catch {
    // A packaged app has no workspace packages: its helper is in the resources.
  }
  return out;
}

/**
 * The resident helper to use, or why none: the app's resources (`tesseract/hoso-tesseract`), then
 * the one built at install. Off when the user points HOSO_TESSERACT at a binary (they asked for
 * that one, page by page) or sets HOSO_OCR_RESIDENT=0.
 */
export async function findResidentHelper(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ path: string } | { skipped: string }> {
  if (env.HOSO_OCR_RESIDENT === '0') return { skipped: 'HOSO_OCR_RESIDENT=0' };
  if (env.HOSO_TESSERACT) return { skipped: 'HOSO_TESSERACT names the binary to run' };
  const resources = resourcesDir();
  const candidates = [...(resources ? [path.join(resources, 'tesseract', EXE)] : []), ...builtCandidates()];
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK);
      return { path: file };
    } catch {
      // Not there: the next one, or the CLI page by page.
    }
  }
  return { skipped: 'hoso-tesseract is not built (see ocr/native/build.mjs)' };
}
