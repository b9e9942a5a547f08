import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { planInputs } from '../../../ocr/src/decode/inspect';
import { decodePage } from '../../../ocr/src/decode/raster';
import { prepareForRecognition } from '../../../ocr/src/preprocess/prepare';

const samples = path.resolve(__dirname, '../../../fixtures/corpus-samples');

/** Turn and skew prepare finds for a sample page, optionally turned by `turn` degrees first. */
async function layoutOf(name: string, turn = 0) {
  const file = path.join(samples, name);
  const page = (await planInputs([file])).plans[0].pages[0];
  let bytes = new Uint8Array(readFileSync(file));
  if (turn) bytes = new Uint8Array(await sharp(bytes).rotate(turn).png().toBuffer());
  const raster = await decodePage({ ...page, format: turn ? 'png' : page.format }, bytes);
  const { rotation, deskewDeg } = await prepareForRecognition(raster, { dpi: page.dpi, exifRotation: 0 });
  return { rotation, deskewDeg };
}

describe('page layout from the small analysis copy', () => {
  it('turns a sideways page and an upside-down one upright', async () => {
    expect((await layoutOf('05-v5-rot90.jpg')).rotation).toBe(270);
    expect(await layoutOf('02-v0-clean.png', 180)).toEqual({ rotation: 180, deskewDeg: 0 });
    expect(await layoutOf('04-v4-fax.tif', 90)).toMatchObject({ rotation: 270 });
  });

  it('finds the skew of a skewed scan to a tenth of a degree', async () => {
    const { rotation, deskewDeg } = await layoutOf('01-v2-skew.jpg');
    expect(rotation).toBe(0);
    expect(Math.abs(deskewDeg - 1.9)).toBeLessThan(0.1);
  });
});
