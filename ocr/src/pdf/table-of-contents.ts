import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';

/**
 * The mục lục page(s) of an export: a heading and one row per document (title, folio range, page
 * number in the exported PDF). Laid out with pdf-lib in DejaVu Serif, which covers Vietnamese
 * (Liberation does not: pdf-lib would silently map missing letters to one glyph, see GUIDE), then
 * copied into the output like any scanned PDF page.
 */
export interface TableOfContents {
  heading: string;
  columns: [string, string, string];
  rows: Array<{ title: string; folios: string; pageIndex: number }>;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 11;
const LEADING = 15;
const HEADING_SIZE = 16;
const FOLIO_COL = 120;
const PAGE_COL = 50;

const require = createRequire(import.meta.url);
const fontPath = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);

/** Renders the table; `pagesBefore(tocPages)` → page number offset of the dossier's first page. */
export async function renderTableOfContents(toc: TableOfContents): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(await readFile(fontPath('DejaVuSerif.ttf')), { subset: true });
  const bold = await doc.embedFont(await readFile(fontPath('DejaVuSerif-Bold.ttf')), { subset: true });
  const titleWidth = A4[0] - 2 * MARGIN - FOLIO_COL - PAGE_COL;

  const rows = toc.rows.map((row) => ({
    ...row,
    lines: wrap(row.title.normalize('NFC'), regular, titleWidth),
  }));
  const firstPageTop = A4[1] - MARGIN - HEADING_SIZE * 2.5;
  const pages = paginate(rows, firstPageTop - LEADING * 1.5, A4[1] - MARGIN - LEADING * 1.5);
  const tocPages = pages.length;

  pages.forEach((pageRows, p) => {
    const page = doc.addPage(A4);
    let y = A4[1] - MARGIN;
    if (p === 0) {
      const heading = toc.heading.normalize('NFC');
      const w = bold.widthOfTextAtSize(heading, HEADING_SIZE);
      page.drawText(heading, { x: (A4[0] - w) / 2, y: y - HEADING_SIZE, size: HEADING_SIZE, font: bold });
      y = firstPageTop;
    }
    const [c0, c1, c2] = toc.columns.map((c) => c.normalize('NFC'));
    page.drawText(c0, { x: MARGIN, y, size: SIZE, font: bold });
    page.drawText(c1, { x: MARGIN + titleWidth, y, size: SIZE, font: bold });
    rightAligned(page, c2, bold, A4[0] - MARGIN, y);
    page.drawLine({
      start: { x: MARGIN, y: y - 4 },
      end: { x: A4[0] - MARGIN, y: y - 4 },
      thickness: 0.5,
      color: rgb(0, 0, 0),
    });
    y -= LEADING * 1.5;
    for (const row of pageRows) {
      row.lines.forEach((line, i) =>
        page.drawText(line, { x: MARGIN, y: y - i * LEADING, size: SIZE, font: regular }),
      );
      page.drawText(row.folios.normalize('NFC'), { x: MARGIN + titleWidth, y, size: SIZE, font: regular });
      rightAligned(page, String(row.pageIndex + 1 + tocPages), regular, A4[0] - MARGIN, y);
      y -= row.lines.length * LEADING + 4;
    }
  });
  return doc.save({ useObjectStreams: false });
}

function rightAligned(
  page: ReturnType<PDFDocument['addPage']>,
  text: string,
  font: PDFFont,
  right: number,
  y: number,
) {
  page.drawText(text, { x: right - font.widthOfTextAtSize(text, SIZE), y, size: SIZE, font });
}

function paginate<T extends { lines: string[] }>(rows: T[], firstTop: number, otherTop: number): T[][] {
  const pages: T[][] = [[]];
  let y = firstTop;
  for (const row of rows) {
    const height = row.lines.length * LEADING + 4;
    if (y - height < MARGIN && pages[pages.length - 1].length > 0) {
      pages.push([]);
      y = otherTop;
    }
    pages[pages.length - 1].push(row);
    y -= height;
  }
  return pages;
}

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, SIZE) > width - 8) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  return lines.length > 0 || current ? [...lines, current] : [''];
}
