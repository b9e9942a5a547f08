import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { hostFail } from './host-error';

/**
 * Just enough of the zip format to read a .hoso bundle from disk without loading it: the central
 * directory (at the end of the file) gives every entry's offset and sizes, and entries are then
 * streamed by byte range. A truncated file has no end-of-directory record and is refused.
 * ZIP64 is not supported (bundles stay under 4 GB).
 *
 * Bundles come from other machines and may be hostile: names are checked (no duplicates, no
 * absolute or `..` paths, no backslashes or control characters), and every entry inflates with a
 * hard cap at the size it declares and a compression-ratio limit, streamed, so a 1.5 MB bomb
 * declaring 10 bytes stops after 10 bytes instead of filling memory with 1.5 GB.
 */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Deflate can reach ~1000:1 on zeros; scans are stored and JSON deflates ~10:1, so 200:1 is hostile. */
export const MAX_COMPRESSION_RATIO = 200;
/** Below this an entry's ratio is not judged (tiny JSON files compress oddly). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MAX_ENTRIES = 100_000;

const corrupt = (why: string): never =>
  hostFail('BUNDLE_CORRUPT', `The bundle is damaged or truncated (${why}).`);

export async function readZipDirectory(file: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 65535);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) corrupt('no zip directory');
    const count = tail.readUInt16LE(eocd + 10);
    if (count > MAX_ENTRIES) corrupt('too many entries');
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > size) corrupt('bad zip directory');
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries = new Map<string, ZipEntry>();
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== CENTRAL) corrupt('bad directory entry');
      const method = cd.readUInt16LE(at + 10);
      const compressedSize = cd.readUInt32LE(at + 20);
      const uncompressed = cd.readUInt32LE(at + 24);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const localOffset = cd.readUInt32LE(at + 42);
      const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
      if (!isSafeEntryName(name)) corrupt(`unsafe entry name ${JSON.stringify(name.slice(0, 80))}`);
      if (entries.has(name)) corrupt(`entry ${name} appears twice`);
      at += 46 + nameLength + extraLength + commentLength;
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, localOffset);
      if (local.readUInt32LE(0) !== LOCAL) corrupt(`bad entry ${name}`);
      const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataOffset + compressedSize > cdOffset) corrupt(`entry ${name} runs past the data`);
      if (method !== 0 && method !== 8) corrupt(`entry ${name} uses an unsupported compression`);
      if (method === 0 && uncompressed !== compressedSize) corrupt(`entry ${name} has inconsistent sizes`);
      if (
        method === 8 &&
        uncompressed > RATIO_FLOOR_BYTES &&
        uncompressed > compressedSize * MAX_COMPRESSION_RATIO
      )
        corrupt(`entry ${name} is compressed more than ${MAX_COMPRESSION_RATIO}:1 (a decompression bomb)`);
      entries.set(name, { name, method, compressedSize, size: uncompressed, dataOffset });
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** A relative path of plain segments: what a zip-slip or a name-trick bundle never has. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 512 || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/**
 * The entry's uncompressed bytes as a stream, never more than it declared: the inflater is
 * stopped (and the stream fails) on the first byte past `entry.size`, and fails if it ends short.
 */
export function entryStream(file: string, entry: ZipEntry): Readable {
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) corrupt(`entry ${entry.name} is empty but declares ${entry.size} bytes`);
    return Readable.from([]);
  }
  const raw = createReadStream(file, {
    start: entry.dataOffset,
    end: entry.dataOffset + entry.compressedSize - 1,
  });
  if (entry.method !== 8) return raw;
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  let produced = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      produced += chunk.byteLength;
      if (produced > entry.size) {
        inflate.destroy();
        raw.destroy();
        done(new Error(`${entry.name} inflates past its declared ${entry.size} bytes`));
        return;
      }
      done(null, chunk);
    },
    flush(done) {
      done(produced === entry.size ? null : new Error(`${entry.name} is shorter than it declares`));
    },
  });
  raw.on('error', (err) => cap.destroy(err));
  inflate.on('error', (err) => cap.destroy(err));
  return raw.pipe(inflate).pipe(cap);
}

export async function entryBytes(file: string, entry: ZipEntry, limit = 256 * 1024 * 1024): Promise<Buffer> {
  if (entry.size > limit) corrupt(`${entry.name} is too large`);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of entryStream(file, entry)) chunks.push(chunk as Buffer);
  } catch (err) {
    corrupt(`${entry.name}: ${(err as Error).message}`);
  }
  return Buffer.concat(chunks);
}
