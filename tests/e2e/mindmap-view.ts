import type { Locator, Page } from 'playwright-core';

/** React Flow's viewport transform: translate(x, y) scale(zoom). */
export async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const [a, , , , e, f] = t
    .replace(/^matrix\(|\)$/g, '')
    .split(',')
    .map(Number);
  return { x: e, y: f, zoom: a };
}

export async function zoomOutToCanvas(page: Page): Promise<void> {
  const paneBox = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(paneBox.x + paneBox.width / 2, paneBox.y + paneBox.height / 2);
  for (let i = 0; i < 12 && !(await page.getByTestId('far-canvas').count()); i++) {
    const before = (await viewport(page)).zoom;
    await page.mouse.wheel(0, 400);
    // Each notch must have been applied before the next: wait for the zoom to change (or for the
    // far canvas) instead of a fixed pause that a busy machine overruns.
    await page.waitForFunction(
      (zoom) => {
        if (document.querySelector('[data-testid="far-canvas"]')) return true;
        const el = document.querySelector('.react-flow__viewport');
        const m = el && /matrix\(([-\d.e]+)/.exec(getComputedStyle(el).transform);
        return !!m && Math.abs(Number(m[1]) - zoom) > 1e-6;
      },
      before,
      { timeout: 30_000 },
    );
  }
}

/** A React Flow node's box in flow coordinates (its translate and size), read from the DOM. */
export function flowBox(node: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  return node.evaluate((el) => {
    const div = el as HTMLElement;
    const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(div.style.transform)!;
    return { x: Number(m[1]), y: Number(m[2]), width: div.offsetWidth, height: div.offsetHeight };
  });
}

/**
 * The viewport a whole-map fit gives (padding 0.1, at most 1:1, as React Flow's getViewportForBounds
 * computes it), from the nodes on screen — after such a fit every node is on screen, so rendered.
 */
export async function wholeMapFit(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const boxes = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const div = el as HTMLElement;
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(div.style.transform)!;
      return { x: Number(m[1]), y: Number(m[2]), width: div.offsetWidth, height: div.offsetHeight };
    }),
  );
  const { w, h } = await page
    .locator('.react-flow')
    .evaluate((el) => ({ w: el.clientWidth, h: el.clientHeight }));
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const bw = Math.max(...boxes.map((b) => b.x + b.width)) - x0;
  const bh = Math.max(...boxes.map((b) => b.y + b.height)) - y0;
  const pad = (size: number) => 2 * Math.floor((size - size / 1.1) * 0.5);
  const zoom = Math.max(0.05, Math.min(1, (w - pad(w)) / bw, (h - pad(h)) / bh));
  return { x: w / 2 - (x0 + bw / 2) * zoom, y: h / 2 - (y0 + bh / 2) * zoom, zoom };
}

/** The largest difference between two viewports' zoom, x and y. */
export function viewportDiff(
  a: { x: number; y: number; zoom: number },
  b: { x: number; y: number; zoom: number },
): { zoom: number; x: number; y: number } {
  return { zoom: Math.abs(a.zoom - b.zoom), x: Math.abs(a.x - b.x), y: Math.abs(a.y - b.y) };
}
