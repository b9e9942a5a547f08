import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../types';

/**
 * Turns the INPUT arguments into the list of files to read, in order: files as given, folders
 * expanded to their supported files in natural order (page2 before page10), and checks that the
 * outputs neither overwrite an input nor land in a folder that does not exist.
 */
export const SUPPORTED_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.pdf']);

const naturalOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export async function expandInputs(inputs: string[], outputs: string[]): Promise<string[]> {
  const outputKeys = new Set(await Promise.all(outputs.map(pathKey)));
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(input); // missing/unreadable files are reported by inspection, naming the file
      continue;
    }
    const names = (await readdir(input, { withFileTypes: true }))
      .filter(
        (e) =>
          e.isFile() && !e.name.startsWith('.') && SUPPORTED_EXTENSIONS.has(extname(e.name).toLowerCase()),
      )
      .map((e) => e.name)
      .sort(naturalOrder.compare);
    const inFolder: string[] = [];
    for (const name of names) {
      const file = join(input, name);
      // A previous run's output saved into the scans folder is not a scan.
      if (!outputKeys.has(await pathKey(file))) inFolder.push(file);
    }
    if (inFolder.length === 0) {
      throw new InputError(
        'empty-folder',
        `${input}: folder has no JPEG, PNG, TIFF or PDF files to read`,
        input,
      );
    }
    files.push(...inFolder);
  }
  return files;
}

export async function checkOutputs(
  files: string[],
  outputs: Array<{ path: string; flag: string }>,
): Promise<void> {
  const inputKeys = new Map<string, string>();
  for (const file of files) inputKeys.set(await pathKey(file), file);
  const seen = new Map<string, string>();
  for (const { path, flag } of outputs) {
    const key = await pathKey(path);
    const input = inputKeys.get(key);
    if (input !== undefined) {
      throw new InputError(
        'output-is-input',
        `${path}: ${flag} is also an input; choose another file name`,
        path,
      );
    }
    if (seen.has(key))
      throw new InputError('same-outputs', `${path}: ${seen.get(key)} and ${flag} are the same file`, path);
    seen.set(key, flag);
    const folder = await stat(dirname(resolve(path))).catch(() => undefined);
    if (!folder?.isDirectory()) {
      throw new InputError('output-folder-missing', `${path}: folder ${dirname(path)} does not exist`, path);
    }
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory())
      throw new InputError('output-is-folder', `${path}: ${flag} is a folder`, path);
  }
}

/** The same file whatever way it is named (relative, symlinked): its real path when it exists. */
async function pathKey(path: string): Promise<string> {
  const absolute = resolve(path);
  const real = await realpath(absolute).catch(() => undefined);
  if (real) return real;
  const parent = await realpath(dirname(absolute)).catch(() => dirname(absolute));
  return join(parent, absolute.slice(dirname(absolute).length + 1));
}

/** A whole input file (a PDF, a certificate, a words file), or an error naming it and why. */
export async function readInputFile(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`;
    throw new InputError('unreadable', `${path}: the ${what} ${why}`, path);
  }
}
