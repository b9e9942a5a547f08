import { open } from 'node:fs/promises';

const CHUNK = 256 * 1024;
/** Image streams smaller than this are copied like everything else (not worth a skip). */
const MIN_SKIP = 16 * 1024;
/** How far back from `stream` a stream's dictionary is looked for. */
const DICT_LOOKBACK = 4096;

/**
 * A PDF's bytes for the structure parse (pdf-structure.ts) without its JPEG image data: a buffer
 * the file's size in which every DCTDecode image stream with a direct /Length is left as zeros
 * (never written, so never resident: an untouched calloc'd page costs no RAM). Offsets are the
 * file's, so a page's JPEG range is found as before, and the parse of a 500-page scanned PDF holds
 * its dictionaries, not its 300 MB of scans. Everything else (content, fonts, object and xref
 * streams) is copied as it is.
 */
export async function readPdfSkeleton(file: string, size: number): Promise<Uint8Array> {
  const out = Buffer.alloc(size);
  const scratch = Buffer.allocUnsafe(CHUNK);
  const handle = await open(file, 'r');
  try {
    let pos = 0;
    while (pos < size) {
      const { bytesRead } = await handle.read(scratch, 0, Math.min(CHUNK, size - pos), pos);
      if (bytesRead === 0) break;
      const chunk = scratch.subarray(0, bytesRead);
      const skip = firstImageBody(chunk, out, pos);
      if (skip) {
        chunk.copy(out, pos, 0, skip.start - pos);
        pos = skip.end;
        continue;
      }
      chunk.copy(out, pos);
      // A keyword cut by the chunk's end is seen whole by the next read.
      pos += bytesRead === CHUNK ? bytesRead - 32 : bytesRead;
    }
  } finally {
    await handle.close();
  }
  return out;
}

/** The first JPEG image body in `chunk` (read at `at`), whose dictionary may begin in `out`. */
function firstImageBody(chunk: Buffer, out: Buffer, at: number): { start: number; end: number } | undefined {
  const text = chunk.toString('latin1');
  for (const m of text.matchAll(/(?<!end)stream(\r\n|\n)/g)) {
    const k = m.index;
    // The dictionary before the keyword: partly in this chunk, partly copied before it.
    const from = Math.max(0, at + k - DICT_LOOKBACK);
    const before = Buffer.concat([out.subarray(from, at), chunk.subarray(0, k)]).toString('latin1');
    const head = before.slice(before.lastIndexOf(' obj') + 1);
    if (!/\/DCTDecode\b/.test(head) || !/\/Subtype\s*\/Image\b/.test(head)) continue;
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(head);
    if (!length || Number(length[1]) < MIN_SKIP) continue;
    const start = at + k + m[0].length;
    return { start, end: start + Number(length[1]) };
  }
  return undefined;
}
