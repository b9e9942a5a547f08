import { OcrWordsFileSchema } from '@hoso/contracts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { medianWordIoU, pageSizes, pdfImages, pdfInfo, pdfText, pdfWords, wordBag } from '../pdf/read-pdf';
import { SCANS, truthText, truthWords } from '../pdf/truth-pages';
import { runHoso, type HosoRun } from './run-hoso';

// Real Tesseract through the real binary on three fixture pages: a JPEG and the two-page G4 fax.
const dir = mkdtempSync(join(tmpdir(), 'hoso-cli-e2e-'));
const out = join(dir, 'hồ sơ.pdf');
const wordsJson = join(dir, 'words.json');
let run: HosoRun;

/** Word F1 of a text against the truth (NFC multisets, order-free). */
function wordF1(text: string, truth: string): number {
  const want = new Map<string, number>();
  for (const w of wordBag(truth)) want.set(w, (want.get(w) ?? 0) + 1);
  const got = wordBag(text);
  let hit = 0;
  for (const w of got) {
    const n = want.get(w) ?? 0;
    if (n === 0) continue;
    hit++;
    want.set(w, n - 1);
  }
  const truthCount = wordBag(truth).length;
  return hit === 0 ? 0 : (2 * hit) / (got.length + truthCount);
}

beforeAll(async () => {
  run = await runHoso(['ocr', SCANS.jpeg01, SCANS.fax0304, '-o', out, '--words', wordsJson, '--jobs', '2']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hoso ocr end to end (real Tesseract)', () => {
  it('writes one searchable PDF, pages in input order, at the scans’ sizes', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Wrote .*3 pages/);
    expect(pdfInfo(out).Pages).toBe('3');
    for (const [w, h] of pageSizes(out)) {
      expect(Math.abs(w - 595)).toBeLessThan(1.5);
      expect(Math.abs(h - 842)).toBeLessThan(1.5);
    }
    expect(pdfImages(out).map((i) => i.enc)).toEqual(['jpeg', 'ccitt', 'ccitt']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('reads back the Vietnamese text with its diacritics', () => {
    const page1 = pdfText(out, 1, true);
    expect(page1).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(page1).toContain('Độc lập - Tự do - Hạnh phúc');
    const f1 = [
      wordF1(pdfText(out, 1), truthText('01')),
      wordF1(pdfText(out, 2), truthText('03')),
      wordF1(pdfText(out, 3), truthText('04')),
    ];
    console.log('word F1 per page', f1);
    for (const value of f1) expect(value).toBeGreaterThan(0.95);
  });

  it('puts the recognized words on the printed words', () => {
    const iou = medianWordIoU(truthWords('01'), pdfWords(out, 1));
    console.log('median word IoU against words.tsv, page 1:', iou);
    expect(iou).toBeGreaterThanOrEqual(0.85);
  });

  it('writes --words as a valid OcrWordsFile, NFC', () => {
    const file = OcrWordsFileSchema.parse(JSON.parse(readFileSync(wordsJson, 'utf8')));
    expect(file.pages.map((p) => [p.index, p.source.page, p.dpi])).toEqual([
      [0, 0, 300],
      [1, 0, 200],
      [2, 1, 200],
    ]);
    const words = file.pages[0].blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
    expect(words.length).toBeGreaterThan(250);
    for (const w of words) expect(w.text).toBe(w.text.normalize('NFC'));
  });
});

describe('hoso ocr on a born-digital PDF', () => {
  it('keeps the page as it is, and rasterizes it only with --force-ocr', async () => {
    const kept = join(dir, 'kept.pdf');
    expect((await runHoso(['ocr', SCANS.bornDigital01, '-o', kept, '--quiet'])).code).toBe(0);
    expect(wordBag(pdfText(kept))).toEqual(wordBag(truthText('01')));
    expect(pdfImages(kept)).toEqual([]);

    const forced = join(dir, 'forced.pdf');
    const r = await runHoso(['ocr', SCANS.bornDigital01, '-o', forced, '--quiet', '--force-ocr']);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfImages(forced)).toHaveLength(1);
    // One text (the OCR layer), not the original text plus the OCR text.
    expect(wordF1(pdfText(forced), truthText('01'))).toBeGreaterThan(0.95);
  });
});
