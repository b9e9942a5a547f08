import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '@hoso/contracts';
import { recognizePages, writeSearchablePdf, type PageSource } from '../../../ocr/src/index';
import { planInputs } from '../../../ocr/src/decode/inspect';
import { readPdfSkeleton } from '../../../ocr/src/decode/pdf-skeleton';
import { readPdfStructure } from '../../../ocr/src/decode/pdf-structure';
import { wordF1 } from '../../../ocr/bench/score';
import { pdfText } from './read-pdf';

// Scanned PDFs made here the way scanners and img2pdf make them (pdf-lib: one JPEG drawn over
// the page), read by real Tesseract (native engine) and judged with poppler and qpdf.
const samples = path.resolve(__dirname, '../../../fixtures/corpus-samples');
const heldOut = path.resolve(__dirname, '../../../fixtures/held-out');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hoso-scanned-pdf-'));
const A4: [number, number] = [595.28, 841.89];

interface Made {
  /** What each page is, in order. */
  kinds: string[];
  /** The JPEG each page draws (undefined: vector page). */
  jpegs: (Buffer | undefined)[];
  truths: (string | undefined)[];
}
const made: Made = { kinds: [], jpegs: [], truths: [] };
const mixedPdf = path.join(tmp, 'mixed.pdf');
const scannedPdf = path.join(tmp, 'scanned.pdf');

const truth = (dir: string, n: string) => readFileSync(path.join(dir, `${n}-truth.txt`), 'utf8');

async function makeInputs(): Promise<void> {
  const rgb = readFileSync(path.join(heldOut, '11-v1-scan.jpg'));
  const grey = await sharp(path.join(heldOut, '13-v1-scan.jpg')).greyscale().jpeg({ quality: 80 }).toBuffer();
  const cmyk = await sharp(path.join(samples, '01-v2-skew.jpg'))
    .toColourspace('cmyk')
    .jpeg({ quality: 85 })
    .toBuffer();
  // Scanned sideways (turned a quarter counter-clockwise); /Rotate 90 shows it upright.
  const sideways = await sharp(path.join(samples, '02-v0-clean.png')).rotate(-90).jpeg().toBuffer();
  const clean = sharp(path.join(samples, '02-v0-clean.png'));
  const top = await clean.clone().extract({ left: 0, top: 0, width: 2479, height: 1754 }).jpeg().toBuffer();
  const bottom = await clean
    .clone()
    .extract({ left: 0, top: 1754, width: 2479, height: 3508 - 1754 })
    .jpeg()
    .toBuffer();

  const mixed = await PDFDocument.create();
  const fullPage = async (doc: PDFDocument, jpeg: Buffer, size = A4) => {
    const page = doc.addPage(size);
    const image = await doc.embedJpg(jpeg);
    page.drawImage(image, { x: 0, y: 0, width: size[0], height: size[1] });
    return page;
  };
  const add = (kind: string, jpeg: Buffer | undefined, text: string | undefined) => {
    made.kinds.push(kind);
    made.jpegs.push(jpeg);
    made.truths.push(text);
  };
  await fullPage(mixed, grey);
  add('grey jpeg', grey, truth(heldOut, '13'));
  const vector = mixed.addPage(A4);
  const font = await mixed.embedFont(StandardFonts.Helvetica);
  vector.drawText('Vector page: nothing to recognize here', { x: 72, y: 700, size: 14, font });
  add('vector', undefined, undefined);
  await fullPage(mixed, rgb);
  add('rgb jpeg', rgb, truth(heldOut, '11'));
  const halves = mixed.addPage(A4);
  const [t, b] = [await mixed.embedJpg(top), await mixed.embedJpg(bottom)];
  halves.drawImage(t, { x: 0, y: A4[1] / 2, width: A4[0], height: A4[1] / 2 });
  halves.drawImage(b, { x: 0, y: 0, width: A4[0], height: A4[1] / 2 });
  add('two images', undefined, truth(samples, '02'));
  const turned = await fullPage(mixed, sideways, [A4[1], A4[0]]);
  turned.setRotation(degrees(90));
  add('rotated', sideways, truth(samples, '02'));
  await fullPage(mixed, cmyk, [(2597 / 300) * 72, (3592 / 300) * 72]);
  add('cmyk jpeg', cmyk, truth(samples, '01'));
  writeFileSync(mixedPdf, await mixed.save());

  const scanned = await PDFDocument.create();
  await fullPage(scanned, grey);
  await fullPage(scanned, rgb);
  writeFileSync(scannedPdf, await scanned.save());
}

async function ocrToPdf(input: string, output: string): Promise<{ sources: PageSource[]; pages: OcrPage[] }> {
  const sources: PageSource[] = [];
  const pages: OcrPage[] = [];
  async function* run() {
    for await (const r of recognizePages([input], {
      lang: 'vie',
      jobs: 2,
      forceOcr: false,
      skipBadPages: false,
      engine: 'native',
    })) {
      sources.push(r.source);
      pages.push(r.ocr);
      yield r;
    }
  }
  await writeSearchablePdf({ outputPath: output, title: path.basename(input), pages: run() });
  return { sources, pages };
}

/** The image streams of one page of a PDF as stored (pdfimages -all keeps DCT data as is). */
function storedImages(pdf: string, page: number): { name: string; bytes: Buffer }[] {
  const dir = mkdtempSync(path.join(tmp, 'img-'));
  execFileSync('pdfimages', ['-all', '-f', String(page), '-l', String(page), pdf, path.join(dir, 'i')]);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(dir, name)) }));
}

const pagesOut = path.join(tmp, 'mixed.out.pdf');
const scannedOut = path.join(tmp, 'scanned.out.pdf');
let mixedRun: Awaited<ReturnType<typeof ocrToPdf>>;
let scannedRun: Awaited<ReturnType<typeof ocrToPdf>>;

beforeAll(async () => {
  await makeInputs();
  mixedRun = await ocrToPdf(mixedPdf, pagesOut);
  scannedRun = await ocrToPdf(scannedPdf, scannedOut);
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('scanned PDF pages taken as their JPEG', () => {
  it('finds the byte range of a full-page JPEG, and only on pages that are nothing else', async () => {
    const { pages } = await readPdfStructure(new Uint8Array(readFileSync(mixedPdf)));
    const file = readFileSync(mixedPdf);
    const found = pages.map((p) => p.embeddedJpeg);
    expect(found.map((e) => e !== undefined)).toEqual([true, false, true, false, false, false]);
    for (const i of [0, 2]) {
      const e = found[i]!;
      expect(file.subarray(e.offset, e.offset + e.length).equals(made.jpegs[i]!)).toBe(true);
    }
  });

  it('probes a file from a skeleton without its image data, finding the same pages and ranges', async () => {
    const bornDigital = path.resolve(__dirname, '../../../fixtures/born-digital/01-quyet-dinh-khoi-to.pdf');
    for (const file of [mixedPdf, scannedPdf, bornDigital]) {
      const bytes = readFileSync(file);
      const skeleton = await readPdfSkeleton(file, bytes.length);
      expect(await readPdfStructure(skeleton)).toEqual(await readPdfStructure(new Uint8Array(bytes)));
    }
    // The JPEGs themselves were never copied: the skeleton is mostly zeros.
    const skeleton = Buffer.from(await readPdfSkeleton(scannedPdf, statSync(scannedPdf).size));
    const written = skeleton.reduce((n, b) => n + (b !== 0 ? 1 : 0), 0);
    expect(written).toBeLessThan(skeleton.length / 20);
    const { plans } = await planInputs([mixedPdf]);
    expect(plans[0].pages.map((p) => p.embeddedJpeg !== undefined)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
  });

  it('sends qualifying pages down the JPEG path and renders the others', () => {
    expect(mixedRun.sources.map((s) => s.fromPdfJpeg === true)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(mixedRun.sources.map((s) => s.format)).toEqual(['jpeg', 'pdf', 'jpeg', 'pdf', 'pdf', 'pdf']);
    expect(mixedRun.pages[1].origin).toBe('text-layer');
    expect(scannedRun.sources.every((s) => s.fromPdfJpeg)).toBe(true);
  });

  it('embeds the very JPEG bytes of a qualifying page in the output', () => {
    for (const [run, out, jpegs] of [
      [mixedRun, pagesOut, made.jpegs],
      [scannedRun, scannedOut, [made.jpegs[0], made.jpegs[2]]],
    ] as const) {
      run.sources.forEach((s, i) => {
        if (!s.fromPdfJpeg) return;
        const images = storedImages(out, i + 1);
        expect(images.map((x) => path.extname(x.name))).toEqual(['.jpg']);
        expect(images[0].bytes.equals(jpegs[i]!), `page ${i + 1}`).toBe(true);
      });
    }
    // qpdf finds the output well formed.
    expect(() => execFileSync('qpdf', ['--check', pagesOut])).not.toThrow();
  });

  it("reads each scanned page's words into the output's text layer", () => {
    made.truths.forEach((t, i) => {
      if (!t) return;
      const text = pdfText(pagesOut, i + 1);
      expect(wordF1(text, t).f1, `${made.kinds[i]} page`).toBeGreaterThan(0.9);
    });
    expect(pdfText(pagesOut, 2)).toContain('Vector page: nothing to recognize here');
    expect(wordF1(pdfText(scannedOut, 1), made.truths[0]!).f1).toBeGreaterThan(0.9);
    expect(wordF1(pdfText(scannedOut, 2), made.truths[2]!).f1).toBeGreaterThan(0.9);
  });

  it('honours /Rotate: the sideways scan is read upright and shown as the input shows it', () => {
    const rotated = mixedRun.pages[4];
    expect(wordF1(pdfText(pagesOut, 5), made.truths[4]!).f1).toBeGreaterThan(0.9);
    expect(rotated.widthPx).toBeLessThan(rotated.heightPx);
    const info = execFileSync('pdfinfo', ['-f', '5', '-l', '5', pagesOut]).toString();
    const size = /Page\s+5 size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    const rot = Number(/Page\s+5 rot:\s+(\d+)/.exec(info)?.[1] ?? 0);
    // Shown upright: portrait once the page's own rotation is applied.
    const [w, h] = rot % 180 ? [+size[2], +size[1]] : [+size[1], +size[2]];
    expect(w).toBeLessThan(h);
  });
});
