import type { Locator } from 'playwright-core';

/**
 * Waits until every image inside `scope` has loaded and decoded (`complete`, `naturalWidth > 0`,
 * `decode()` settled) and the browser has painted a frame after that. A screenshot or a pixel
 * measurement taken before then sees a blank sheet; on a busy machine that moment comes late
 * (issue 9: "ink under the words … expected 0 to be greater than 1.8").
 */
export async function waitForPaintedImages(scope: Locator, timeout = 60_000): Promise<void> {
  await scope.first().waitFor({ timeout });
  await scope.page().waitForFunction(
    (el) => {
      const imgs = el instanceof HTMLImageElement ? [el] : [...el.querySelectorAll('img')];
      return imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0);
    },
    await scope.first().elementHandle(),
    { timeout, polling: 100 },
  );
  await scope.first().evaluate(async (el) => {
    const imgs = el instanceof HTMLImageElement ? [el] : [...el.querySelectorAll('img')];
    await Promise.all(imgs.map((img) => img.decode().catch(() => undefined)));
    // Two frames: the first commits the decoded image, the second is painted with it.
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  });
}
