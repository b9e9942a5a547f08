import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { NODE_STYLE } from '@hoso/mindmap';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';
import { flowBox, viewport, zoomOutToCanvas } from './mindmap-view';

/**
 * The map's far-zoom level of detail in Chromium: zoomed out past the threshold the map is one
 * canvas (React Flow renders no DOM node), drawn in the node palette where the nodes are; a click
 * on a node's spot selects it (the inspector shows it), a double-click zooms in on it and the DOM
 * node is back, selected. Screenshots of both views go to tests/e2e/out/mindmap-far/.
 */
const OUT = path.join(repoRoot, 'tests', 'e2e', 'out', 'mindmap-far');

let hoso: HosoInstance;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  hoso = await startHoso();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
});

async function openTemplateMap(page: Page): Promise<void> {
  await page.goto(hoso.url);
  await page
    .getByRole('button', { name: /Tạo vụ án/ })
    .first()
    .click();
  const form = page.locator('form.case-form');
  await form.getByLabel(/Số vụ án/).fill('46/CT-VKSKV3');
  await form.getByLabel(/Tên vụ án/).fill('Ma Văn Khánh lừa đảo chiếm đoạt tài sản');
  await form.getByRole('button', { name: /Thêm bị can/ }).click();
  await form.getByLabel('Họ và tên').last().fill('Ma Văn Khánh');
  await form.getByRole('button', { name: /^Lưu/ }).click();
  await page.waitForURL(/#\/cases\/[^/?]+/);
  await page.getByRole('tab', { name: 'Sơ đồ tư duy' }).click();
  await page.locator('select[name="template"]').selectOption('evidence');
  await page.locator('input[name="map-name"]').fill('Đánh giá chứng cứ');
  await page.getByRole('button', { name: 'Tạo sơ đồ' }).click();
  await page.waitForURL(/\/maps\//);
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
}

function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

test('zoomed far out the map is one canvas; click selects, double-click zooms back to the DOM node', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(OUT, 'failure.png') });
    console.error('page problems:', problems);
  });
  await openTemplateMap(page);
  await page.screenshot({ path: path.join(OUT, 'near.png') });

  // The defendant's node: its id and its box in flow coordinates, read from React Flow's DOM.
  const person = page.locator('.react-flow__node-person').first();
  const id = (await person.getAttribute('data-id'))!;
  const box = await flowBox(person);

  // Zoom out with the wheel until the canvas takes over.
  await zoomOutToCanvas(page);
  const canvas = page.getByTestId('far-canvas');
  await expect.poll(() => canvas.count()).toBe(1);
  expect((await viewport(page)).zoom).toBeLessThan(0.45);
  // React Flow renders no node or edge meanwhile.
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
  expect(await page.locator('.react-flow__edge').count()).toBe(0);
  await page.screenshot({ path: path.join(OUT, 'far.png') });

  // The canvas shows the defendant's node where React Flow would put it, in its palette colour.
  const v = await viewport(page);
  const centre = {
    x: v.x + (box.x + box.width / 2) * v.zoom,
    y: v.y + (box.y + box.height / 2) * v.zoom,
  };
  const pixelAt = (x: number, y: number) =>
    canvas.evaluate(
      (el, [px, py]) => {
        const c = el as HTMLCanvasElement;
        const k = c.width / c.clientWidth;
        return Array.from(
          c.getContext('2d')!.getImageData(Math.round(px * k), Math.round(py * k), 1, 1).data,
        );
      },
      [x, y],
    );
  const fill = hexToRgb(NODE_STYLE.person.fill);
  const [r, g, b, a] = await pixelAt(centre.x, centre.y);
  expect(a).toBe(255);
  expect(Math.abs(r - fill[0]) + Math.abs(g - fill[1]) + Math.abs(b - fill[2])).toBeLessThan(12);
  // Blank canvas outside the map.
  expect((await pixelAt(3, 3))[3]).toBe(0);

  // A click there selects it: the inspector shows the defendant, and the canvas draws the ring.
  const canvasBox = (await canvas.boundingBox())!;
  await page.mouse.click(canvasBox.x + centre.x, canvasBox.y + centre.y);
  await expect
    .poll(() =>
      page.locator('.mm-inspector input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    )
    .toContain('Ma Văn Khánh');
  const ringY = v.y + (box.y - 1.5 / v.zoom) * v.zoom; // the ring sits just outside the top border
  await expect
    .poll(async () => {
      const [rr, gg, bb] = await pixelAt(centre.x, ringY);
      return bb > rr + 60 && bb > gg + 30; // the selection blue
    })
    .toBe(true);
  await page.screenshot({ path: path.join(OUT, 'far-selected.png') });

  // A double-click zooms in on it: the DOM node is back, still selected.
  await page.mouse.dblclick(canvasBox.x + centre.x, canvasBox.y + centre.y);
  await expect.poll(() => canvas.count()).toBe(0);
  const back = page.locator(`.react-flow__node[data-id="${id}"]`);
  await expect.poll(() => back.isVisible()).toBe(true);
  await expect.poll(() => back.getAttribute('class')).toContain('selected');
  expect((await viewport(page)).zoom).toBeGreaterThan(0.48);
  await page.screenshot({ path: path.join(OUT, 'near-again.png') });

  // Zoom to fit (React Flow's control) from far zoom fits the whole map, hidden nodes included.
  await zoomOutToCanvas(page);
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => canvas.count()).toBe(0);
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
  expect(problems).toEqual([]);
});
