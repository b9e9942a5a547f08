import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSearchablePdf, type SearchablePage } from '../../../ocr/src/pdf';
import {
  inkInsideWords,
  medianWordIoU,
  pageSizes,
  pdfImages,
  pdfInfo,
  pdfText,
  pdfWords,
  renderPage,
  wordBag,
} from './read-pdf';
import { expectedPlacement, scanSource, SCANS, truthPage, truthText } from './truth-pages';

// One PDF of eight pages covering every kind of input, built from ground-truth words so that any
// misplacement is the writer's fault. Pages (1-based):
// 1 JPEG · 2 PNG · 3–4 G4 fax TIFF (200 dpi) · 5 sideways JPEG · 6 skewed JPEG · 7 scanned PDF ·
// 8 born-digital PDF
const dir = mkdtempSync(join(tmpdir(), 'hoso-pdf-'));
const out = join(dir, 'hồ sơ.pdf');
const SKEW_02 = 1.65; // corpus manifest: doc 02 was turned −1.65°, so straightening is +1.65° clockwise

async function* dossier(): AsyncGenerator<SearchablePage> {
  let i = 0;
  const page = async (
    path: string,
    doc: string,
    opts: Parameters<typeof truthPage>[1] = {},
    pageInFile = 0,
  ) => {
    const source = await scanSource(path, i, pageInFile);
    return { source, ocr: truthPage(doc, { index: i++, ...opts }) };
  };
  yield await page(SCANS.jpeg01, '01');
  yield await page(SCANS.png02, '02');
  yield await page(SCANS.fax0304, '03', { dpi: 200 }, 0);
  yield await page(SCANS.fax0304, '04', { dpi: 200 }, 1);
  const sideways = await scanSource(SCANS.sideways06, i);
  yield {
    source: sideways,
    ocr: truthPage('06', {
      index: i++,
      rotation: 270,
      widthPx: sideways.heightPx,
      heightPx: sideways.widthPx,
    }),
  };
  const skewed = await scanSource(SCANS.skewed02, i);
  // The skewed scan's canvas grew when it was turned: the A4 page sits in its centre.
  const offsetPx: [number, number] = [(skewed.widthPx - 2480) / 2, (skewed.heightPx - 3508) / 2];
  yield {
    source: skewed,
    ocr: truthPage('02', {
      index: i++,
      deskewDeg: SKEW_02,
      widthPx: skewed.widthPx,
      heightPx: skewed.heightPx,
      offsetPx,
    }),
  };
  yield await page(SCANS.scannedPdf05, '05');
  const born = await page(SCANS.bornDigital01, '01');
  yield { ...born, ocr: { ...born.ocr, origin: 'text-layer' } };
}

beforeAll(async () => {
  await writeSearchablePdf({ outputPath: out, title: 'Hồ sơ vụ án số 127/2025', pages: dossier() });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('searchable PDF writer (ground-truth words)', () => {
  it('writes every page at the size its dpi gives (A4 at 300 and 200 dpi → 595 × 842 pt)', () => {
    const sizes = pageSizes(out);
    expect(sizes).toHaveLength(8);
    for (const [n, [w, h]] of sizes.entries()) {
      if (n === 5) continue; // the skewed scan is larger than A4 (its canvas grew when it was turned)
      expect(Math.abs(w - 595), `page ${n + 1} width`).toBeLessThan(1.5);
      expect(Math.abs(h - 842), `page ${n + 1} height`).toBeLessThan(1.5);
    }
  });

  it('extracts the exact Vietnamese text, NFC, lines in reading order', () => {
    for (const [page, doc] of [
      [1, '01'],
      [2, '02'],
      [3, '03'],
      [5, '06'],
      [7, '05'],
      [8, '01'],
    ] as const) {
      const text = pdfText(out, page);
      expect(text.normalize('NFC')).toBe(text);
      expect(wordBag(text), `page ${page}`).toEqual(wordBag(truthText(doc)));
    }
    const layout = pdfText(out, 1, true);
    expect(layout).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(layout).toContain('Căn cứ các Điều 41, 165 và 179 Bộ luật Tố tụng hình sự năm 2015;');
  });

  it('places each word where the OCR page says, to the point (median IoU ≥ 0.99)', () => {
    // Placement = the word's box across, its line's box up and down (see text-layer.ts).
    const skewedOffset: [number, number] = [(2581 - 2480) / 2, (3580 - 3508) / 2];
    const expected: Array<[string, number, ReturnType<typeof truthPage>]> = [
      ['jpeg', 1, truthPage('01')],
      ['png', 2, truthPage('02')],
      ['fax', 3, truthPage('03', { dpi: 200 })],
      ['sideways', 5, truthPage('06', { rotation: 270 })],
      [
        'skewed',
        6,
        truthPage('02', { deskewDeg: SKEW_02, widthPx: 2581, heightPx: 3580, offsetPx: skewedOffset }),
      ],
      ['scannedPdf', 7, truthPage('05')],
    ];
    for (const [kind, page, ocr] of expected) {
      const iou = medianWordIoU(expectedPlacement(ocr), pdfWords(out, page));
      expect(iou, kind).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('passes JPEG bytes through unchanged and keeps lossless scans lossless', async () => {
    const images = pdfImages(out);
    expect(images.map((i) => `${i.page}:${i.enc}:${i.color}:${i.bpc}`)).toEqual([
      '1:jpeg:rgb:8',
      '2:image:gray:8', // PNG: Flate, one grey channel
      '3:ccitt:gray:1',
      '4:ccitt:gray:1',
      '5:jpeg:rgb:8',
      '6:jpeg:rgb:8',
      '7:jpeg:rgb:8', // the scanned PDF's own JPEG, copied
    ]);
    execFileSync('pdfimages', ['-all', out, join(dir, 'img')]);
    const extracted = (n: number, ext: string) =>
      readFileSync(join(dir, `img-${String(n).padStart(3, '0')}.${ext}`));
    expect(extracted(0, 'jpg').equals(readFileSync(SCANS.jpeg01))).toBe(true);
    expect(extracted(4, 'jpg').equals(readFileSync(SCANS.sideways06))).toBe(true);
    const png = await sharp(extracted(1, 'png')).raw().toBuffer();
    expect(png.equals(await sharp(SCANS.png02).raw().toBuffer())).toBe(true);
  });

  it('turns the sideways scan upright and the skewed one straight, text layer on the ink', async () => {
    // pdftotext's boxes must cover the printed words in the rendered page.
    for (const page of [1, 3, 5, 6, 7]) {
      const coverage = await inkInsideWords(out, page);
      expect(coverage, `page ${page}`).toBeGreaterThan(0.85);
    }
    // The straightened page matches the clean scan of the same document; unstraightened it would not.
    const clean = await sharp(SCANS.png02).resize(248, 351).greyscale().raw().toBuffer();
    const rendered = await renderPage(out, 6, 30);
    const centre = await sharp(rendered.data, {
      raw: { width: rendered.info.width, height: rendered.info.height, channels: 1 },
    })
      .extract({ left: 5, top: 4, width: 248, height: 351 })
      .greyscale()
      .raw()
      .toBuffer();
    let diff = 0;
    for (let i = 0; i < centre.length; i++) diff += Math.abs(centre[i] - clean[i]);
    expect(diff / centre.length).toBeLessThan(12);
  });

  it('keeps a born-digital page as it is: its own text once, no image, no second text layer', () => {
    const text = pdfText(out, 8);
    expect(wordBag(text)).toEqual(wordBag(truthText('01')));
    expect(pdfImages(out).some((i) => i.page === 8)).toBe(false);
  });

  it('records title, producer and creation date', () => {
    const info = pdfInfo(out);
    expect(info.Title).toBe('Hồ sơ vụ án số 127/2025');
    expect(info.Producer).toMatch(/^HoSo/);
    expect(info.CreationDate).toMatch(/\d{4}/);
    expect(info.Pages).toBe('8');
  });

  it('leaves nothing behind when a page fails mid-way', async () => {
    const target = join(dir, 'failed.pdf');
    async function* failing(): AsyncGenerator<SearchablePage> {
      yield { source: await scanSource(SCANS.jpeg01), ocr: truthPage('01') };
      throw new Error('scanner fell over');
    }
    await expect(writeSearchablePdf({ outputPath: target, title: 'x', pages: failing() })).rejects.toThrow(
      'scanner',
    );
    expect(readdirSync(dir).filter((f) => f.startsWith('failed') || f.startsWith('.failed'))).toEqual([]);
  });
});
