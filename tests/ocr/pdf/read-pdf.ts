import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import type { TruthWord } from './truth-pages';

/**
 * Reads PDFs back with poppler (pdftotext, pdfinfo, pdfimages, pdftoppm), the way OCRmyPDF's tests
 * do: the writer is judged by what other software sees, not by the code that wrote it.
 */
export function pdfText(file: string, page?: number, layout = false): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, ...(layout ? ['-layout'] : []), file, '-']).toString('utf8');
}

export type PdfWord = { text: string; box: [number, number, number, number] };

/** Words with their boxes in points, origin top-left (pdftotext -bbox-layout). */
export function pdfWords(file: string, page: number): PdfWord[] {
  const xml = execFileSync('pdftotext', [
    '-bbox-layout',
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ]).toString();
  return [
    ...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map(([, a, b, c, d, text]) => ({ text: unescapeXml(text), box: [+a, +b, +c, +d] }));
}

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file]).toString('utf8');
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export function pageSizes(file: string): Array<[number, number]> {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file]).toString();
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(([, w, h]) => [+w, +h]);
}

export type ImageRow = {
  page: number;
  width: number;
  height: number;
  color: string;
  bpc: number;
  enc: string;
};

export function pdfImages(file: string): ImageRow[] {
  const lines = execFileSync('pdfimages', ['-list', file]).toString().split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const f = line.trim().split(/\s+/);
    return { page: +f[0], width: +f[3], height: +f[4], color: f[5], bpc: +f[7], enc: f[8] };
  });
}

/** A page rendered in greyscale at `dpi`, as raw pixels. */
export async function renderPage(file: string, page: number, dpi: number) {
  const png = execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
  ]);
  return sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
}

export function iou(a: number[], b: number[]): number {
  const ix = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const iy = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = ix * iy;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * For every ground-truth word (300-dpi pixels, shifted by `offsetPx`), the best IoU of a PDF word
 * with the same text; the median over all truth words (unmatched words count as 0).
 */
export function medianWordIoU(
  truth: TruthWord[],
  words: PdfWord[],
  offsetPx: [number, number] = [0, 0],
): number {
  const k = 72 / 300;
  const byText = new Map<string, PdfWord[]>();
  for (const w of words) byText.set(w.text, [...(byText.get(w.text) ?? []), w]);
  const scores = truth.map((t) => {
    const box = [
      t.box[0] + offsetPx[0],
      t.box[1] + offsetPx[1],
      t.box[2] + offsetPx[0],
      t.box[3] + offsetPx[1],
    ].map((v) => v * k);
    return Math.max(0, ...(byText.get(t.text) ?? []).map((w) => iou(box, w.box)));
  });
  scores.sort((x, y) => x - y);
  return scores[Math.floor(scores.length / 2)];
}

/** NFC word multiset of a text, for order-free comparison with truth.txt. */
export function wordBag(text: string): string[] {
  return text.normalize('NFC').split(/\s+/).filter(Boolean).sort();
}

/**
 * Share of the page's dark pixels that lie inside the text layer's word boxes: near 1 when the
 * invisible words sit on the printed ones, low when the scan is turned or shifted under them.
 */
export async function inkInsideWords(file: string, page: number): Promise<number> {
  const dpi = 50;
  const { data, info } = await renderPage(file, page, dpi);
  const inside = new Uint8Array(info.width * info.height);
  const k = dpi / 72;
  for (const w of pdfWords(file, page)) {
    const [x0, y0, x1, y1] = [w.box[0] * k, w.box[1] * k, w.box[2] * k, w.box[3] * k].map(Math.round);
    for (let y = Math.max(0, y0 - 1); y <= Math.min(info.height - 1, y1); y++) {
      for (let x = Math.max(0, x0 - 1); x <= Math.min(info.width - 1, x1); x++)
        inside[y * info.width + x] = 1;
    }
  }
  let dark = 0;
  let covered = 0;
  for (let i = 0; i < inside.length; i++) {
    if (data[i * info.channels] < 110) {
      dark++;
      covered += inside[i];
    }
  }
  return dark ? covered / dark : 0;
}
