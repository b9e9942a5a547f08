import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, startHoso, type HosoInstance } from './harness';
import { writeSaneTestConfig } from '../scan/sane-test-config';
import { startScan } from './scan-steps';
import { createCase, screenshot, watchProblems } from './workbench/steps';

/**
 * "Hủy" while scanning, end to end, on SANE's `test` device slowed down (8 KiB per read, 0.2 s
 * after each: a few seconds per page, ten sheets in its feeder), so the cancel lands mid-batch.
 * The browser-mode host runs scanimage with this process's environment (SANE_CONFIG_DIR).
 */
let hoso: HosoInstance;
let browser: Browser;
let page: Page;
let saneDir: string;
const savedSaneDir = process.env.SANE_CONFIG_DIR;

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hoso-e2e-sane-cancel-'));
  saneDir = path.join(root, 'sane.d');
  writeSaneTestConfig(saneDir, 'Color pattern', true);
  process.env.SANE_CONFIG_DIR = saneDir;
  hoso = await startHoso();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
  if (savedSaneDir === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = savedSaneDir;
  if (saneDir) await rm(path.dirname(saneDir), { recursive: true, force: true });
});

test('Hủy stops the scan mid-batch; the pages already scanned stay in the volume', async () => {
  const problems = watchProblems(page);
  await page.goto(hoso.url);
  await createCase(page, {
    number: '22/2026/HS-ST',
    name: 'Phạm Văn Đức trộm cắp tài sản',
    prosecutor: 'Trần Quốc Bảo',
    article: '173',
    clause: '1',
    chargeName: 'Trộm cắp tài sản',
    defendant: 'Phạm Văn Đức',
    birthYear: '1990',
  });
  const dialog = await startScan(page);

  // Scanning: the settings are locked, the count shows, and Hủy replaces the start button.
  await expect.poll(() => dialog.getByText('Đang quét… đã nhận 1 trang.').count()).toBe(1);
  expect(await dialog.getByLabel('Khay nạp').isDisabled()).toBe(true);
  expect(await dialog.getByRole('button', { name: 'Bắt đầu quét' }).count()).toBe(0);
  await screenshot(page, 'scan-cancel-dialog');
  await dialog.getByRole('button', { name: 'Hủy' }).click();

  await expect.poll(() => dialog.count()).toBe(0);
  const toast = page.getByText(/^Đã hủy quét\. Giữ lại \d+ trang đã quét/);
  await expect.poll(() => toast.count()).toBe(1);
  const kept = Number(/Giữ lại (\d+) trang/.exec((await toast.textContent()) ?? '')![1]);
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(10);
  // Exactly the pages kept reach the volume, each with its thumbnail.
  await expect.poll(() => page.locator('.thumb .thumb-image img').count()).toBe(kept);
  await screenshot(page, 'scan-cancel-kept');
  expect(problems).toEqual([]);
});
