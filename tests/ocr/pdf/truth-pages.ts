import type { OcrBlock, OcrLine, OcrPage, OcrWord, Rotation } from '@hoso/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { InputFormat, PageSource } from '../../../ocr/src/types';

/**
 * OCR pages made from the corpus ground truth (fixtures/sample-truth: words.tsv in 300-dpi pixels
 * of the upright page, truth.txt), so the PDF writer is tested against boxes known to sit on the
 * printed words. The scans are the fixture dossier's (copies of corpus pages, see fixtures/README).
 */
export const FIXTURES = join(import.meta.dirname, '../../../fixtures');
export const DOSSIER = join(FIXTURES, 'sample-dossier');
export const SCANS = {
  jpeg01: join(DOSSIER, '01-quyet-dinh-phe-chuan-khoi-to.jpg'),
  skewed02: join(DOSSIER, '02-bien-ban-ghi-loi-khai.jpg'),
  fax0304: join(DOSSIER, '03-ket-luan-giam-dinh-va-bien-ban-thu-giu.tif'),
  scannedPdf05: join(DOSSIER, '04-cao-trang.pdf'),
  sideways06: join(DOSSIER, '05-lenh-tam-giam.jpg'),
  png02: join(FIXTURES, 'corpus-samples/02-v0-clean.png'),
  bornDigital01: join(FIXTURES, 'born-digital/01-quyet-dinh-khoi-to.pdf'),
};

export function truthText(doc: string): string {
  return readFileSync(join(FIXTURES, 'sample-truth', `${doc}-truth.txt`), 'utf8').normalize('NFC');
}

export type TruthWord = { box: [number, number, number, number]; text: string };

/** words.tsv rows are glyph runs ("VI", "Ệ", "N"); touching runs on one line make one word. */
export function truthWords(doc: string): TruthWord[] {
  const rows = readFileSync(join(FIXTURES, 'sample-truth', `${doc}-words.tsv`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [x0, y0, x1, y1, text] = line.split('\t');
      return { box: [+x0, +y0, +x1, +y1] as [number, number, number, number], text: text.normalize('NFC') };
    });
  const words: TruthWord[] = [];
  for (const row of rows) {
    const prev = words[words.length - 1];
    if (prev && Math.abs(row.box[0] - prev.box[2]) < 1 && overlapY(prev.box, row.box) > 0.5) {
      prev.text += row.text;
      prev.box = [
        prev.box[0],
        Math.min(prev.box[1], row.box[1]),
        row.box[2],
        Math.max(prev.box[3], row.box[3]),
      ];
    } else words.push({ box: [...row.box], text: row.text });
  }
  return words;
}

function overlapY(a: number[], b: number[]): number {
  const inter = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return inter / Math.min(a[3] - a[1], b[3] - b[1]);
}

/** Lines: consecutive words going right on overlapping rows. */
export function truthBlocks(words: TruthWord[]): OcrBlock[] {
  const lines: OcrLine[] = [];
  for (const w of words) {
    const word: OcrWord = { text: w.text, box: w.box, confidence: 96 };
    const line = lines[lines.length - 1];
    const last = line?.words[line.words.length - 1];
    if (line && last && w.box[0] > last.box[2] && overlapY(last.box, w.box) > 0.5) line.words.push(word);
    else lines.push({ box: w.box, words: [word] });
  }
  for (const line of lines) line.box = union(line.words.map((w) => w.box));
  return lines.map((line) => ({ box: line.box, lines: [line] }));
}

function union(boxes: number[][]): [number, number, number, number] {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

export async function scanSource(path: string, index = 0, pageInFile = 0): Promise<PageSource> {
  const bytes = readFileSync(path);
  const format: InputFormat = path.endsWith('.jpg')
    ? 'jpeg'
    : path.endsWith('.png')
      ? 'png'
      : path.endsWith('.tif')
        ? 'tiff'
        : 'pdf';
  const meta =
    format === 'pdf' ? { width: 2480, height: 3508 } : await sharp(bytes, { page: pageInFile }).metadata();
  return {
    file: path,
    pageInFile,
    index,
    format,
    fileBytes: bytes,
    widthPx: meta.width,
    heightPx: meta.height,
    dpi: format === 'tiff' ? 200 : 300,
    exifRotation: 0,
    hasText: format === 'pdf' ? path === SCANS.bornDigital01 : undefined,
  };
}

/** An OcrPage in the 300-dpi ground-truth frame, scaled to `dpi` (the fax is 200 dpi). */
export function truthPage(
  doc: string,
  opts: {
    index?: number;
    dpi?: number;
    rotation?: Rotation;
    deskewDeg?: number;
    widthPx?: number;
    heightPx?: number;
    offsetPx?: [number, number];
  } = {},
): OcrPage {
  const dpi = opts.dpi ?? 300;
  const k = dpi / 300;
  const [dx, dy] = opts.offsetPx ?? [0, 0];
  const words = truthWords(doc).map((w) => ({
    ...w,
    box: w.box.map((v, i) => v * k + (i % 2 ? dy : dx)) as TruthWord['box'],
  }));
  return {
    index: opts.index ?? 0,
    source: { file: doc, page: 0 },
    widthPx: opts.widthPx ?? Math.round(2480 * k),
    heightPx: opts.heightPx ?? Math.round(3508 * k),
    dpi,
    rotation: opts.rotation ?? 0,
    deskewDeg: opts.deskewDeg ?? 0,
    origin: 'ocr',
    lang: 'vie',
    meanConfidence: 96,
    blocks: truthBlocks(words),
  };
}

/** Where the writer must put each word: its own box across, its line's box up and down (300 dpi). */
export function expectedPlacement(page: OcrPage): TruthWord[] {
  const k = 300 / page.dpi;
  return page.blocks.flatMap((b) =>
    b.lines.flatMap((l) =>
      l.words.map((w) => ({
        text: w.text,
        box: [
          w.box[0] * k,
          Math.min(l.box[1], w.box[1]) * k,
          w.box[2] * k,
          Math.max(l.box[3], w.box[3]) * k,
        ] as TruthWord['box'],
      })),
    ),
  );
}
