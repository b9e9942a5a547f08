import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, startHoso, type HosoInstance } from './harness';
import { createCase, screenshot, waitForOcr, watchProblems } from './workbench/steps';

/**
 * "Quét tài liệu…" end to end, from SANE's `test` device (no hardware): the browser-mode host runs
 * scanimage with this process's environment, so SANE_CONFIG_DIR points it at a config folder of
 * the test's own (dll.conf names `test`; test.conf picks the test picture, read afresh by each
 * scanimage run). /etc is never touched.
 */
let hoso: HosoInstance;
let browser: Browser;
let page: Page;
let saneDir: string;
let problems: string[];
const savedSaneDir = process.env.SANE_CONFIG_DIR;

const setPicture = (picture: string) =>
  writeFile(path.join(saneDir, 'test.conf'), `number_of_devices 2\ntest-picture "${picture}"\n`);

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hoso-e2e-sane-'));
  saneDir = path.join(root, 'sane.d');
  await mkdir(saneDir, { recursive: true });
  await writeFile(path.join(saneDir, 'dll.conf'), 'test\n');
  process.env.SANE_CONFIG_DIR = saneDir;
  hoso = await startHoso();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  problems = watchProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
  if (savedSaneDir === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = savedSaneDir;
  if (saneDir) await rm(path.dirname(saneDir), { recursive: true, force: true });
});

async function scan(pages: number): Promise<void> {
  await page.getByRole('button', { name: 'Quét tài liệu…' }).click();
  const dialog = page.locator('dialog.scan-dialog');
  await expect.poll(() => dialog.getByLabel('Máy quét').locator('option').count()).toBeGreaterThan(0);
  await dialog.getByLabel('Máy quét').selectOption('test:0');
  await dialog.getByLabel('Khay nạp').check();
  await dialog.getByLabel('Xám').check();
  await dialog.getByLabel('Độ phân giải (dpi)').selectOption('150');
  await dialog.getByLabel(/Số trang tối đa/).fill(String(pages));
  await screenshot(page, 'scan-dialog');
  await dialog.getByRole('button', { name: 'Bắt đầu quét' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

test('scans pages from the SANE test device into a volume; a blank page is greyed and restored', async () => {
  await setPicture('Color pattern');
  await page.goto(hoso.url);
  await createCase(page, {
    number: '21/2026/HS-ST',
    name: 'Lê Thị Ngọc lừa đảo chiếm đoạt tài sản',
    prosecutor: 'Trần Quốc Bảo',
    article: '174',
    clause: '2',
    chargeName: 'Lừa đảo chiếm đoạt tài sản',
    defendant: 'Lê Thị Ngọc',
    birthYear: '1988',
  });
  await scan(2);
  // Each page appears as its own thumbnail, with OCR queued or running on arrival, then done.
  const thumbs = page.locator('.thumb');
  await expect.poll(() => thumbs.count()).toBe(2);
  await expect.poll(() => page.locator('.thumb .thumb-image img').count()).toBe(2);
  await expect.poll(() => page.getByText('Đã quét 2 trang.').count()).toBeGreaterThan(0);
  await waitForOcr(page, 2);
  expect(await page.locator('.thumb-label').allTextContents()).toEqual(['BL 1', 'BL 2']);

  // A blank sheet: recorded greyed, without a folio, until "Khôi phục".
  await setPicture('Solid white');
  await scan(1);
  await expect.poll(() => page.locator('.thumb.left-out').count()).toBe(1);
  await expect.poll(() => page.getByText(/1 trang trắng được để riêng/).count()).toBeGreaterThan(0);
  const blank = page.locator('.thumb.left-out');
  expect(await blank.locator('.thumb-label').textContent()).not.toMatch(/BL/);
  await blank.scrollIntoViewIfNeeded();
  await screenshot(page, 'scan-dossier-blank');
  await blank.getByRole('button', { name: /Khôi phục/ }).click();
  await expect.poll(() => page.locator('.thumb.left-out').count()).toBe(0);
  await expect.poll(() => page.locator('.thumb-label').allTextContents()).toEqual(['BL 1', 'BL 2', 'BL 3']);
  await screenshot(page, 'scan-dossier-restored');
  expect(problems).toEqual([]);
});
