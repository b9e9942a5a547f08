import { describe, expect, it } from 'vitest';
import { hasColouredInk, suppressColouredInk } from '../../../ocr/src/preprocess/ink';

/** 60×60 yellowed paper, a black vertical stroke (x 28–31) and a red seal ring band (y 26–33) over it. */
function sealedStroke(): { data: Buffer; width: number; height: number; channels: 3 } {
  const width = 60;
  const height = 60;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      let rgb = [240, 232, 205];
      if (x >= 28 && x <= 31) rgb = [30, 30, 30];
      if (y >= 26 && y <= 33) rgb = [205, 35, 45];
      data.set(rgb, i);
    }
  return { data, width, height, channels: 3 };
}

describe('suppressColouredInk', () => {
  it('removes the seal and rejoins the black stroke it covered', () => {
    const grey = suppressColouredInk(sealedStroke());
    const at = (x: number, y: number) => grey.data[y * grey.width + x];
    for (let y = 26; y <= 33; y++) {
      expect(at(29, y)).toBeLessThan(100); // the stroke under the ring is dark again
      expect(at(10, y)).toBeGreaterThan(200); // paper under the ring is paper
    }
    expect(at(29, 10)).toBeLessThan(60);
    expect(at(10, 10)).toBeGreaterThan(200);
  });

  it('with inpainting off only lightens the ring, leaving the stroke cut', () => {
    const grey = suppressColouredInk(sealedStroke(), { inpaintFrom: 0 });
    expect(grey.data[30 * grey.width + 29]).toBeGreaterThan(200);
  });

  it('keeps black strokes that JPEG chroma tinted red beside the ring', () => {
    const page = sealedStroke();
    // A dark reddish fringe on the stroke just above the ring (r 100, g/b 25: excess 75 ≥ 60).
    for (let y = 22; y <= 25; y++)
      for (let x = 28; x <= 31; x++) page.data.set([100, 25, 25], (y * page.width + x) * 3);
    const grey = suppressColouredInk(page);
    for (let y = 22; y <= 25; y++) expect(grey.data[y * grey.width + 29]).toBeLessThan(110);
    expect(grey.data[30 * grey.width + 10]).toBeGreaterThan(200); // the bright ring still goes
  });
});

it('leaves pixels without red or blue excess at their brightest channel (never darker)', () => {
  const page = sealedStroke();
  page.data.set([150, 170, 160], (5 * page.width + 5) * 3); // greenish grey: negative red and blue excess
  expect(suppressColouredInk(page).data[5 * page.width + 5]).toBe(170);
});

describe('hasColouredInk', () => {
  /** 300×300 grey paper with JPEG-like colour noise (±12 per channel) and a black text band. */
  function greyPage(): { data: Buffer; width: number; height: number; channels: 3 } {
    const width = 300;
    const height = 300;
    const data = Buffer.alloc(width * height * 3);
    let seed = 7;
    const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 25) - 12;
    for (let p = 0; p < width * height; p++) {
      const base = Math.floor(p / width) % 40 < 10 ? 40 : 235;
      data.set(
        [base + noise(), base + noise(), base + noise()].map((v) => Math.max(0, Math.min(255, v))),
        p * 3,
      );
    }
    return { data, width, height, channels: 3 };
  }

  it('tells a grey page stored as colour from one with a seal or a thin blue signature', () => {
    const page = greyPage();
    expect(hasColouredInk(page)).toBe(false);
    const signed = greyPage();
    // A 3-px wide blue pen stroke, 60 px long: the sampling grid must still see it.
    for (let y = 100; y < 160; y++)
      for (let x = 151; x < 154; x++) signed.data.set([40, 60, 170], (y * signed.width + x) * 3);
    expect(hasColouredInk(signed)).toBe(true);
    expect(hasColouredInk(sealedStroke())).toBe(true);
  });

  it('converts a grey page without ink to its brightest channel, nothing inpainted', () => {
    const page = greyPage();
    const grey = suppressColouredInk(page);
    expect(grey.inkPixels).toBeUndefined();
    const [r, g, b] = page.data.subarray(0, 3);
    expect(grey.data[0]).toBe(Math.max(r, g, b));
  });
});
