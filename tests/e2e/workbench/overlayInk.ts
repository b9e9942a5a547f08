import sharp from 'sharp';
import type { Page } from 'playwright-core';

/**
 * Does the invisible word layer sit on the printed words? Screenshots the page as drawn (the word
 * layer is transparent), then compares the ink under the word boxes with the ink of the whole
 * page. If the image were turned or straightened differently from the OCR frame, the boxes would
 * fall on margins and line gaps and hold no more ink than the page on average.
 */
export async function overlayInkRatio(
  page: Page,
): Promise<{ words: number; ratio: number; control: number }> {
  // Notifications (e.g. "imported from the scanner folder") can float over the sheet and darken
  // the page mean the ratio is taken against: close them before the screenshot.
  for (const close of await page.locator('.toast-close').all()) await close.click().catch(() => undefined);
  await page
    .locator('.toast')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  const sheet = page.locator('.page-sheet');
  const boxes = await sheet.evaluate((el) => {
    const origin = el.getBoundingClientRect();
    return [...el.querySelectorAll<HTMLElement>('.ocr-word')]
      .filter((w) => (w.textContent ?? '').length >= 3)
      .map((w) => {
        const r = w.getBoundingClientRect();
        return [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top];
      });
  });
  const png = await sheet.screenshot();
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    let sum = 0;
    let n = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(info.height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(info.width, Math.ceil(x1)); x++) {
        sum += 255 - data[y * info.width + x];
        n++;
      }
    }
    return { sum, n };
  };
  const mean = (() => {
    const all = ink(0, 0, info.width, info.height);
    return all.sum / Math.max(1, all.n);
  })();
  const ratioOf = (list: number[][]) => {
    let sum = 0;
    let n = 0;
    for (const [x0, y0, x1, y1] of list) {
      const r = ink(x0, y0, x1, y1);
      sum += r.sum;
      n += r.n;
    }
    return n && mean ? sum / n / mean : 0;
  };
  // Control: the same boxes moved half a line down, as a slightly wrong deskew or offset would.
  const shifted = boxes.map(([x0, y0, x1, y1]) => [x0, y0 + (y1 - y0) * 0.75, x1, y1 + (y1 - y0) * 0.75]);
  return { words: boxes.length, ratio: ratioOf(boxes), control: ratioOf(shifted) };
}
