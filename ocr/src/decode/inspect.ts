import { stat } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { InputError, type InputFormat } from '../types';
import { inferDpi } from './dpi';
import { describeTooLarge, MAX_PDF_PAGE_PT } from './limits';
import { type EmbeddedJpeg, pdfPageDpi, readPdfStructure } from './pdf-structure';
import { readPdfSkeleton } from './pdf-skeleton';
import { readRange, sniffFormat } from './sniff';
import { readTiffBytes, readTiffFile, SUPPORTED_TIFF_COMPRESSIONS, type TiffPage } from './tiff-directory';

/** One page as planned from headers alone: no pixels decoded, no page bytes kept. */
export interface PagePlan {
  file: string;
  pageInFile: number;
  format: InputFormat;
  widthPx: number;
  heightPx: number;
  dpi: number;
  exifRotation: 0 | 90 | 180 | 270;
  /** PDF pages that are one full-page JPEG (a scanner's): where it lies in the file. */
  embeddedJpeg?: EmbeddedJpeg;
}

export interface BadPage {
  file: string;
  /** 1-based page number as shown to the user; absent when the whole file is bad. */
  page?: number;
  error: InputError;
}

export interface FilePlan {
  file: string;
  format: InputFormat;
  pages: PagePlan[];
  bad: BadPage[];
}

const EXIF_ROTATION: Record<number, 0 | 90 | 180 | 270> = {
  1: 0,
  2: 0,
  3: 180,
  4: 180,
  5: 90,
  6: 90,
  7: 270,
  8: 270,
};

function fileError(file: string, code: string, what: string): InputError {
  return new InputError(code, `${file}: ${what}`, file);
}

function pageError(file: string, page: number, code: string, what: string): InputError {
  return new InputError(code, `${file}, page ${page}: ${what}`, file, page);
}

/**
 * Where an input's bytes come from: a file on disk (the CLI reads only the ranges it needs) or a
 * buffer already in memory (the host probes what it is about to store). `name` words the errors.
 */
interface Source {
  name: string;
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  /** The bytes the PDF structure parse needs (a file's image data left out: pdf-skeleton.ts). */
  pdfBytes(): Promise<Uint8Array>;
  /** What sharp reads headers from. */
  sharpInput: string | Uint8Array;
  tiff(): Promise<{ pages: TiffPage[]; fileSize: number }>;
}

/** Reads headers and structure of one input. Whole-file problems throw; page problems go in `bad`. */
export async function inspectFile(file: string): Promise<FilePlan> {
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw fileError(file, 'is-directory', 'is a folder, not a file');
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fileError(file, 'not-found', 'file not found');
    throw fileError(file, 'unreadable', `cannot be read (${code ?? String(err)})`);
  }
  return inspectSource({
    name: file,
    size,
    read: (position, length) => readRange(file, position, length),
    pdfBytes: () => readPdfSkeleton(file, size),
    sharpInput: file,
    tiff: () => readTiffFile(file),
  });
}

/** As inspectFile, for bytes held in memory; `name` (the file's display name) words the errors. */
export async function inspectBytes(bytes: Uint8Array, name: string): Promise<FilePlan> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return inspectSource({
    name,
    size: bytes.byteLength,
    read: async (position, length) => buffer.subarray(position, position + length),
    pdfBytes: async () => bytes,
    sharpInput: bytes,
    tiff: async () => ({ pages: await readTiffBytes(bytes), fileSize: bytes.byteLength }),
  });
}

async function inspectSource(src: Source): Promise<FilePlan> {
  const { name: file, size } = src;
  if (size === 0) throw fileError(file, 'empty-file', 'file is empty (0 bytes)');
  const format = sniffFormat(await src.read(0, 1024));
  const ext = path.extname(file).toLowerCase();
  if (!format) {
    if (ext === '.pdf') throw fileError(file, 'not-a-pdf', 'named .pdf but is not a PDF (no %PDF header)');
    throw fileError(file, 'unsupported-format', 'not a supported file (JPEG, PNG, TIFF or PDF)');
  }
  switch (format) {
    case 'jpeg':
    case 'png':
      return inspectImage(src, format);
    case 'tiff':
      return inspectTiff(src);
    case 'pdf':
      return inspectPdf(src);
  }
}

async function inspectImage(src: Source, format: 'jpeg' | 'png'): Promise<FilePlan> {
  const { name: file, size } = src;
  // Truncation: a JPEG ends with EOI (FF D9), a PNG with an IEND chunk; neither marker can occur
  // inside entropy-coded/compressed data near the end, so their absence means a cut-off file.
  const tail = await src.read(Math.max(0, size - 4096), 4096);
  const ended =
    format === 'jpeg' ? tail.includes(Buffer.from([0xff, 0xd9])) : tail.includes(Buffer.from('IEND'));
  if (!ended)
    throw fileError(
      file,
      'corrupt-file',
      `truncated ${format.toUpperCase()} (the end of the image is missing)`,
    );
  // A PNG's size is in its IHDR at a fixed place: check it before handing the file to libvips,
  // which refuses huge images with a generic error.
  if (format === 'png') {
    const ihdr = await src.read(16, 8);
    const tooLarge = ihdr.length === 8 && describeTooLarge(ihdr.readUInt32BE(0), ihdr.readUInt32BE(4));
    if (tooLarge) throw fileError(file, 'image-too-large', tooLarge);
  }
  let meta: Metadata;
  try {
    meta = await sharp(src.sharpInput, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw fileError(file, 'corrupt-file', `corrupt ${format.toUpperCase()} (${shortReason(err)})`);
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const tooLarge = describeTooLarge(width, height);
  if (tooLarge) throw fileError(file, 'image-too-large', tooLarge);
  if (!width || !height) throw fileError(file, 'corrupt-file', 'image has no size');
  const page: PagePlan = {
    file,
    pageInFile: 0,
    format,
    widthPx: width,
    heightPx: height,
    dpi: inferDpi(width, height, meta.density),
    exifRotation: EXIF_ROTATION[meta.orientation ?? 1] ?? 0,
  };
  return { file, format, pages: [page], bad: [] };
}

async function inspectTiff(src: Source): Promise<FilePlan> {
  const file = src.name;
  let info: Awaited<ReturnType<Source['tiff']>>;
  try {
    info = await src.tiff();
  } catch (err) {
    throw fileError(file, 'corrupt-file', `corrupt or truncated TIFF (${shortReason(err)})`);
  }
  if (info.pages.length === 0) throw fileError(file, 'no-pages', 'TIFF has no pages');
  const plan: FilePlan = { file, format: 'tiff', pages: [], bad: [] };
  info.pages.forEach((p, i) => {
    const n = i + 1;
    const compression = SUPPORTED_TIFF_COMPRESSIONS.get(p.compression);
    const tooLarge = describeTooLarge(p.width, p.height);
    let error: InputError | undefined;
    if (!compression)
      error = pageError(
        file,
        n,
        'unsupported-tiff-compression',
        `TIFF compression ${p.compression} is not supported (use CCITT G4, LZW, Deflate or JPEG)`,
      );
    else if (tooLarge) error = pageError(file, n, 'image-too-large', tooLarge);
    else if (!p.width || !p.height) error = pageError(file, n, 'corrupt-file', 'TIFF page has no size');
    else if (p.dataEnd > info.fileSize)
      error = pageError(file, n, 'corrupt-file', 'truncated TIFF (page data beyond the end of the file)');
    if (error) plan.bad.push({ file, page: n, error });
    else
      plan.pages.push({
        file,
        pageInFile: i,
        format: 'tiff',
        widthPx: p.width,
        heightPx: p.height,
        dpi: inferDpi(p.width, p.height, p.dpi),
        exifRotation: EXIF_ROTATION[p.orientation] ?? 0,
      });
  });
  return plan;
}

async function inspectPdf(src: Source): Promise<FilePlan> {
  const { name: file, size } = src;
  const tail = (await src.read(Math.max(0, size - 2048), 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw fileError(file, 'corrupt-file', 'truncated PDF (no end-of-file marker)');
  let structure: Awaited<ReturnType<typeof readPdfStructure>>;
  try {
    // Held only while parsing; the pipeline re-reads the file (or its pages' JPEGs) when it reaches it.
    structure = await readPdfStructure(await src.pdfBytes());
  } catch (err) {
    throw fileError(file, 'corrupt-file', `corrupt PDF (${shortReason(err)})`);
  }
  if (structure.encrypted)
    throw fileError(
      file,
      'encrypted-pdf',
      'PDF is encrypted or password-protected; save an unprotected copy and try again',
    );
  if (structure.pages.length === 0) throw fileError(file, 'no-pages', 'PDF has no pages');
  const plan: FilePlan = { file, format: 'pdf', pages: [], bad: [] };
  structure.pages.forEach((p, i) => {
    const n = i + 1;
    const dpi = pdfPageDpi(p);
    const turned = p.rotate === 90 || p.rotate === 270;
    const w = Math.round(((turned ? p.heightPt : p.widthPt) / 72) * dpi);
    const h = Math.round(((turned ? p.widthPt : p.heightPt) / 72) * dpi);
    const imageTooLarge = p.image && describeTooLarge(p.image.width, p.image.height);
    let error: InputError | undefined;
    if (!(p.widthPt > 0 && p.heightPt > 0))
      error = pageError(file, n, 'corrupt-file', 'PDF page has no size');
    else if (p.widthPt > MAX_PDF_PAGE_PT || p.heightPt > MAX_PDF_PAGE_PT)
      error = pageError(
        file,
        n,
        'image-too-large',
        `page is ${Math.round(p.widthPt)} × ${Math.round(p.heightPt)} pt, far larger than paper`,
      );
    else if (imageTooLarge) error = pageError(file, n, 'image-too-large', imageTooLarge);
    if (error) plan.bad.push({ file, page: n, error });
    else
      plan.pages.push({
        file,
        pageInFile: i,
        format: 'pdf',
        widthPx: w,
        heightPx: h,
        dpi,
        exifRotation: 0,
        ...(p.embeddedJpeg ? { embeddedJpeg: p.embeddedJpeg } : {}),
      });
  });
  return plan;
}

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg
    .split('\n')[0]
    .replace(/^Input (file|buffer) /, '')
    .slice(0, 160);
}

/** Plans all inputs; whole-file problems become BadPages too (the caller decides to throw or skip). */
export async function planInputs(files: string[]): Promise<{ plans: FilePlan[]; bad: BadPage[] }> {
  const plans: FilePlan[] = [];
  const bad: BadPage[] = [];
  for (const file of files) {
    try {
      const plan = await inspectFile(file);
      plans.push(plan);
      bad.push(...plan.bad);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      bad.push({ file, page: err.page, error: err });
    }
  }
  return { plans, bad };
}

export async function inspectInputs(
  files: string[],
  opts: { skipBadPages?: boolean } = {},
): Promise<{ pagesTotal: number; skipped: BadPage[] }> {
  const { plans, bad } = await planInputs(files);
  if (bad.length > 0 && !opts.skipBadPages) throw bad[0].error;
  return { pagesTotal: plans.reduce((n, p) => n + p.pages.length, 0), skipped: bad };
}
