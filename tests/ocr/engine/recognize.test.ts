import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '@hoso/contracts';
import { recognizePages, type PageSource } from '../../../ocr/src/index';
import { medianWordIou, parseWordsTsv, wordF1 } from '../../../ocr/bench/score';

// Real tesseract.js on pages of the corpus (fixtures/corpus-samples): one pipeline run, many checks.
const dir = path.resolve(__dirname, '../../../fixtures/corpus-samples');
const names = ['02-v0-clean.png', '01-v2-skew.jpg', '03-v3-seal.jpg', '04-v4-fax.tif', '05-v5-rot90.jpg'];
const results = new Map<string, { source: PageSource; ocr: OcrPage }>();
const progress: number[] = [];

const textOf = (ocr: OcrPage) =>
  ocr.blocks.map((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')).join('\n');
const truth = (n: string) => readFileSync(path.join(dir, `${n}-truth.txt`), 'utf8');
const page = (name: string) => results.get(name)!.ocr;

beforeAll(async () => {
  const files = names.map((n) => path.join(dir, n));
  const opts = { lang: 'vie' as const, jobs: 2, forceOcr: false, skipBadPages: false };
  for await (const r of recognizePages(files, { ...opts, onProgress: (p) => progress.push(p.pagesDone) })) {
    results.set(path.basename(r.source.file), r);
  }
}, 300_000);

describe('recognizePages on corpus pages', () => {
  it('yields every page in input order with progress', () => {
    expect([...results.keys()]).toEqual(names);
    expect([...results.values()].map((r) => r.ocr.index)).toEqual([0, 1, 2, 3, 4]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads Vietnamese with exact diacritics, in NFC', () => {
    const text = textOf(page('02-v0-clean.png'));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('BIÊN BẢN GHI LỜI KHAI');
    expect(text).toBe(text.normalize('NFC'));
    expect(wordF1(text, truth('02')).f1).toBeGreaterThan(0.97);
  });

  it('infers 300 dpi for a PNG without resolution and puts boxes on the printed words', () => {
    const ocr = page('02-v0-clean.png');
    expect(ocr.dpi).toBe(300);
    expect([ocr.widthPx, ocr.heightPx]).toEqual([2479, 3508]);
    const ocrWords = ocr.blocks.flatMap((b) =>
      b.lines.flatMap((l) => l.words.map((w) => ({ box: w.box, text: w.text }))),
    );
    const truthWords = parseWordsTsv(readFileSync(path.join(dir, '02-words.tsv'), 'utf8'));
    // Tesseract's word boxes hug the glyphs while words.tsv spans the font's ascent to descent,
    // so lower-case words overlap less than fully even when placed exactly.
    expect(medianWordIou(ocrWords, truthWords)).toBeGreaterThan(0.6);
  });

  it('straightens a skewed page by about the skew of the manifest (-1.92°)', () => {
    const ocr = page('01-v2-skew.jpg');
    expect(ocr.rotation).toBe(0);
    expect(Math.abs(ocr.deskewDeg - 1.92)).toBeLessThan(0.5);
    expect(wordF1(textOf(ocr), truth('01')).f1).toBeGreaterThan(0.97);
  });

  it('reads the words under a red seal', () => {
    const text = textOf(page('03-v3-seal.jpg'));
    expect(text).toContain('GIÁM ĐỊNH VIÊN');
    expect(text).toContain('Lê Minh Tuấn');
    expect(wordF1(text, truth('03')).recall).toBeGreaterThan(0.97);
  });

  it('handles a 200-dpi CCITT G4 fax TIFF', () => {
    const ocr = page('04-v4-fax.tif');
    expect(ocr.dpi).toBe(200);
    expect([ocr.widthPx, ocr.heightPx]).toEqual([1653, 2339]);
    expect(wordF1(textOf(ocr), truth('04')).f1).toBeGreaterThan(0.95);
    // Boxes are in the scan's own 200-dpi pixels, not the upsampled recognition copy.
    const maxX = Math.max(...ocr.blocks.map((b) => b.box[2]));
    expect(maxX).toBeLessThanOrEqual(1653);
    expect(maxX).toBeGreaterThan(1200);
  });

  it('turns a page scanned sideways upright', () => {
    const { source, ocr } = results.get('05-v5-rot90.jpg')!;
    // Stored 3508 × 2479 (turned 90° clockwise): a 270° clockwise turn makes it upright.
    expect([source.widthPx, source.heightPx]).toEqual([3508, 2479]);
    expect(ocr.rotation).toBe(270);
    expect([ocr.widthPx, ocr.heightPx]).toEqual([2479, 3508]);
    expect(wordF1(textOf(ocr), truth('05')).f1).toBeGreaterThan(0.97);
  });
});
