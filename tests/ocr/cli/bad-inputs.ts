import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { SCANS } from '../pdf/truth-pages';

/**
 * The bad inputs of issue 2, generated at test time (small, and no corrupt files in the repo):
 * each is a file a prosecutor's scanner folder might really contain.
 */
export function writeBadInputs(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, [string, Uint8Array]> = {
    zeroByte: ['trang-trong.jpg', new Uint8Array()],
    truncatedJpeg: ['bi-cat.jpg', readFileSync(SCANS.jpeg01).subarray(0, 60_000)],
    corruptPng: ['hong.png', corruptPng()],
    textAsPdf: ['ghi-chu.pdf', Buffer.from('Ghi chú: đây không phải là tệp PDF.\n')],
    encryptedPdf: ['co-mat-khau.pdf', encryptedPdf()],
    pngBomb: ['bom.png', pngHeaderBomb()],
    unsupportedTiff: ['jpeg2000.tif', tiffWithCompression(readFileSync(SCANS.fax0304), 34712)],
  };
  const paths: Record<string, string> = {};
  for (const [key, [name, bytes]] of Object.entries(files)) {
    paths[key] = join(dir, name);
    writeFileSync(paths[key], bytes);
  }
  return paths;
}

/** A real PNG whose compressed image data has been overwritten with noise. */
function corruptPng(): Buffer {
  const png = Buffer.from(readFileSync(SCANS.png02));
  for (let i = 200; i < 5_000; i++) png[i] = (i * 7919) & 0xff;
  return png;
}

/** A valid PNG header claiming 60000 × 60000 pixels (3.6 gigapixels) over a few bytes of data. */
function pngHeaderBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(60_001))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** The fax TIFF with its first page's Compression tag changed (34712 = JPEG 2000, unsupported). */
function tiffWithCompression(tiff: Buffer, compression: number): Buffer {
  const copy = Buffer.from(tiff);
  const ifd = copy.readUInt32LE(4);
  const count = copy.readUInt16LE(ifd);
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (copy.readUInt16LE(at) === 259) copy.writeUInt16LE(compression, at + 8);
  }
  return copy;
}

/** A minimal PDF whose trailer names a Standard security handler: a password-protected file. */
function encryptedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /P -44 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>] >>\n`;
  body += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
