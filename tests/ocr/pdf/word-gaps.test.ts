import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchablePdf } from '../../../ocr/src/pdf';
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
