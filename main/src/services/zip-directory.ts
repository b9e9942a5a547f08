import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { hostFail } from './host-error';

/**
 * Just enough of the zip format to read a .hoso bundle from disk without loading it: the central
 * directory (at the end of the file) gives every entry's offset and sizes, and entries are then
 * streamed by byte range. A truncated file has no end-of-directory record and is refused.
 * ZIP64 is not supported (bundles stay under 4 GB).
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
      at += 46 + nameLength + extraLength + commentLength;
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, localOffset);
      if (local.readUInt32LE(0) !== LOCAL) corrupt(`bad entry ${name}`);
      const dataOffset = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataOffset + compressedSize > cdOffset) corrupt(`entry ${name} runs past the data`);
      if (method !== 0 && method !== 8) corrupt(`entry ${name} uses an unsupported compression`);
      entries.set(name, { name, method, compressedSize, size: uncompressed, dataOffset });
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The entry's uncompressed bytes as a stream. */
export function entryStream(file: string, entry: ZipEntry): Readable {
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, {
    start: entry.dataOffset,
    end: entry.dataOffset + entry.compressedSize - 1,
  });
  return entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
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
