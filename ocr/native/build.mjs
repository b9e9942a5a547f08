// Builds the resident Tesseract helper (hoso-tesseract.cpp) at install time, where this machine
// can: libtesseract's headers found by pkg-config and a C++ compiler. Anything missing or failing
// is one line and exit 0, never a failed install: HoSo then runs the per-page tesseract CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const source = path.join(here, 'hoso-tesseract.cpp');
const outDir = path.join(here, 'build');
const target = path.join(outDir, process.platform === 'win32' ? 'hoso-tesseract.exe' : 'hoso-tesseract');

function skip(why) {
  console.log(`hoso-tesseract not built (${why}); OCR will use the tesseract CLI page by page`);
  process.exit(0);
}

/** Runs a command, returning its trimmed stdout, or undefined when it is missing or fails. */
function tryRun(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

if (process.env.HOSO_SKIP_NATIVE_BUILD === '1') skip('HOSO_SKIP_NATIVE_BUILD=1');
if (tryRun('pkg-config', ['--version']) === undefined) skip('no pkg-config');
if (tryRun('pkg-config', ['--exists', 'tesseract']) === undefined)
  skip('pkg-config finds no tesseract development files (libtesseract-dev)');
const compiler = [process.env.CXX, 'c++', 'g++', 'clang++'].find(
  (c) => c && tryRun(c, ['--version']) !== undefined,
);
if (!compiler) skip('no C++ compiler');

const flags =
  tryRun('pkg-config', ['--cflags', '--libs', 'tesseract', 'lept']) ??
  tryRun('pkg-config', ['--cflags', '--libs', 'tesseract']);
if (flags === undefined) skip('pkg-config gave no compiler flags for tesseract');

mkdirSync(outDir, { recursive: true });
// A temporary name, then rename: a running HoSo never sees a half-written binary.
const temp = `${target}.${process.pid}.tmp`;
try {
  execFileSync(compiler, ['-O2', '-std=c++17', '-o', temp, source, ...flags.split(/\s+/).filter(Boolean)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  renameSync(temp, target);
  console.log(`hoso-tesseract built: ${path.relative(process.cwd(), target)}`);
} catch (err) {
  rmSync(temp, { force: true });
  const why = String(err.stderr ?? err.message)
    .trim()
    .split('\n')[0]
    ?.slice(0, 200);
  skip(`${compiler} failed: ${why}`);
}
