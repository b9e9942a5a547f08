import { ExportPdfRequestSchema, type ExportPage } from '@hoso/contracts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageLoader, exportSearchablePdf } from '../../../ocr/src/pdf';
import { pdfInfo, pdfText, pdfWords, renderPage } from './read-pdf';
import { SCANS, truthPage } from './truth-pages';

// The app's export: three stored pages (a JPEG and the two fax pages), one word corrected by the
// user, bookmarks volume → document, a mục lục page and bút lục stamps.
const dir = mkdtempSync(join(process.env.HOSO_KEEP_TEST_OUTPUT ?? tmpdir(), 'hoso-export-'));
const out = join(dir, 'export.pdf');
const HASH = { jpeg: 'a'.repeat(64), fax: 'b'.repeat(64) };

function exportPage(fileHash: string, page: number, doc: string, dpi: number, folio: number): ExportPage {
  const ocr = truthPage(doc, { dpi });
  return {
    fileHash,
    page,
    rotation: 0,
    frame: { widthPx: ocr.widthPx, heightPx: ocr.heightPx, dpi, ocrRotation: 0, deskewDeg: 0 },
    words: ocr.blocks.flatMap((b) => b.lines.flatMap((l) => l.words)),
    folio,
  };
}

beforeAll(async () => {
  const first = exportPage(HASH.jpeg, 0, '01', 300, 1);
  // The user corrected a word in the viewer: the export carries the correction.
  first.words = first.words.map((w) => (w.text === '127/QĐ-VKSKV4' ? { ...w, text: '128/QĐ-VKSKV4' } : w));
  const request = ExportPdfRequestSchema.parse({
    title: 'Hồ sơ vụ án Hoàng Văn Thắng',
    fileName: 'ho-so.pdf',
    pages: [first, exportPage(HASH.fax, 0, '03', 200, 2), exportPage(HASH.fax, 1, '04', 200, 3)],
    outline: [
      {
        title: 'Tập 1 — Tài liệu tố tụng',
        pageIndex: 0,
        children: [
          { title: 'Quyết định phê chuẩn quyết định khởi tố bị can', pageIndex: 0 },
          { title: 'Kết luận giám định pháp y về thương tích', pageIndex: 1 },
          { title: 'Biên bản thu giữ vật chứng', pageIndex: 2 },
        ],
      },
    ],
    tableOfContents: {
      heading: 'MỤC LỤC HỒ SƠ',
      columns: ['Tài liệu', 'Bút lục', 'Trang'],
      rows: [
        { title: 'Quyết định phê chuẩn quyết định khởi tố bị can', folios: '1', pageIndex: 0 },
        { title: 'Kết luận giám định pháp y về thương tích', folios: '2', pageIndex: 1 },
        { title: 'Biên bản thu giữ vật chứng', folios: '3', pageIndex: 2 },
      ],
    },
    folioStamps: true,
  });
  const paths: Record<string, string> = { [HASH.jpeg]: SCANS.jpeg01, [HASH.fax]: SCANS.fax0304 };
  await exportSearchablePdf({ request, outputPath: out, loadPage: createPageLoader((hash) => paths[hash]) });
});
afterAll(() => {
  if (!process.env.HOSO_KEEP_TEST_OUTPUT) rmSync(dir, { recursive: true, force: true });
});

describe('exportSearchablePdf', () => {
  it('puts the mục lục first, in Vietnamese that pdftotext reads back exactly', () => {
    expect(pdfInfo(out).Pages).toBe('4');
    const toc = pdfText(out, 1, true);
    expect(toc).toContain('MỤC LỤC HỒ SƠ');
    expect(toc).toMatch(/Tài liệu\s+Bút lục\s+Trang/);
    expect(toc).toMatch(/Quyết định phê chuẩn quyết định khởi tố bị can\s+1\s+2\n/);
    expect(toc).toMatch(/Biên bản thu giữ vật chứng\s+3\s+4\n/);
  });

  it('stamps each page with its bút lục number and keeps the corrected words', async () => {
    expect(pdfText(out, 2)).toContain('BL 1');
    expect(pdfText(out, 4)).toContain('BL 3');
    const words = pdfWords(out, 2).map((w) => w.text);
    expect(words).toContain('128/QĐ-VKSKV4');
    expect(words).not.toContain('127/QĐ-VKSKV4');
    // The stamp sits in the top right corner.
    const stamp = pdfWords(out, 4).find((w) => w.text === 'BL');
    expect(stamp!.box[0]).toBeGreaterThan(595 * 0.75);
    expect(stamp!.box[1]).toBeLessThan(842 * 0.1);
    // …and is visible (not in the invisible text layer's render mode).
    const { data, info } = await renderPage(out, 4, 72);
    const [x0, y0, x1, y1] = stamp!.box.map(Math.round);
    let dark = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * info.width + x] < 128) dark++;
    expect(dark / ((x1 - x0) * (y1 - y0))).toBeGreaterThan(0.1);
  });

  it('writes nested bookmarks volume → document pointing at the right pages', async () => {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(out)) }).promise;
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual(['Tập 1 — Tài liệu tố tụng']);
    const children = outline[0].items;
    expect(children.map((o) => o.title)).toEqual([
      'Quyết định phê chuẩn quyết định khởi tố bị can',
      'Kết luận giám định pháp y về thương tích',
      'Biên bản thu giữ vật chứng',
    ]);
    const pageOf = async (dest: unknown) => pdf.getPageIndex((dest as [{ num: number; gen: number }])[0]);
    expect(await Promise.all(children.map((c) => pageOf(c.dest)))).toEqual([1, 2, 3]);
    await pdf.destroy();
  });
});
