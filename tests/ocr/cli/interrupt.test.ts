import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_LINE } from '../../../ocr/src/cli/ocr-command';
import { pdfInfo } from '../pdf/read-pdf';
import { SCANS } from '../pdf/truth-pages';
import { runHosoInterrupted, userLines } from './run-hoso';

/**
 * Ctrl-C at every moment of `hoso ocr` (issue 9): exit 130, exactly one line on stderr, no stack
 * trace, no output and no temp file. Each case presses Ctrl-C when the job's HOSO_DEBUG phase line
 * appears, so it lands in that phase however busy the machine is.
 */
const dir = mkdtempSync(join(tmpdir(), 'hoso-cli-interrupt-'));
const scans = join(dir, 'scans');

beforeAll(() => {
  // Four pages in a folder, a scanned PDF among the JPEGs: reading inputs includes opening a PDF.
  mkdirSync(scans);
  for (const n of [1, 3, 4]) copyFileSync(SCANS.jpeg01, join(scans, `trang-${n}.jpg`));
  copyFileSync(SCANS.scannedPdf05, join(scans, 'trang-2.pdf'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (text: string, what: string) => text.split(what).length - 1;

const moments: Array<[string, (stderr: string) => boolean, number?, Record<string, string>?]> = [
  ['start-up, before anything is loaded', (s) => count(s, 'debug: start ') >= 1],
  // On Linux hoso re-runs itself with bounded malloc: the second process's first moments.
  ['start-up of the re-run process', (s) => count(s, 'debug: start ') >= 2],
  ['reading and checking the inputs', (s) => s.includes('debug: inspecting inputs')],
  ['starting the OCR workers, recognizing the first page', (s) => s.includes('debug: recognizing ')],
  ['writing page 1', (s) => s.includes('debug: wrote page 1\n')],
  // Page 1 is written and the pipeline waits to be asked for the next page, whose input file it
  // then reads: the exit 1 with an AbortError stack trace of issue 9. The hook holds that moment.
  [
    'between pages, before the next input is read',
    (s) => s.includes('debug: holding after page 1'),
    1,
    { HOSO_DEBUG_HOLD: 'after-page-1' },
  ],
  ['twice, while writing page 2', (s) => s.includes('debug: wrote page 2\n'), 2],
];

describe('hoso ocr interrupted with Ctrl-C', () => {
  it.each(moments)('%s: exit 130, one line, nothing left', async (name, at, times, env) => {
    const out = join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    const words = join(dir, `${name.replace(/\W+/g, '-')}.words.json`);
    const args = ['ocr', scans, '-o', out, '--words', words, '--jobs', '2'];
    const r = await runHosoInterrupted(args, at, times, env);
    expect(r.interrupted, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(userLines(r.stderr)).toEqual([INTERRUPTED_LINE]);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(words)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('after the last page: either interrupted with nothing written, or finished and complete', async () => {
    const out = join(dir, 'late.pdf');
    const words = join(dir, 'late.words.json');
    const r = await runHosoInterrupted(
      ['ocr', SCANS.jpeg01, SCANS.fax0304, '-o', out, '--words', words, '--jobs', '2'],
      (s) => s.includes('debug: wrote page 3\n'),
    );
    expect(r.interrupted, r.stderr).toBe(true);
    expect([0, 130], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    if (r.code === 130) {
      expect(userLines(r.stderr)).toEqual([INTERRUPTED_LINE]);
      expect(existsSync(out) || existsSync(words)).toBe(false);
    } else {
      expect(pdfInfo(out).Pages).toBe('3');
      expect(existsSync(words)).toBe(true);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
