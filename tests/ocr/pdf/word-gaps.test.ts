import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchablePdf } from '../../../ocr/src/pdf';
import { exportPageToOcrPage } from '../../../ocr/src/pdf/export-pdf';
import { pdfText } from './read-pdf';
import { scanSource, SCANS, truthPage } from './truth-pages';

const dir = mkdtempSync(join(tmpdir(), 'hoso-gaps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text layer word boundaries', () => {
  it('keeps words apart for pdftotext when Tesseract gives them touching boxes', async () => {
    const ocr = truthPage('01');
    // Make every word of every line end exactly where the next one starts, as Tesseract's boxes
    // sometimes do ("DÂN|KHU" on the sample dossier's first page).
    for (const block of ocr.blocks)
      for (const line of block.lines)
        line.words.forEach((word, i) => {
          const next = line.words[i + 1];
          if (next) word.box[2] = next.box[0];
        });
    const out = join(dir, 'touching.pdf');
    async function* pages() {
      yield { source: await scanSource(SCANS.jpeg01, 0), ocr };
    }
    await writeSearchablePdf({ outputPath: out, title: 'gaps', pages: pages() });
    const text = pdfText(out, 1, true);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Căn cứ các Điều 41, 165 và 179 Bộ luật Tố tụng hình sự năm 2015;');
  });
});

describe('the export path keeps words apart exactly as hoso ocr does (issue 9: "tháng8")', () => {
  it('words whose boxes overlap stay on their line and apart, through the export as through the CLI', async () => {
    const ocr = truthPage('01');
    // Tesseract's boxes of neighbours may overlap by a few pixels ("tháng" and "8").
    for (const block of ocr.blocks)
      for (const line of block.lines)
        line.words.forEach((word, i) => {
          const next = line.words[i + 1];
          if (next) word.box[2] = next.box[0] + 4;
        });
    const source = await scanSource(SCANS.jpeg01, 0);
    const cliOut = join(dir, 'cli.pdf');
    const exportOut = join(dir, 'export.pdf');
    async function* cliPages() {
      yield { source, ocr };
    }
    await writeSearchablePdf({ outputPath: cliOut, title: 'cli', pages: cliPages() });
    // The app's export sends the page's words in reading order (lines flattened) with its frame.
    const words = ocr.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
    const exported = exportPageToOcrPage(
      {
        fileHash: 'a'.repeat(64),
        page: 0,
        rotation: 0,
        words,
        frame: {
          widthPx: ocr.widthPx,
          heightPx: ocr.heightPx,
          dpi: ocr.dpi,
          ocrRotation: ocr.rotation,
          deskewDeg: ocr.deskewDeg,
        },
      },
      source,
      0,
    );
    async function* exportPages() {
      yield { source, ocr: exported };
    }
    await writeSearchablePdf({ outputPath: exportOut, title: 'export', pages: exportPages() });
    const cliText = pdfText(cliOut, 1, true);
    expect(cliText).toContain('Căn cứ các Điều 41, 165 và 179 Bộ luật Tố tụng hình sự năm 2015;');
    expect(pdfText(exportOut, 1, true)).toBe(cliText);
  });
});
