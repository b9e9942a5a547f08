import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, inspectInputs, recognizePages } from '../../../ocr/src/index';

const samples = path.resolve(__dirname, '../../../fixtures/corpus-samples');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hoso-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, bytes);
  return p;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid-looking PNG whose header claims 60000 × 60000 pixels: a few hundred bytes on disk. */
function bombPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60000, 0);
  ihdr.writeUInt32BE(60000, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(60001))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal PDF whose trailer names an /Encrypt dictionary (standard security handler). */
function encryptedPdf(): string {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    '<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00> /U <00> >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<01> <01>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

/** The fax TIFF with its compression tag rewritten to JBIG (34661), which libtiff cannot decode. */
function jbigTiff(): Buffer {
  const tif = Buffer.from(readFileSync(path.join(samples, '04-v4-fax.tif')));
  const le = tif[0] === 0x49;
  const ifd = le ? tif.readUInt32LE(4) : tif.readUInt32BE(4);
  const count = le ? tif.readUInt16LE(ifd) : tif.readUInt16BE(ifd);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    const tag = le ? tif.readUInt16LE(e) : tif.readUInt16BE(e);
    if (tag === 259) {
      if (le) tif.writeUInt16LE(34661, e + 8);
      else tif.writeUInt16BE(34661, e + 8);
    }
  }
  return tif;
}

async function inputError(files: string[]): Promise<InputError> {
  const err = await inspectInputs(files).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('bad inputs are refused up front with a specific, named error', () => {
  const jpeg = readFileSync(path.join(samples, '01-v2-skew.jpg'));
  const cases: [string, () => string, string][] = [
    ['zero-byte file', () => file('empty.jpg', ''), 'empty-file'],
    ['truncated JPEG', () => file('cut.jpg', jpeg.subarray(0, jpeg.length >> 1)), 'corrupt-file'],
    ['text file named .pdf', () => file('notes.pdf', 'Biên bản ghi lời khai\n'), 'not-a-pdf'],
    ['unknown format', () => file('scan.jpg', 'GIF89a not really'), 'unsupported-format'],
    ['encrypted PDF', () => file('locked.pdf', encryptedPdf()), 'encrypted-pdf'],
    ['truncated PDF', () => file('cut.pdf', encryptedPdf().slice(0, 200)), 'corrupt-file'],
    ['decompression bomb', () => file('bomb.png', bombPng()), 'image-too-large'],
    ['unsupported TIFF compression', () => file('jbig.tif', jbigTiff()), 'unsupported-tiff-compression'],
    ['missing file', () => path.join(tmp, 'nope.png'), 'not-found'],
  ];
  for (const [what, make, code] of cases) {
    it(`${what} → ${code}`, async () => {
      const p = make();
      const err = await inputError([path.join(samples, '04-v4-fax.tif'), p]);
      expect(err.code).toBe(code);
      expect(err.file).toBe(p);
      expect(err.message).toContain(p);
    });
  }

  it('names the page of a bad TIFF page', async () => {
    const err = await inputError([file('jbig2.tif', jbigTiff())]);
    expect(err.page).toBe(1);
    expect(err.message).toMatch(/page 1/);
  });

  it('with skipBadPages, reports bad inputs instead of throwing', async () => {
    const bad = file('empty2.png', '');
    const res = await inspectInputs([path.join(samples, '04-v4-fax.tif'), bad], { skipBadPages: true });
    expect(res.pagesTotal).toBe(1);
    expect(res.skipped.map((s) => [s.file, s.error.code])).toEqual([[bad, 'empty-file']]);
  });

  it('recognizePages refuses bad input before any recognition', async () => {
    const gen = recognizePages([file('empty3.tif', '')], {
      lang: 'vie',
      jobs: 1,
      forceOcr: false,
      skipBadPages: false,
    });
    await expect(gen.next()).rejects.toMatchObject({ name: 'InputError', code: 'empty-file' });
  });

  it('an aborted job stops with an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const gen = recognizePages([path.join(samples, '04-v4-fax.tif')], {
      lang: 'vie',
      jobs: 1,
      forceOcr: false,
      skipBadPages: false,
      signal: controller.signal,
    });
    await expect(gen.next()).rejects.toMatchObject({ name: 'AbortError' });
  });
});
