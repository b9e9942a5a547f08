/**
 * The frames hoso-tesseract (ocr/native/hoso-tesseract.cpp) reads and writes; all integers are
 * little-endian uint32. Keep in step with the C++ side.
 */
export const REQUEST_MAGIC = 0x51534f48; // "HOSQ"
export const REPLY_MAGIC = 0x52534f48; // "HOSR"
export const REQUEST_HEADER_BYTES = 24;
const REPLY_HEADER_BYTES = 12;

/** 1: 8-bit grey, a byte a pixel. 0: black and white, a bit a pixel, rows padded to a byte, 1 = black. */
export type PixelFormat = 0 | 1;

export interface PageRequest {
  width: number;
  height: number;
  format: PixelFormat;
  dpi: number;
  pixels: Uint8Array;
}

/** The request's header; the pixels follow it as they are, never copied into one buffer. */
export function requestHeader(r: PageRequest): Buffer {
  const header = Buffer.alloc(REQUEST_HEADER_BYTES);
  [REQUEST_MAGIC, r.width, r.height, r.format, r.dpi, r.pixels.length].forEach((v, i) =>
    header.writeUInt32LE(v, i * 4),
  );
  return header;
}

export type Reply =
  { kind: 'ready'; version: string } | { kind: 'tsv'; tsv: string } | { kind: 'error'; message: string };

const KINDS = ['ready', 'tsv', 'error'] as const;

/**
 * Cuts the helper's stdout into replies as chunks arrive. Throws on anything that is not a frame
 * or on a frame longer than `maxBytes`: the stream can then not be trusted and the process goes.
 */
export class ReplyReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): Reply[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const replies: Reply[] = [];
    for (;;) {
      if (this.buffered < REPLY_HEADER_BYTES) return replies;
      const head = this.peek(REPLY_HEADER_BYTES);
      if (head.readUInt32LE(0) !== REPLY_MAGIC)
        throw new Error('hoso-tesseract wrote something that is not a reply');
      const kind = KINDS[head.readUInt32LE(4)];
      const length = head.readUInt32LE(8);
      if (!kind) throw new Error(`hoso-tesseract wrote an unknown reply kind ${head.readUInt32LE(4)}`);
      if (length > this.maxBytes) throw new Error('hoso-tesseract wrote more output than a page can hold');
      if (this.buffered < REPLY_HEADER_BYTES + length) return replies;
      const frame = this.take(REPLY_HEADER_BYTES + length);
      const text = frame.toString('utf8', REPLY_HEADER_BYTES);
      replies.push(
        kind === 'ready'
          ? { kind, version: text }
          : kind === 'tsv'
            ? { kind, tsv: text }
            : { kind, message: text },
      );
    }
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, n);
  }
}
