import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { planInputs } from '../../../ocr/src/decode/inspect';
import { decodePage } from '../../../ocr/src/decode/raster';
import { prepareForRecognition, readPgm } from '../../../ocr/src/preprocess/prepare';
import { packBilevel, pageTiff } from '../../../ocr/src/recognize/page-tiff';
import { DEFAULT_ENGINE } from '../../../ocr/src/recognize/recognizer';

const samples = path.resolve(__dirname, '../../../fixtures/corpus-samples');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hoso-page-tiff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** TSV of native Tesseract from this input (a file path, or stdin with these bytes). */
function tsv(input: string, dpi: number, stdin?: Buffer): string {
  const args = [input, 'stdout', '-l', 'vie', '--psm', DEFAULT_ENGINE.psm, '--dpi', String(dpi)];
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const out = spawnSync('tesseract', [...args, '-c', 'tessedit_create_tsv=1'], {
    input: stdin,
    env,
    maxBuffer: 16 << 20,
  });
  expect(out.status, out.stderr.toString()).toBe(0);
  return out.stdout.toString();
}

async function prepared(file: string) {
  const { plans } = await planInputs([file]);
  const page = plans[0].pages[0];
  const raster = await decodePage(page, new Uint8Array(readFileSync(file)));
  const { image } = await prepareForRecognition(raster, { dpi: page.dpi, exifRotation: page.exifRotation });
  return { pgm: image, grey: readPgm(image)!, dpi: DEFAULT_ENGINE.recognitionDpi };
}

describe('prepared pages go to native Tesseract as uncompressed TIFF', () => {
  it('packs a black-and-white page into 1-bit rows and leaves a grey one alone', () => {
    const data = Buffer.from([0, 255, 255, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0]);
    // Row 1: 0 1 1 0 0 0 0 0 | 0 → black where 0: 1001 1111 1 → 0x9f 0x80; row 2: 0000 0000 1 → 0x00 0x80.
    expect([...packBilevel({ data, width: 9, height: 2 })!]).toEqual([0x9f, 0x80, 0x00, 0x80]);
    expect(packBilevel({ data: Buffer.from([0, 128, 255, 0]), width: 2, height: 2 })).toBeUndefined();
  });

  it('writes TIFFs that another reader decodes to the same pixels, grey and 1-bit', async () => {
    const grey = { data: Buffer.from([0, 17, 128, 255, 3, 250]), width: 3, height: 2 };
    const bw = {
      data: Buffer.from([0, 255, 255, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0]),
      width: 9,
      height: 2,
    };
    for (const g of [grey, bw]) {
      const file = Buffer.concat(pageTiff(g, 250));
      const { data, info } = await sharp(file)
        .toColourspace('b-w')
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([g.width, g.height, 1]);
      expect([...data]).toEqual([...g.data]);
      expect((await sharp(file).metadata()).density).toBe(250);
    }
  });

  it('reads a fax page and a scan to the same TSV from the TIFF (file or stdin) as from the PGM', async () => {
    for (const name of ['04-v4-fax.tif', '03-v3-seal.jpg']) {
      const { pgm, grey, dpi } = await prepared(path.join(samples, name));
      const tiff = Buffer.concat(pageTiff(grey, dpi));
      const file = path.join(tmp, `${name}.tif`);
      writeFileSync(file, tiff);
      const fromPgm = tsv('stdin', dpi, pgm);
      expect(fromPgm.split('\n').length, name).toBeGreaterThan(100);
      expect(tsv(file, dpi), name).toBe(fromPgm);
      expect(tsv('stdin', dpi, tiff), name).toBe(fromPgm);
    }
  }, 180_000);
});
