import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { flowBox, viewport, viewportDiff, wholeMapFit, zoomOutToCanvas } from './mindmap-view';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';

/**
 * The evidence map, end to end through the real UI in Chromium: create the fixture case, import
 * two scanned pages (real OCR), build a map from a template, add an evidence node by dragging a
 * page region from the map's dossier panel, reload and find it intact, double-click it to open
 * the page at that region, export the PDF and read its text back with pdftotext.
 */
const OUT = path.join(repoRoot, 'tests', 'e2e', 'out', 'mindmap');
const FIXTURES = path.join(repoRoot, 'fixtures', 'sample-dossier');

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

/** The camera holds a whole-map fit (zoom within 1e-3, translation within half a pixel). */
async function expectWholeMapFit(page: Page, what: string): Promise<void> {
  await expect
    .poll(async () => {
      const d = viewportDiff(await viewport(page), await wholeMapFit(page));
      return d.zoom <= 1e-3 && d.x <= 0.5 && d.y <= 0.5;
    })
    .toBe(true);
  const v = await viewport(page);
  console.log(`first open of the ${what}: zoom ${v.zoom.toFixed(4)} (${JSON.stringify(v)})`);
}

async function createCase(page: Page): Promise<void> {
  await page.goto(hoso.url);
  await page
    .getByRole('button', { name: /Tạo vụ án/ })
    .first()
    .click();
  const form = page.locator('form.case-form');
  await form.getByLabel(/Số vụ án/).fill('45/CT-VKSKV3');
  await form.getByLabel(/Tên vụ án/).fill('Ma Văn Khánh lừa đảo chiếm đoạt tài sản');
  await form.getByRole('button', { name: /Thêm tội danh/ }).click();
  await form.getByLabel('Điều', { exact: true }).last().fill('174');
  await form.getByLabel('Khoản', { exact: true }).last().fill('2');
  await form.getByLabel('Điểm', { exact: true }).last().fill('c');
  await form.getByLabel('Tên tội danh').last().fill('Lừa đảo chiếm đoạt tài sản');
  await form.getByRole('button', { name: /Thêm bị can/ }).click();
  await form.getByLabel('Họ và tên').last().fill('Ma Văn Khánh');
  await form.getByLabel('Năm sinh').last().fill('1990');
  // Key dates, entered out of order: the timeline map sorts them.
  for (const [label, date] of [
    ['Truy tố', '2025-06-09'],
    ['Khởi tố vụ án', '2025-03-12'],
  ]) {
    await form.getByRole('button', { name: /Thêm mốc/ }).click();
    await form.getByLabel('Nội dung').last().fill(label);
    await form.getByLabel('Ngày', { exact: true }).last().fill(date);
  }
  await form.getByRole('button', { name: /^Lưu/ }).click();
  await page.waitForURL(/#\/cases\/[^/?]+/);
}

async function importPages(page: Page): Promise<void> {
  await page
    .locator('.dossier-tab input[type="file"][multiple]')
    .setInputFiles([
      path.join(FIXTURES, '02-bien-ban-ghi-loi-khai.jpg'),
      path.join(FIXTURES, '01-quyet-dinh-phe-chuan-khoi-to.jpg'),
    ]);
  // Real OCR in the host: wait until both pages are recognized (Dexie is the app's own store).
  await page.waitForFunction(
    async () =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('hoso');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('pages', 'readonly');
          const all = tx.objectStore('pages').getAll();
          all.onsuccess = () =>
            resolve(
              all.result.length >= 2 &&
                all.result.every((p: { ocrStatus: string }) => p.ocrStatus === 'done'),
            );
          all.onerror = () => resolve(false);
        };
        req.onerror = () => resolve(false);
      }),
    undefined,
    { timeout: 180_000, polling: 1000 },
  );
}

test('build an evidence map from the fixture dossier, link a page region, reload, open, export PDF', async () => {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(OUT, 'failure.png') });
    console.error('page problems:', problems);
  });

  await createCase(page);
  await importPages(page);

  // The case's "Sơ đồ tư duy" tab: create the evidence-evaluation map from its template.
  await page.getByRole('tab', { name: 'Sơ đồ tư duy' }).click();
  await page.locator('select[name="template"]').selectOption('evidence');
  await page.locator('input[name="map-name"]').fill('Đánh giá chứng cứ');
  await page.getByRole('button', { name: 'Tạo sơ đồ' }).click();
  await page.waitForURL(/\/maps\//);
  const mapUrl = page.url();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(8);
  // A first open frames the whole map (a fit of padding 0.1, at most 1:1).
  await expectWholeMapFit(page, 'evidence map');
  // Pre-filled from the case record: the defendant and the charge with its elements.
  await expect
    .poll(() => page.locator('[data-kind="person"]').first().textContent())
    .toContain('Ma Văn Khánh');
  expect(await page.locator('[data-kind="provision"]').first().textContent()).toContain(
    'điểm c khoản 2 Điều 174 BLHS',
  );

  // Pick a region of the first page in the map's dossier panel and drag it onto the map.
  await page.locator('.mm-page').first().click();
  const picker = page.getByTestId('region-picker');
  await picker.waitFor();
  await page.locator('.mm-picker-page img').waitFor();
  const box = (await picker.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.3, { steps: 5 });
  await page.mouse.up();
  const before = await page.locator('[data-kind="evidence"]').count();
  await page
    .getByTestId('region-chip')
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 700, y: 120 } });
  await expect.poll(() => page.locator('[data-kind="evidence"]').count()).toBe(before + 1);
  const evidence = page.locator('[data-kind="evidence"]').first();
  await page.screenshot({ path: path.join(OUT, 'after-drop.png') });
  await expect.poll(() => evidence.locator('img.mm-thumb').count()).toBe(1);
  const title = (await evidence.locator('.mm-title').textContent()) ?? '';
  expect(title).toMatch(/Vùng trang/);

  // Rename it in the inspector; this is saved too.
  await evidence.click();
  await page.locator('.mm-inspector').getByLabel('Tiêu đề').fill('Lời khai bị can Ma Văn Khánh');
  await expect.poll(() => page.locator('.mm-save').textContent()).toBe('Đã lưu');

  // Link the evidence to the charge: a "chứng minh" edge from handle to handle, and the first
  // element of the offence ticked as proved by it; undo and redo the tick.
  // dragTo checks each handle is really the element under the pointer (not covered by a node).
  await evidence.hover();
  await page
    .locator('.react-flow__node-evidence .react-flow__handle.source')
    .first()
    .dragTo(page.locator('.react-flow__node-provision .react-flow__handle.target').first());
  await expect.poll(() => page.locator('.mm-edge-proves').count()).toBe(1);
  await page.locator('[data-kind="provision"]').first().click();
  const proof = page
    .locator('.mm-inspector .mm-element')
    .first()
    .getByRole('checkbox', { name: 'Lời khai bị can Ma Văn Khánh' });
  await proof.check();
  const firstElement = page.locator('[data-kind="provision"] .mm-elements li').first();
  await expect.poll(() => firstElement.textContent()).toContain('☑');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => firstElement.textContent()).toContain('☐');
  await page.keyboard.press('Control+y');
  await expect.poll(() => firstElement.textContent()).toContain('☑');
  await expect.poll(() => page.locator('.mm-save').textContent()).toBe('Đã lưu');
  await page.locator('[data-kind="provision"]').first().click();
  await page.screenshot({ path: path.join(OUT, 'map-editor.png') });

  // Reload: the node, its link and its thumbnail come back from Dexie.
  await page.reload();
  const again = page.locator('[data-kind="evidence"]').first();
  await again.waitFor();
  expect(await again.locator('.mm-title').textContent()).toBe('Lời khai bị can Ma Văn Khánh');
  await expect.poll(() => again.locator('img.mm-thumb').count()).toBe(1);
  // Edges are drawn once both ends are placed, a frame or more after the first node: wait for it.
  await expect.poll(() => page.locator('.mm-edge-proves').count()).toBe(1);
  await expect
    .poll(() => page.locator('[data-kind="provision"] .mm-elements li').first().textContent())
    .toContain('☑');

  // Double-click opens the viewer at that page and region.
  await again.dblclick();
  await page.waitForURL(/\/pages\/[^?]+\?region=/);
  const region = new URLSearchParams(page.url().split('?')[1]).get('region')?.split(',').map(Number);
  expect(region).toHaveLength(4);
  expect(region![2]).toBeGreaterThan(region![0]);
  await page.screenshot({ path: path.join(OUT, 'viewer-from-map.png') });
  const viewerUrl = page.url();

  // Zoomed far out (the map is one canvas), a double-click on the evidence opens the same page.
  await page.goto(mapUrl);
  const farEvidence = page.locator('[data-kind="evidence"]').first();
  await farEvidence.waitFor();
  const farBox = await flowBox(
    farEvidence.locator('xpath=ancestor::div[contains(@class,"react-flow__node")][1]'),
  );
  await zoomOutToCanvas(page);
  const canvas = page.getByTestId('far-canvas');
  await expect.poll(() => canvas.count()).toBe(1);
  const v = await viewport(page);
  const canvasBox = (await canvas.boundingBox())!;
  await page.mouse.dblclick(
    canvasBox.x + v.x + (farBox.x + farBox.width / 2) * v.zoom,
    canvasBox.y + v.y + (farBox.y + farBox.height / 2) * v.zoom,
  );
  await page.waitForURL(/\/pages\/[^?]+\?region=/);
  expect(page.url()).toBe(viewerUrl);

  // Export the PDF (A4) and read its text back.
  await page.goto(mapUrl);
  // Back on the map (a full page load) it comes up where the user left it: the far canvas, same camera.
  await page.getByTestId('far-canvas').waitFor();
  await expect
    .poll(async () => Math.max(...Object.values(viewportDiff(await viewport(page), v))))
    .toBeLessThanOrEqual(1e-3);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByLabel('Xuất', { exact: true }).selectOption('pdf-A4'),
  ]);
  const pdfPath = path.join(OUT, 'map.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
  // Node titles wrap inside their boxes: compare with whitespace folded.
  const flat = text.replace(/\s+/g, ' ');
  for (const s of [
    'Đánh giá chứng cứ',
    'Vụ án số 45/CT-VKSKV3',
    'Ma Văn Khánh',
    'Lời khai bị can Ma Văn Khánh',
    'CHỨNG CỨ · BL 1',
    'Vấn đề cần làm rõ',
  ])
    expect(flat).toContain(s);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(OUT, 'map-pdf')]);
  writeFileSync(path.join(OUT, 'map-pdf.txt'), text);

  // The second map of the case: the timeline, events left to right by date.
  await page.goto(mapUrl.replace(/\/maps\/.*$/, '?tab=maps'));
  await page.locator('select[name="template"]').selectOption('timeline');
  await page.locator('input[name="map-name"]').fill('Diễn biến vụ án');
  await page.getByRole('button', { name: 'Tạo sơ đồ' }).click();
  await page.waitForURL((u) => u.toString() !== mapUrl && /\/maps\//.test(u.toString()));
  await page.locator('[data-kind="event"]').first().waitFor();
  await expectWholeMapFit(page, 'timeline');
  const events = await page.locator('.react-flow__node-event').evaluateAll((els) =>
    els.map((el) => ({
      x: el.getBoundingClientRect().x,
      date: el.querySelector('.mm-badge')?.textContent ?? '',
    })),
  );
  const dated = events.filter((e) => /\d{2}\/\d{2}\/\d{4}/.test(e.date)).sort((a, b) => a.x - b.x);
  const iso = (d: string) => d.replace(/.*(\d{2})\/(\d{2})\/(\d{4}).*/, '$3-$2-$1');
  expect(dated).toHaveLength(2);
  expect(dated.map((e) => iso(e.date))).toEqual(['2025-03-12', '2025-06-09']);
  await page.screenshot({ path: path.join(OUT, 'timeline.png') });

  // SVG (vector, text kept) and PNG at print resolution.
  const [svgDl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByLabel('Xuất', { exact: true }).selectOption('svg'),
  ]);
  const svg = readFileSync((await svgDl.path())!, 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('Diễn biến vụ án');
  const [pngDl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByLabel('Xuất', { exact: true }).selectOption('png'),
  ]);
  const png = readFileSync((await pngDl.path())!);
  const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
  expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(svgWidth * 2.9); // PNG IHDR width: ~300 dpi

  // JSON export, then import it back as a new map of the case.
  const [jsonDl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByLabel('Xuất', { exact: true }).selectOption('json'),
  ]);
  const jsonPath = path.join(OUT, 'timeline.hoso-map.json');
  await jsonDl.saveAs(jsonPath);
  const nodeCount = (JSON.parse(readFileSync(jsonPath, 'utf8')) as { model: { nodes: unknown[] } }).model
    .nodes.length;
  await page.goto(mapUrl.replace(/\/maps\/.*$/, '?tab=maps'));
  await page.locator('.mm-maps input[type="file"]').setInputFiles(jsonPath);
  await page.waitForURL(/\/maps\//);
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(nodeCount);
  await page.goto(mapUrl.replace(/\/maps\/.*$/, '?tab=maps'));
  await expect.poll(() => page.locator('.mm-list li').count()).toBe(3);
  await page.screenshot({ path: path.join(OUT, 'maps-tab.png') });
  // Rename the imported copy inline, then delete it (after confirming).
  const imported = page.locator('.mm-list li').first();
  await imported.getByRole('button', { name: 'Đổi tên' }).click();
  await imported.getByRole('textbox', { name: 'Đổi tên' }).fill('Diễn biến (bản nhập)');
  await imported.getByRole('textbox', { name: 'Đổi tên' }).press('Enter');
  await expect
    .poll(() => page.locator('.mm-list li').first().locator('.mm-map-name').textContent())
    .toBe('Diễn biến (bản nhập)');
  page.once('dialog', (d) => void d.accept());
  await page.locator('.mm-list li').first().getByRole('button', { name: 'Xóa' }).click();
  await expect.poll(() => page.locator('.mm-list li').count()).toBe(2);
  expect(problems).toEqual([]);
});
