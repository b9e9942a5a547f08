import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { resourcesDir } from './tessdata';

const run = promisify(execFile);
const EXE = process.platform === 'win32' ? 'tesseract.exe' : 'tesseract';
/** TSV output, --dpi and stdin images all work from 4.1 on; 4.0's LSTM is also markedly slower. */
const MIN_VERSION = [4, 1] as const;

/** A native Tesseract found and checked: its path, version and the tessdata folder it reports. */
export interface TesseractBinary {
  path: string;
  version: string;
  origin: 'HOSO_TESSERACT' | 'resources' | 'PATH';
  /** The folder `tesseract --list-langs` reads (its compiled-in or TESSDATA_PREFIX default). */
  tessdataDir?: string;
}

/** Candidates in the documented order: HOSO_TESSERACT, the app's bundled resources, then PATH. */
export function binaryCandidates(
  env: NodeJS.ProcessEnv = process.env,
): Array<{ path: string; origin: TesseractBinary['origin'] }> {
  const out: Array<{ path: string; origin: TesseractBinary['origin'] }> = [];
  if (env.HOSO_TESSERACT) out.push({ path: path.resolve(env.HOSO_TESSERACT), origin: 'HOSO_TESSERACT' });
  const resources = resourcesDir();
  if (resources) out.push({ path: path.join(resources, 'tesseract', EXE), origin: 'resources' });
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    // A relative PATH entry would run whatever `tesseract` the current folder holds.
    if (dir && path.isAbsolute(dir)) out.push({ path: path.join(dir, EXE), origin: 'PATH' });
  }
  return out;
}

/**
 * The first candidate that runs and is new enough. An explicit HOSO_TESSERACT that fails is an
 * error in its own right (the user asked for that binary), reported rather than skipped.
 */
export async function findTesseract(env: NodeJS.ProcessEnv = process.env): Promise<TesseractBinary> {
  const problems: string[] = [];
  for (const c of binaryCandidates(env)) {
    try {
      await access(c.path, constants.X_OK);
    } catch {
      if (c.origin === 'HOSO_TESSERACT')
        throw new Error(`HOSO_TESSERACT=${c.path} is not an executable file`);
      continue;
    }
    try {
      return await probe(c.path, c.origin);
    } catch (err) {
      const why = `${c.path}: ${(err as Error).message}`;
      if (c.origin === 'HOSO_TESSERACT') throw new Error(`HOSO_TESSERACT: ${why}`);
      problems.push(why);
    }
  }
  throw new Error(
    problems.length ? problems.join('; ') : 'no tesseract binary (HOSO_TESSERACT, app resources, PATH)',
  );
}

async function probe(file: string, origin: TesseractBinary['origin']): Promise<TesseractBinary> {
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const { stdout, stderr } = await run(file, ['--version'], { env, timeout: 10_000 });
  const match = /tesseract\s+v?(\d+)\.(\d+)(?:\.(\d+))?/i.exec(`${stdout}\n${stderr}`);
  if (!match) throw new Error('does not report a Tesseract version');
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const version = `${major}.${minor}.${match[3] ?? 0}`;
  if (major < MIN_VERSION[0] || (major === MIN_VERSION[0] && minor < MIN_VERSION[1]))
    throw new Error(`Tesseract ${version} is older than ${MIN_VERSION.join('.')}`);
  const langs = await run(file, ['--list-langs'], { env, timeout: 10_000 }).catch(() => undefined);
  const dir = /List of available languages in "([^"]+)"/.exec(`${langs?.stdout ?? ''}${langs?.stderr ?? ''}`);
  return { path: file, version, origin, tessdataDir: dir ? dir[1].replace(/[\\/]+$/, '') : undefined };
}
