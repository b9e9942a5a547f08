import { open } from 'node:fs/promises';

/**
 * The one TIFF directory reader of the OCR package. sharp/libvips decodes the pixels; this reads
 * each page's image file directory without decoding anything, for two jobs:
 * - inspecting an input (decode/inspect.ts): the compression of every page, and that every
 *   strip/tile lies inside the file, which libvips would discover late (a truncated multi-page
 *   TIFF otherwise fails on some page deep into a job);
 * - writing the PDF (pdf/page-image.ts): passing CCITT G4 strips through untouched.
 * It reads from a file (only the directories, not the image data) or from bytes in memory.
 */
export interface TiffPage {
  width: number;
  height: number;
  compression: number;
  photometric: number;
  bitsPerSample: number;
  samplesPerPixel: number;
  fillOrder: number;
  orientation: number;
  dpi?: number;
  /** Strip offsets/byte counts (or tile offsets/byte counts for tiled pages). */
  dataOffsets: number[];
  dataByteCounts: number[];
  /** Byte end of the last strip/tile; beyond the file size means truncated. */
  dataEnd: number;
}

/** Compressions libtiff (as built into sharp) decodes. */
export const SUPPORTED_TIFF_COMPRESSIONS = new Map<number, string>([
  [1, 'none'],
  [2, 'CCITT RLE'],
  [3, 'CCITT G3'],
  [4, 'CCITT G4'],
  [5, 'LZW'],
  [7, 'JPEG'],
  [8, 'Deflate'],
  [32773, 'PackBits'],
  [32946, 'Deflate'],
]);

export const TIFF_COMPRESSION = { none: 1, ccittG3: 3, ccittG4: 4, lzw: 5, jpeg: 7, deflate: 8 } as const;

export class TiffStructureError extends Error {}

const TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
};
/** Tags read: size, bits, compression, photometric, fill order, strips, orientation, samples, resolution, tiles. */
const TAGS = new Set([256, 257, 258, 259, 262, 266, 273, 274, 277, 279, 282, 296, 324, 325]);
const MAX_PAGES = 20_000;

/** Random access to the TIFF's bytes; throws TiffStructureError past the end. */
type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

/** Directories of a TIFF file, reading only the directories and their out-of-line values. */
export async function readTiffFile(file: string): Promise<{ pages: TiffPage[]; fileSize: number }> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const pages = await parseDirectories(async (position, length) => {
      inside(position, length, fileSize);
      const buf = Buffer.alloc(length);
      await handle.read(buf, 0, length, position);
      return buf;
    });
    return { pages, fileSize };
  } finally {
    await handle.close();
  }
}

/** Directories of a TIFF held in memory. */
export function readTiffBytes(bytes: Uint8Array): Promise<TiffPage[]> {
  return parseDirectories(async (position, length) => {
    inside(position, length, bytes.length);
    return bytes.subarray(position, position + length);
  });
}

/** The G4 data of a page when it can go into a PDF unchanged: one strip, normal bit order. */
export function g4Passthrough(bytes: Uint8Array, page: TiffPage): Uint8Array | undefined {
  if (page.compression !== TIFF_COMPRESSION.ccittG4 || page.fillOrder !== 1) return undefined;
  if (page.dataOffsets.length !== 1 || page.dataByteCounts.length !== 1) return undefined;
  if (page.dataEnd > bytes.length) return undefined;
  return bytes.subarray(page.dataOffsets[0], page.dataEnd);
}

function inside(position: number, length: number, size: number): void {
  if (position + length > size) throw new TiffStructureError('directory beyond end of file');
}

async function parseDirectories(readAt: ReadAt): Promise<TiffPage[]> {
  const head = view(await readAt(0, 8));
  const order = String.fromCharCode(head.getUint8(0), head.getUint8(1));
  if (order !== 'II' && order !== 'MM') throw new TiffStructureError('not a TIFF file');
  const le = order === 'II';
  if (head.getUint16(2, le) !== 42)
    throw new TiffStructureError('not a classic TIFF (BigTIFF is not supported)');
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  let ifd = head.getUint32(4, le);
  while (ifd !== 0) {
    if (seen.has(ifd) || pages.length >= MAX_PAGES) throw new TiffStructureError('directory loop');
    seen.add(ifd);
    const count = view(await readAt(ifd, 2)).getUint16(0, le);
    const dir = view(await readAt(ifd + 2, count * 12 + 4));
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const entry = i * 12;
      const tag = dir.getUint16(entry, le);
      if (TAGS.has(tag)) tags.set(tag, await tagValues(dir, entry, le, readAt));
    }
    pages.push(toPage(tags));
    ifd = dir.getUint32(count * 12, le);
  }
  return pages;
}

async function tagValues(dir: DataView, entry: number, le: boolean, readAt: ReadAt): Promise<number[]> {
  const type = dir.getUint16(entry + 2, le);
  const n = dir.getUint32(entry + 4, le);
  if (n > 10_000_000) throw new TiffStructureError('absurd value count');
  const bytes = n * (TYPE_SIZE[type] ?? 1);
  const data =
    bytes <= 4
      ? new DataView(dir.buffer, dir.byteOffset + entry + 8, 4)
      : view(await readAt(dir.getUint32(entry + 8, le), bytes));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (type === 3 || type === 8) out.push(data.getUint16(i * 2, le));
    else if (type === 4 || type === 9) out.push(data.getUint32(i * 4, le));
    else if (type === 5 || type === 10)
      out.push(data.getUint32(i * 8, le) / Math.max(1, data.getUint32(i * 8 + 4, le)));
    else out.push(data.getUint8(i));
  }
  return out;
}

function toPage(tags: Map<number, number[]>): TiffPage {
  const first = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
  const dataOffsets = tags.get(273) ?? tags.get(324) ?? [];
  const dataByteCounts = tags.get(279) ?? tags.get(325) ?? [];
  let dataEnd = 0;
  dataOffsets.forEach((o, i) => (dataEnd = Math.max(dataEnd, o + (dataByteCounts[i] ?? 0))));
  const unit = first(296, 2);
  const xres = tags.get(282)?.[0];
  return {
    width: first(256, 0),
    height: first(257, 0),
    bitsPerSample: first(258, 1),
    compression: first(259, 1),
    photometric: first(262, 0),
    fillOrder: first(266, 1),
    orientation: first(274, 1),
    samplesPerPixel: first(277, 1),
    dpi: xres && unit !== 1 ? (unit === 3 ? xres * 2.54 : xres) : undefined,
    dataOffsets,
    dataByteCounts,
    dataEnd,
  };
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
