/**
 * Just enough DER (X.690) to assemble a CMS signature from parts that must stay byte-exact (the
 * CA's certificates, the issuer Name inside them): values are Buffers of finished encodings, and
 * reading walks tag-length-value triples without decoding what it does not need.
 */

export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), lengthBytes(body.length), body]);
}

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const sequence = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
export const octetString = (bytes: Uint8Array) => tlv(0x04, bytes);
export const nullValue = () => Buffer.from([0x05, 0x00]);
export const smallInteger = (n: number) => tlv(0x02, Buffer.from([n]));
/** [n] with the inner encoding(s) kept (EXPLICIT tagging, or a constructed IMPLICIT SET OF). */
export const contextTag = (n: number, ...parts: Uint8Array[]) => tlv(0xa0 | n, ...parts);

/** DER SET OF: members sorted by their encodings (X.690 11.6). */
export function setOf(...members: Buffer[]): Buffer {
  return tlv(0x31, ...[...members].sort(Buffer.compare));
}

export function objectIdentifier(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

export interface DerElement {
  tag: number;
  /** The whole encoding (tag, length, value). */
  encoded: Buffer;
  /** The value octets alone. */
  value: Buffer;
}

/** The elements one after the other in `bytes` (the contents of a constructed value). */
export function readElements(bytes: Buffer): DerElement[] {
  const out: DerElement[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = bytes[at];
    let length = bytes[at + 1];
    let head = 2;
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count === 0 || count > 4) throw new Error('unsupported DER length');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + bytes[at + 2 + i];
      head += count;
    }
    const end = at + head + length;
    if (end > bytes.length) throw new Error('truncated DER');
    out.push({ tag, encoded: bytes.subarray(at, end), value: bytes.subarray(at + head, end) });
    at = end;
  }
  return out;
}
