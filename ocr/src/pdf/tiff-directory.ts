/**
 * Reads a TIFF's image file directories (one per page) far enough to pass CCITT G4 strips
 * through to the PDF untouched and to know what else needs decoding. No pixel decoding here.
 */
export interface TiffDirectory {
  width: number;
  height: number;
  compression: number;
  photometric: number;
  bitsPerSample: number;
  samplesPerPixel: number;
  fillOrder: number;
  stripOffsets: number[];
  stripByteCounts: number[];
}

export const TIFF_COMPRESSION = { none: 1, ccittG3: 3, ccittG4: 4, lzw: 5, jpeg: 7, deflate: 8 } as const;

export function readTiffDirectories(bytes: Uint8Array): TiffDirectory[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0], bytes[1]);
  if (order !== 'II' && order !== 'MM') throw new Error('not a TIFF file');
  const le = order === 'II';
  const u16 = (at: number) => view.getUint16(at, le);
  const u32 = (at: number) => view.getUint32(at, le);
  if (u16(2) !== 42) throw new Error('not a classic TIFF file (BigTIFF is not supported)');

  const pages: TiffDirectory[] = [];
  const seen = new Set<number>();
  let ifd = u32(4);
  while (ifd !== 0) {
    if (seen.has(ifd) || ifd + 2 > bytes.length) throw new Error('TIFF directory chain is corrupt');
    seen.add(ifd);
    const count = u16(ifd);
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const at = ifd + 2 + i * 12;
      if (at + 12 > bytes.length) throw new Error('TIFF directory is truncated');
      const tag = u16(at);
      const type = u16(at + 2);
      const n = u32(at + 4);
      const size = type === 3 ? 2 : type === 4 ? 4 : type === 1 ? 1 : 0;
      if (size === 0) continue; // rationals, ASCII: nothing we need to pass pixels through
      const inline = size * n <= 4;
      const base = inline ? at + 8 : u32(at + 8);
      if (base + size * n > bytes.length) throw new Error('TIFF tag points past the end of the file');
      const values: number[] = [];
      for (let k = 0; k < n; k++) {
        const p = base + k * size;
        values.push(size === 2 ? u16(p) : size === 4 ? u32(p) : bytes[p]);
      }
      tags.set(tag, values);
    }
    const first = (tag: number, fallback: number) => tags.get(tag)?.[0] ?? fallback;
    pages.push({
      width: first(256, 0),
      height: first(257, 0),
      bitsPerSample: first(258, 1),
      compression: first(259, 1),
      photometric: first(262, 0),
      fillOrder: first(266, 1),
      samplesPerPixel: first(277, 1),
      stripOffsets: tags.get(273) ?? [],
      stripByteCounts: tags.get(279) ?? [],
    });
    const nextAt = ifd + 2 + count * 12;
    ifd = nextAt + 4 <= bytes.length ? u32(nextAt) : 0;
  }
  return pages;
}

/** The G4 data of a page when it can go into the PDF unchanged: one strip, normal bit order. */
export function g4Passthrough(bytes: Uint8Array, dir: TiffDirectory): Uint8Array | undefined {
  if (dir.compression !== TIFF_COMPRESSION.ccittG4 || dir.fillOrder !== 1) return undefined;
  if (dir.stripOffsets.length !== 1 || dir.stripByteCounts.length !== 1) return undefined;
  const start = dir.stripOffsets[0];
  const end = start + dir.stripByteCounts[0];
  if (end > bytes.length) return undefined;
  return bytes.subarray(start, end);
}
