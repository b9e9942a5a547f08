import { OcrWordsFileSchema, type OcrBlock, type OcrLine, type OcrPage } from '@hoso/contracts';
import { pageLines } from '@hoso/domain';
import { aggregateEntities, extractPage, pageWordsOf, splitDocuments, type Entity } from '@hoso/entities';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { EntitiesCommand } from './args';
import type { CliIo } from './ocr-command';

/** What `hoso entities --json` prints (the shape issue 14 gives, plus documents and related keys). */
export interface EntitiesOutput {
  entities: {
    kind: Entity['kind'];
    text: string;
    normalized: string;
    role?: string;
    occurrences: { page: number; box: [number, number, number, number] }[];
    documents: number[];
    related?: string[];
  }[];
}

class EntitiesInputError extends Error {}

const MAX_WORDS_FILE = 512 * 1024 * 1024;

/**
 * `hoso entities INPUT`: reads a --words JSON file or a searchable PDF's text layer (HoSo's own
 * output or a born-digital paper), finds the dossier's entities and prints them. A PDF without a
 * text layer is refused with what to do instead; nothing is written.
 */
export async function runEntitiesCommand(cmd: EntitiesCommand, io: CliIo): Promise<number> {
  try {
    const pages = await readPages(cmd.input, (w) => io.stderr.write(`warning: ${w}\n`));
    const output = entitiesOf(pages);
    io.stdout.write(cmd.json ? `${JSON.stringify(output)}\n` : table(output));
    return 0;
  } catch (error) {
    if (!(error instanceof EntitiesInputError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
}

/** Pages numbered from 1 in input order; documents split where a paper's header starts. */
export function entitiesOf(pages: readonly OcrPage[]): EntitiesOutput {
  const docOf = splitDocuments(pages.map((p) => ({ lines: pageLines(p) })));
  const mentions = pages.flatMap((p, i) => extractPage(pageWordsOf(p, String(i + 1), String(docOf[i] + 1))));
  return {
    entities: aggregateEntities(mentions).map((e) => ({
      kind: e.kind,
      text: e.text,
      normalized: e.normalized,
      ...(e.role ? { role: e.role } : {}),
      occurrences: e.occurrences.map((o) => ({ page: Number(o.pageId), box: o.box })),
      documents: e.documents.map(Number),
      ...(e.related.length ? { related: e.related } : {}),
    })),
  };
}

async function readPages(input: string, warn: (w: string) => void): Promise<OcrPage[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info) throw new EntitiesInputError(`${input}: no such file`);
  if (!info.isFile())
    throw new EntitiesInputError(`${input}: not a file (give a searchable PDF or a --words JSON file)`);
  if (info.size === 0) throw new EntitiesInputError(`${input}: the file is empty`);
  const bytes = new Uint8Array(await readFile(input));
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return pdfPages(input, bytes, warn);
  if (extname(input).toLowerCase() === '.pdf')
    throw new EntitiesInputError(`${input}: not a PDF (it does not start with %PDF-)`);
  if (info.size > MAX_WORDS_FILE)
    throw new EntitiesInputError(`${input}: larger than 512 MB; not a words file`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new EntitiesInputError(`${input}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = OcrWordsFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EntitiesInputError(
      `${input}: not a HoSo words file (hoso-ocr-words v1): ${issue.path.join('.') || 'top level'}: ${issue.message}`,
    );
  }
  return parsed.data.pages;
}

async function pdfPages(input: string, bytes: Uint8Array, warn: (w: string) => void): Promise<OcrPage[]> {
  // pdfjs-dist is heavy: loaded for PDF inputs only.
  const { PdfPages } = await import('../decode/pdf-render');
  let pdf;
  try {
    pdf = await PdfPages.open(bytes);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new EntitiesInputError(`${input}: the PDF is encrypted; decrypt it first`);
    throw new EntitiesInputError(`${input}: the PDF cannot be read (${(error as Error).message})`);
  }
  try {
    const count = pdf.pageCount;
    const pages: OcrPage[] = [];
    const bare: number[] = [];
    const dpi = 300;
    for (let i = 0; i < count; i++) {
      const blocks = joinRuns(await pdf.words(i, dpi));
      if (!blocks.length) bare.push(i + 1);
      const size = await pdf.pageSize(i, dpi);
      pages.push({
        index: i,
        source: { file: input, page: i },
        widthPx: size.widthPx,
        heightPx: size.heightPx,
        dpi,
        rotation: 0,
        deskewDeg: 0,
        origin: 'text-layer',
        lang: 'vie',
        meanConfidence: 100,
        blocks,
      });
    }
    if (bare.length === count)
      throw new EntitiesInputError(
        `${input}: the PDF has no text layer (a scan?). Make it searchable first: ` +
          `hoso ocr ${input} -o searchable.pdf --words words.json, then run hoso entities on words.json`,
      );
    if (bare.length)
      warn(`${input}: page${bare.length > 1 ? 's' : ''} ${bare.join(', ')} carry no text; read the others`);
    return pages;
  } finally {
    await pdf.close();
  }
}

/**
 * A text layer often draws one run per word (HoSo's searchable PDFs stretch each word over the
 * printed one): runs that follow each other on the same baseline, left to right, form one line,
 * so names and phrases read across them. Content order (reading order) is kept.
 */
function joinRuns(blocks: OcrBlock[]): OcrBlock[] {
  const lines: OcrLine[] = [];
  for (const run of blocks.flatMap((b) => b.lines)) {
    const last = lines[lines.length - 1];
    const h = run.box[3] - run.box[1];
    const sameLine =
      last &&
      Math.abs((last.box[1] + last.box[3]) / 2 - (run.box[1] + run.box[3]) / 2) < h / 2 &&
      run.box[0] >= last.box[2] - h / 2;
    if (sameLine) {
      // A run that starts right where the last word ends continues that word: pdfjs splits text at
      // font and kerning changes ("Th" + "ắng").
      const prev = last.words[last.words.length - 1];
      const [first, ...rest] = run.words;
      if (first && first.box[0] - prev.box[2] < h * 0.12) {
        last.words[last.words.length - 1] = {
          ...prev,
          text: `${prev.text}${first.text}`.normalize('NFC'),
          box: [
            prev.box[0],
            Math.min(prev.box[1], first.box[1]),
            first.box[2],
            Math.max(prev.box[3], first.box[3]),
          ],
        };
        last.words.push(...rest);
      } else last.words.push(...run.words);
      last.box = [
        Math.min(last.box[0], run.box[0]),
        Math.min(last.box[1], run.box[1]),
        Math.max(last.box[2], run.box[2]),
        Math.max(last.box[3], run.box[3]),
      ];
    } else lines.push({ box: [...run.box], words: [...run.words] });
  }
  return lines.length ? [{ box: blocks[0].box, lines }] : [];
}

const KIND_NAMES: Record<string, string> = {
  person: 'person',
  organization: 'organization',
  plate: 'plate',
  phone: 'phone',
  id_number: 'id number',
  bank_account: 'bank account',
  doc_number: 'doc number',
  legal_ref: 'provision',
  money: 'money (đồng)',
  date: 'date',
  place: 'place',
};

/** The human listing: one row per entity, grouped by kind, pages compressed ("1-3, 7"). */
function table(out: EntitiesOutput): string {
  if (!out.entities.length) return 'No entities found.\n';
  const rows = out.entities.map((e) => [
    KIND_NAMES[e.kind] ?? e.kind,
    e.kind === 'person' || e.kind === 'place'
      ? e.normalized
      : `${e.normalized}${e.text !== e.normalized ? `  (${e.text})` : ''}`,
    e.role ?? '',
    pageRanges(e.occurrences.map((o) => o.page)),
  ]);
  const head = ['KIND', 'ENTITY', 'ROLE', 'PAGES'];
  const widths = head.map((h, c) => Math.min(60, Math.max(h.length, ...rows.map((r) => [...r[c]].length))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n\n${out.entities.length} entities.\n`;
}

export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j;
  }
  return parts.join(', ');
}
