import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';
import { createCase, importFiles, screenshot, waitForOcr, watchProblems } from './workbench/steps';

/**
 * The prosecutor's day in the workbench, in Chromium against the browser mode with real OCR:
 * create a case, import the fixture dossier (plus a corrupt file that must fail alone), search
 * without diacritics, land on the highlighted hit, correct a word and find it, export the dossier
 * PDF and read its text back.
 */
const fixtureDir = path.join(repoRoot, 'fixtures', 'sample-dossier');

let hoso: HosoInstance;
let browser: Browser;
let page: Page;
let problems: string[];
let tmp: string;

beforeAll(async () => {
  hoso = await startHoso();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  problems = watchProblems(page);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'hoso-workbench-'));
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
});

describe.sequential('workbench', () => {
  test('creates a case from the case list', async () => {
    await page.goto(hoso.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Vụ án' }).count()).toBe(1);
    await createCase(page, {
      number: '15/2025/HS-ST',
      name: 'Hoàng Văn Thắng trộm cắp tài sản',
      prosecutor: 'Nguyễn Thị Hạnh',
      article: '173',
      clause: '1',
      chargeName: 'Trộm cắp tài sản',
      defendant: 'Hoàng Văn Thắng',
      birthYear: '1994',
    });
    await expect
      .poll(() => page.locator('#case-title').textContent())
      .toContain('Hoàng Văn Thắng trộm cắp tài sản');
    await page.goto(`${hoso.url}#/cases`);
    await expect.poll(() => page.locator('.cases-table tbody tr').count()).toBe(1);
    expect(await page.locator('.cases-table').textContent()).toContain('Trộm cắp tài sản (Điều 173 khoản 1)');
    await screenshot(page, '1-case-list');
  });

  test('imports the fixture dossier; a corrupt file fails alone with a Vietnamese message', async () => {
    await page.locator('.case-link').first().click();
    await page.waitForURL(/#\/cases\/[^/?]+$/);
    const corrupt = path.join(tmp, 'trang-hong.jpg');
    await writeFile(corrupt, Buffer.from('this is not a JPEG at all'));
    const files = (await readdir(fixtureDir)).filter((f) => /\.(jpe?g|png|tiff?|pdf)$/i.test(f)).sort();
    await importFiles(page, [...files.map((f) => path.join(fixtureDir, f)), corrupt]);
    const error = page.locator('.toast-error').first();
    await error.waitFor({ timeout: 60_000 });
    expect(await error.textContent()).toMatch(/trang-hong\.jpg/);
    expect(await error.textContent()).toMatch(/bị hỏng|không phải ảnh/);
    await waitForOcr(page, files.length);
    expect(await page.locator('.ocr-summary').getAttribute('data-failed')).toBe('0');
    // Metadata detected from the first document's OCR text.
    expect(await page.locator('.doc-title').first().textContent()).toMatch(/Quyết định phê chuẩn/i);
    expect(await page.locator('.folio-range').first().textContent()).toBe('BL 1');
    await screenshot(page, '2-dossier');
  });
});
