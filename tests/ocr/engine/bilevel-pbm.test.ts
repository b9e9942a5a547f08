import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planInputs } from '../../../ocr/src/decode/inspect';
import { decodePage } from '../../../ocr/src/decode/raster';
import { bilevelPbm, prepareForRecognition, toPgm } from '../../../ocr/src/preprocess/prepare';
import { DEFAULT_ENGINE } from '../../../ocr/src/recognize/recognizer';

const fax = path.resolve(__dirname, '../../../fixtures/corpus-samples/04-v4-fax.tif');

describe('black-and-white pages go to native Tesseract as 1-bit PBM', () => {
  it('packs a black-and-white PGM into PBM bits and leaves a grey one alone', () => {
    const bw = toPgm({
      data: Buffer.from([0, 255, 255, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 0]),
      width: 9,
      height: 2,
    });
    const pbm = bilevelPbm(bw)!;
    expect(pbm.subarray(0, 7).toString('latin1')).toBe('P4\n9 2\n');
    // Row 1: 0 1 1 0 0 0 0 0 | 0 → black where 0: 1001 1111 1 → 0x9f 0x80; row 2: 0000 0000 1 → 0x00 0x80.
    expect([...pbm.subarray(7)]).toEqual([0x9f, 0x80, 0x00, 0x80]);
    expect(bilevelPbm(toPgm({ data: Buffer.from([0, 128, 255, 0]), width: 2, height: 2 }))).toBeUndefined();
  });

  it('reads a fax page to the same TSV from the PBM as from the PGM', async () => {
    const { plans } = await planInputs([fax]);
    const page = plans[0].pages[0];
    const raster = await decodePage(page, new Uint8Array(readFileSync(fax)));
    const { image } = await prepareForRecognition(raster, { dpi: page.dpi, exifRotation: page.exifRotation });
    const pbm = bilevelPbm(image);
    expect(pbm).toBeDefined();
    const args = [
      'stdin',
      'stdout',
      '-l',
      'vie',
      '--psm',
      DEFAULT_ENGINE.psm,
      '--dpi',
      String(page.dpi),
      '-c',
      'tessedit_create_tsv=1',
    ];
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
    const tsv = (input: Buffer) =>
      spawnSync('tesseract', args, { input, env, maxBuffer: 16 << 20 }).stdout.toString();
    const fromPgm = tsv(image);
    expect(fromPgm).toMatch(/\tCỘNG\n/);
    expect(tsv(pbm!)).toBe(fromPgm);
  }, 120_000);
});
