import { open, type FileHandle } from 'node:fs/promises';

/**
 * A minimal TIFF directory walker. sharp/libvips reads the pixels; this only checks, without
 * decoding anything, what libvips would discover late or not at all: the compression of every
 * page, and that every strip/tile lies inside the file (a truncated multi-page TIFF otherwise
 * fails on some page deep into a job).
 */
export interface TiffPageInfo {
  width: number;
  height: number;
  compression: number;
  dpi?: number;
  orientation: number;
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
const MAX_PAGES = 20_000;

export class TiffStructureError extends Error {}

export async function readTiffPages(file: string): Promise<{ pages: TiffPageInfo[]; fileSize: number }> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const head = await readAt(handle, 0, 8, fileSize);
    const le = head[0] === 0x49;
    const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const pages: TiffPageInfo[] = [];
    const seen = new Set<number>();
    let ifd = u32(head, 4);
    while (ifd !== 0) {
      if (seen.has(ifd) || pages.length >= MAX_PAGES) throw new TiffStructureError('directory loop');
      seen.add(ifd);
      const count = u16(await readAt(handle, ifd, 2, fileSize), 0);
      const dir = await readAt(handle, ifd + 2, count * 12 + 4, fileSize);
      const values = async (entry: number): Promise<number[]> => {
        const type = u16(dir, entry + 2);
        const n = u32(dir, entry + 4);
        const size = TYPE_SIZE[type] ?? 1;
        const bytes = n * size;
        if (n > 10_000_000) throw new TiffStructureError('absurd value count');
        const buf =
          bytes <= 4
            ? dir.subarray(entry + 8, entry + 12)
            : await readAt(handle, u32(dir, entry + 8), bytes, fileSize);
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          if (type === 3 || type === 8) out.push(u16(buf, i * 2));
          else if (type === 4 || type === 9) out.push(u32(buf, i * 4));
          else if (type === 5 || type === 10) out.push(u32(buf, i * 8) / Math.max(1, u32(buf, i * 8 + 4)));
          else out.push(buf[i]);
        }
        return out;
      };
      const tags = new Map<number, number[]>();
      for (let i = 0; i < count; i++) {
        const entry = i * 12;
        const tag = u16(dir, entry);
        if ([256, 257, 259, 273, 274, 279, 282, 296, 324, 325].includes(tag))
          tags.set(tag, await values(entry));
      }
      const offsets = tags.get(273) ?? tags.get(324) ?? [];
      const counts = tags.get(279) ?? tags.get(325) ?? [];
      let dataEnd = 0;
      offsets.forEach((o, i) => (dataEnd = Math.max(dataEnd, o + (counts[i] ?? 0))));
      const unit = tags.get(296)?.[0] ?? 2;
      const xres = tags.get(282)?.[0];
      const dpi = xres && unit !== 1 ? (unit === 3 ? xres * 2.54 : xres) : undefined;
      pages.push({
        width: tags.get(256)?.[0] ?? 0,
        height: tags.get(257)?.[0] ?? 0,
        compression: tags.get(259)?.[0] ?? 1,
        dpi,
        orientation: tags.get(274)?.[0] ?? 1,
        dataEnd,
      });
      ifd = u32(dir, count * 12);
    }
    return { pages, fileSize };
  } finally {
    await handle.close();
  }
}

async function readAt(
  handle: FileHandle,
  position: number,
  length: number,
  fileSize: number,
): Promise<Buffer> {
  if (position + length > fileSize) throw new TiffStructureError('directory beyond end of file');
  const buf = Buffer.alloc(length);
  await handle.read(buf, 0, length, position);
  return buf;
}
