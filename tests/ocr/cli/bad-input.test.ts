import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCANS } from '../pdf/truth-pages';
import { pdfInfo } from '../pdf/read-pdf';
import { writeBadInputs } from './bad-inputs';
import { leftovers, runHoso, runHosoInProcess, sha256 } from './run-hoso';

const dir = mkdtempSync(join(tmpdir(), 'hoso-cli-bad-'));
const bad = writeBadInputs(join(dir, 'bad'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit 2, one error line naming the file, no stack trace, nothing written, the input untouched. */
async function expectRejected(args: string[], inputs: string[], named: string, spawned = false) {
  const before = inputs.map(sha256);
  const run = await (spawned ? runHoso : runHosoInProcess)([...args, '--quiet']);
  expect(run.code, run.stderr).toBe(2);
  const errors = run.stderr.split('\n').filter((l) => l.startsWith('error:'));
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect(errors[0]).toContain(named);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(leftovers(dir, 'out.pdf')).toEqual([]);
  expect(inputs.map(sha256)).toEqual(before);
  return run;
}

describe('hoso ocr on bad input', () => {
  it.each(Object.entries(bad))('%s → exit 2 naming the file, nothing written', async (kind, file) => {
    // One case through the real binary (process start-up, exit code); the rest in-process.
    await expectRejected(
      ['ocr', file, '-o', join(dir, 'out.pdf')],
      [file],
      basename(file),
      kind === 'zeroByte',
    );
  });

  it('reports the page of a bad TIFF page', async () => {
    const run = await expectRejected(
      ['ocr', bad.unsupportedTiff, '-o', join(dir, 'out.pdf')],
      [bad.unsupportedTiff],
      'page 1',
    );
    expect(run.stderr).toContain('compression');
  });

  it('an empty folder, or one with nothing usable, is bad input', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    copyFileSync(join(import.meta.dirname, 'bad-inputs.ts'), join(empty, 'notes.txt'));
    await expectRejected(['ocr', empty, '-o', join(dir, 'out.pdf')], [], 'empty');
  });

  it('refuses an OUTPUT that is an input, and never touches it', async () => {
    const scan = join(dir, 'scan.jpg');
    copyFileSync(SCANS.jpeg01, scan);
    const before = sha256(scan);
    const run = await runHoso(['ocr', scan, '-o', scan]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('scan.jpg');
    expect(run.stderr).toContain('is also an input');
    expect(sha256(scan)).toBe(before);
  });

  it('usage mistakes exit 2 with a pointer to --help', async () => {
    for (const args of [
      ['ocr', SCANS.jpeg01],
      ['ocr', '-o', 'x.pdf'],
      ['frobnicate'],
      ['ocr', SCANS.jpeg01, '-o', 'x.pdf', '--lang', 'fra'],
      ['ocr', SCANS.jpeg01, '-o', 'x.pdf', '--jobs', '0'],
    ]) {
      const run = await runHosoInProcess(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^error: .+\nRun 'hoso --help' for usage\.\n$/);
    }
    const help = await runHosoInProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('hoso ocr INPUT... -o OUTPUT.pdf');
    expect((await runHosoInProcess(['--version'])).stdout).toMatch(/^hoso \d+\.\d+\.\d+\n$/);
  });

  it('a bad page among good ones fails the job, or is skipped with --skip-bad-pages', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    copyFileSync(SCANS.fax0304, join(folder, 'page1.tif'));
    copyFileSync(bad.truncatedJpeg, join(folder, 'page2.jpg'));
    await expectRejected(
      ['ocr', folder, '-o', join(dir, 'out.pdf')],
      [join(folder, 'page1.tif')],
      'page2.jpg',
    );

    const out = join(dir, 'skipped.pdf');
    const run = await runHoso(['ocr', folder, '-o', out, '--skip-bad-pages', '--jobs', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: skipping .*page2\.jpg/);
    expect(pdfInfo(out).Pages).toBe('2');
  });
});
