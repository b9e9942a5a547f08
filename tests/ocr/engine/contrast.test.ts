import { describe, expect, it } from 'vitest';
import { percentiles, prepareForRecognition } from '../../../ocr/src/preprocess/prepare';

describe('contrast stretch of stamped pages', () => {
  it('finds the 1st and 99th grey percentiles', () => {
    // 1000 pixels: 5 at 10, 990 spread over 60..200, 5 at 250.
    const data = new Uint8Array(1000);
    data.fill(10, 0, 5);
    for (let i = 5; i < 995; i++) data[i] = 60 + Math.floor(((i - 5) / 990) * 141);
    data.fill(250, 995);
    const { low, high } = percentiles(data, 0.01, 0.99);
    expect(low).toBeGreaterThanOrEqual(60);
    expect(low).toBeLessThanOrEqual(62);
    expect(high).toBeGreaterThanOrEqual(198);
    expect(high).toBeLessThanOrEqual(200);
  });

  it('stretches a low-contrast stamped page to full black and white', async () => {
    // Yellowed paper (grey ~200 after ink removal), faded text (~90), and a red seal ring.
    const width = 400;
    const height = 400;
    const data = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const text = y % 40 < 12 && x % 9 < 5;
        const r = Math.hypot(x - 200, y - 200);
        const rgb = Math.abs(r - 120) < 4 ? [205, 35, 45] : text ? [90, 88, 80] : [200, 195, 170];
        data.set(rgb, (y * width + x) * 3);
      }
    const page = await prepareForRecognition(
      { data, width, height, channels: 3 },
      { dpi: 250, exifRotation: 0 },
    );
    const pixels = page.image.subarray(page.image.length - width * height);
    expect(pixels.reduce((a, b) => Math.min(a, b), 255)).toBeLessThan(10);
    expect(pixels.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(245);
  });
});
