import type { AuditEntry, AuditExportRequest } from '@hoso/contracts';
import { AuditExportRequestSchema } from '@hoso/contracts';
import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The case's nhật ký for a court file or the unit's inspector: CSV (UTF-8 with BOM so Excel reads
 * the diacritics, RFC 4180 quoting) and a PDF table in DejaVu Sans, which covers Vietnamese, so
 * pdftotext reads back every letter (see GUIDE: pdf-lib draws .notdef with fonts that do not).
 */
type Request = ReturnType<typeof AuditExportRequestSchema.parse>;

/** The six columns both formats show: seq, time, action, object, files, person. */
export function auditRow(entry: AuditEntry, labels: Record<string, string>): string[] {
  const object = [
    entry.documentId ? `doc ${entry.documentId}` : '',
    entry.page !== undefined ? `p.${entry.page + 1}` : '',
    ...Object.entries(entry.detail ?? {}).map(([k, v]) => `${k}=${String(v)}`),
  ]
    .filter(Boolean)
    .join('; ');
  const files = (entry.files ?? [])
    .map((f) => `${f.role}: ${f.name ? `${f.name} ` : ''}${f.sha256}`)
    .join('\n');
  const person = [entry.userName, entry.osUser && `(${entry.osUser})`].filter(Boolean).join(' ');
  return [String(entry.seq), entry.at, labels[entry.action] ?? entry.action, object, files, person];
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function auditCsv(entries: AuditEntry[], input: AuditExportRequest): Buffer {
  const request = AuditExportRequestSchema.parse(input);
  const lines = [
    [...request.headings, 'prev', 'hash'],
    ...entries.map((e) => [...auditRow(e, request.actionLabels), e.prev, e.hash]),
  ].map((cells) => cells.map((c) => csvCell(c.normalize('NFC'))).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

const require = createRequire(import.meta.url);
const font = (name: string) => readFile(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape
const MARGIN = 36;
const SIZE = 7.5;
const LEADING = 9.5;
const WIDTHS = [30, 92, 92, 170, 250, 136]; // sums to 770 = page width minus margins

export async function auditPdf(
  entries: AuditEntry[],
  input: AuditExportRequest,
  chain: { ok: boolean; text: string },
): Promise<Uint8Array> {
  const request: Request = AuditExportRequestSchema.parse(input);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(await font('DejaVuSans.ttf'), { subset: true });
  const bold = await doc.embedFont(await font('DejaVuSans-Bold.ttf'), { subset: true });
  doc.setTitle(request.title.normalize('NFC'));
  doc.setCreator('HoSo');
  let page!: PDFPage;
  let y = 0;
  const newPage = (first: boolean) => {
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN;
    if (first) {
      page.drawText(request.title.normalize('NFC'), { x: MARGIN, y: y - 14, size: 14, font: bold });
      y -= 24;
      page.drawText(chain.text.normalize('NFC'), {
        x: MARGIN,
        y: y - 9,
        size: 9,
        font: regular,
        color: chain.ok ? rgb(0.1, 0.4, 0.1) : rgb(0.7, 0, 0),
      });
      y -= 18;
    }
    drawRow(request.headings, bold);
    page.drawLine({ start: { x: MARGIN, y: y + 3 }, end: { x: PAGE[0] - MARGIN, y: y + 3 }, thickness: 0.5 });
    y -= 3;
  };
  const cellLines = (cells: string[], f: PDFFont) =>
    cells.map((c, i) =>
      c
        .normalize('NFC')
        .split('\n')
        .flatMap((line) => wrap(line, f, WIDTHS[i] - 4)),
    );
  function drawRow(cells: string[], f: PDFFont) {
    const lines = cellLines(cells, f);
    let x = MARGIN;
    lines.forEach((ls, i) => {
      ls.forEach((line, j) => page.drawText(line, { x, y: y - SIZE - j * LEADING, size: SIZE, font: f }));
      x += WIDTHS[i];
    });
    y -= Math.max(1, ...lines.map((l) => l.length)) * LEADING + 2;
  }
  newPage(true);
  for (const entry of entries) {
    const cells = auditRow(entry, request.actionLabels);
    const height = Math.max(1, ...cellLines(cells, regular).map((l) => l.length)) * LEADING + 2;
    if (y - height < MARGIN + 20) newPage(false);
    drawRow(cells, regular);
  }
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(`${i + 1}/${pages.length}`, {
      x: PAGE[0] - MARGIN - 30,
      y: MARGIN / 2,
      size: 8,
      font: regular,
    }),
  );
  return doc.save();
}

/** Greedy word wrap; a long unbroken token (a SHA-256) is cut where it no longer fits. */
function wrap(text: string, f: PDFFont, width: number): string[] {
  const out: string[] = [];
  let line = '';
  const fits = (s: string) => f.widthOfTextAtSize(s, SIZE) <= width;
  for (const word of text.split(' ')) {
    let w = word;
    const candidate = line ? `${line} ${w}` : w;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) out.push(line);
    line = '';
    while (!fits(w)) {
      let n = w.length;
      while (n > 1 && !fits(w.slice(0, n))) n--;
      out.push(w.slice(0, n));
      w = w.slice(n);
    }
    line = w;
  }
  if (line || out.length === 0) out.push(line);
  return out;
}
