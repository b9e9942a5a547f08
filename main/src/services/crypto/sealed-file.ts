import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { hostFail } from '../host-error';

/**
 * The sealed-file format (HoSo's per-file encryption at rest): AES-256-GCM in fixed-size
 * segments, the "STREAM" construction of Hoang, Reyhanitabar, Rogaway and Vizár (CRYPTO 2015) with
 * the segment-nonce layout of Google Tink's AES-GCM-HKDF streaming AEAD. A 600 MB scan is sealed and
 * opened one segment at a time, so memory stays at one segment whatever the file size.
 *
 *   header (49 bytes)  "HOSOSEAL" | version=1 | log2(segment size) | salt (32) | nonce prefix (7)
 *   segment i          AES-256-GCM(fileKey, nonce_i, plaintext_i, aad=header) || tag (16)
 *   fileKey            HKDF-SHA256(dataKey, salt, "hoso sealed-file v1", 32)
 *   nonce_i            nonce prefix (7) | uint32be(i) | 0x01 on the last segment, else 0x00
 *
 * Every segment but the last holds exactly `segment size` plaintext bytes; the last holds 0..size
 * (an empty file is one empty last segment). Changing, swapping, dropping or appending a segment,
 * or cutting the file short, fails authentication; a fresh salt per file means a fresh key per
 * file, so random nonces never repeat under one key.
 */
export const SEAL_MAGIC = Buffer.from('HOSOSEAL', 'latin1');
export const HEADER_BYTES = 49;
export const TAG_BYTES = 16;
const VERSION = 1;
export const DEFAULT_SEGMENT_LOG2 = 18; // 256 KiB
const INFO = Buffer.from('hoso sealed-file v1');

export const isSealed = (head: Uint8Array): boolean =>
  head.byteLength >= SEAL_MAGIC.byteLength &&
  SEAL_MAGIC.equals(Buffer.from(head.subarray(0, SEAL_MAGIC.byteLength)));

function fileKey(dataKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, INFO, 32));
}

function nonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, 7);
  n[11] = last ? 1 : 0;
  return n;
}

/** Seals a stream of plaintext chunks; yields the header, then one sealed segment at a time. */
export async function* sealStream(
  dataKey: Buffer,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  segmentLog2 = DEFAULT_SEGMENT_LOG2,
): AsyncGenerator<Buffer> {
  const segment = 2 ** segmentLog2;
  const salt = randomBytes(32);
  const prefix = randomBytes(7);
  const header = Buffer.concat([SEAL_MAGIC, Buffer.from([VERSION, segmentLog2]), salt, prefix]);
  const key = fileKey(dataKey, salt);
  yield header;
  let index = 0;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index++, last));
    cipher.setAAD(header);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };
  // One segment is held back until more bytes arrive, so the last one can be flagged as last.
  let pending = Buffer.alloc(0);
  for await (const chunk of source) {
    pending = pending.byteLength ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    while (pending.byteLength > segment) {
      yield seal(pending.subarray(0, segment), false);
      pending = pending.subarray(segment);
    }
  }
  yield seal(pending, true);
}

/** Opens a sealed stream; yields verified plaintext segments. Any damage → INTEGRITY_ERROR. */
export async function* openStream(
  dataKey: Buffer,
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  what = 'file',
): AsyncGenerator<Buffer> {
  let buffered = Buffer.alloc(0);
  let header: Buffer | undefined;
  let key: Buffer | undefined;
  let prefix: Buffer | undefined;
  let sealedSegment = 0;
  let index = 0;
  const damaged = (why: string): never =>
    hostFail('INTEGRITY_ERROR', `The encrypted ${what} is damaged or was changed (${why}).`, { file: what });
  const open = (sealed: Buffer, last: boolean): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', key!, nonce(prefix!, index++, last));
    decipher.setAAD(header!);
    decipher.setAuthTag(sealed.subarray(sealed.byteLength - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(sealed.subarray(0, sealed.byteLength - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      return damaged(`segment ${index - 1} fails authentication`);
    }
  };
  for await (const chunk of source) {
    buffered = buffered.byteLength ? Buffer.concat([buffered, chunk]) : Buffer.from(chunk);
    if (!header) {
      if (buffered.byteLength < HEADER_BYTES) continue;
      header = Buffer.from(buffered.subarray(0, HEADER_BYTES));
      if (!isSealed(header) || header[8] !== VERSION) damaged('not a HoSo sealed file');
      const log2 = header[9];
      if (log2 < 12 || log2 > 24) damaged('bad segment size');
      sealedSegment = 2 ** log2 + TAG_BYTES;
      key = fileKey(dataKey, header.subarray(10, 42));
      prefix = header.subarray(42, 49);
      buffered = buffered.subarray(HEADER_BYTES);
    }
    // A full segment is opened as not-last only once a byte beyond it proves more follows.
    while (buffered.byteLength > sealedSegment) {
      yield open(buffered.subarray(0, sealedSegment), false);
      buffered = buffered.subarray(sealedSegment);
    }
  }
  if (!header) damaged('shorter than its header');
  if (buffered.byteLength < TAG_BYTES) damaged('cut short');
  const lastPlain = open(buffered, true);
  if (lastPlain.byteLength) yield lastPlain;
}

export async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

export const sealBytes = (dataKey: Buffer, plain: Uint8Array, segmentLog2?: number): Promise<Buffer> =>
  collect(sealStream(dataKey, [plain], segmentLog2));
export const openBytes = (dataKey: Buffer, sealed: Uint8Array, what?: string): Promise<Buffer> =>
  collect(openStream(dataKey, [sealed], what));
