import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';
import { writeSaneTestConfig } from '../scan/sane-test-config';
import { startScan } from './scan-steps';
import { createCase, screenshot, waitForOcr, watchProblems } from './workbench/steps';

/**
 * "Quét tài liệu…" end to end, from SANE's `test` device (no hardware): the browser-mode host runs
 * scanimage with this process's environment, so SANE_CONFIG_DIR points it at a config folder of
 * the test's own (dll.conf names `test`; test.conf picks the test picture, read afresh by each
 * scanimage run). /etc is never touched.
 */
let hoso: HosoInstance;
let browser: Browser;
/** One context for the whole file: its pages share the login and IndexedDB, as one user's tabs do. */
let context: BrowserContext;
let page: Page;
let saneDir: string;
let problems: string[];
const savedSaneDir = process.env.SANE_CONFIG_DIR;

const setPicture = (picture: string, slow = false) => writeSaneTestConfig(saneDir, picture, slow);

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hoso-e2e-sane-'));
  saneDir = path.join(root, 'sane.d');
  writeSaneTestConfig(saneDir, 'Color pattern');
  process.env.SANE_CONFIG_DIR = saneDir;
  hoso = await startHoso({ watchPollMs: 300 });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
  if (savedSaneDir === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = savedSaneDir;
  if (saneDir) await rm(path.dirname(saneDir), { recursive: true, force: true });
});

/** "Bản quét 03/12/2026 14:05": a scan batch's document. */
const BATCH_TITLE = /^Bản quét \d\d\/\d\d\/\d{4} \d\d:\d\d$/;

/** A host command from outside the browser (the per-run secret as a bearer token). */
async function hostCall<T>(name: string, request: unknown = {}): Promise<T> {
  const res = await fetch(`${hoso.origin}/api/call/${name}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${hoso.token}`,
      Origin: hoso.origin,
    },
    body: JSON.stringify(request),
  });
  const body = (await res.json()) as { ok: boolean; value: T };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body)}`);
  return body.value;
}
const inboxSize = async () => (await hostCall<unknown[]>('listInbox')).length;

/** Starts a scan of `pages` sheets; waits for the batch to end (the dialog closes), or only for its first page. */
async function scan(pages: number, until: 'end' | 'first-page' = 'end'): Promise<void> {
  const dialog = await startScan(page, { pages, beforeStart: () => screenshot(page, 'scan-dialog') });
  if (until === 'first-page')
    await expect.poll(() => dialog.getByText('Đang quét… đã nhận 1 trang.').count()).toBe(1);
  else await expect.poll(() => dialog.count()).toBe(0);
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
  // Each page appears as its own thumbnail, with OCR queued or running on arrival, then done; the
  // batch is one document titled with the time of the scan.
  const thumbs = page.locator('.thumb');
  await expect.poll(() => thumbs.count()).toBe(2);
  await expect.poll(() => page.locator('.thumb .thumb-image img').count()).toBe(2);
  await expect.poll(() => page.getByText('Đã quét 2 trang.').count()).toBeGreaterThan(0);
  expect(await page.locator('.doc-title').allTextContents()).toEqual([expect.stringMatching(BATCH_TITLE)]);
  await waitForOcr(page, 1);
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

test('a reload of the page during a scan: every page arrives once, in one document', async () => {
  await setPicture('Color pattern', true);
  const caseUrl = page.url();
  const before = await page.locator('.thumb').count();
  const docsBefore = await page.locator('.doc-title').count();
  await scan(5, 'first-page');
  // Mid-scan: the host has the first page, the others are still coming from the scanner.
  const inWhenReloaded = (await page.locator('.thumb').count()) - before;
  expect(await page.getByText(/Đang quét… đã nhận [1-4] trang\./).count()).toBe(1);
  await page.reload();
  console.log(`reload during the scan: ${inWhenReloaded} of 5 pages were in the dossier`);
  await page.waitForURL(caseUrl);
  await expect.poll(() => page.locator('.thumb').count(), { timeout: 120_000 }).toBe(before + 5);
  await expect.poll(inboxSize).toBe(0);
  await waitForOcr(page, docsBefore + 1);
  // Every page once (no page recorded twice by the window before and after the reload), one document.
  expect(await page.locator('.thumb').count()).toBe(before + 5);
  const titles = await page.locator('.doc-title').allTextContents();
  expect(titles).toHaveLength(docsBefore + 1);
  expect(titles.at(-1)).toMatch(BATCH_TITLE);
  await page.locator('.doc-title').last().scrollIntoViewIfNeeded();
  await screenshot(page, 'scan-dossier-after-reload');
  expect(problems).toEqual([]);
});

test('a file dropped in the watched folder while no window is open is imported when the app opens', async () => {
  const watched = path.join(path.dirname(saneDir), 'watched');
  await mkdir(watched, { recursive: true });
  const caseUrl = page.url();
  await page.getByRole('checkbox', { name: /Nhận tệp từ thư mục quét/ }).check();
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Đường dẫn thư mục').fill(watched);
  await page.getByRole('group', { name: 'Thư mục quét' }).getByRole('button', { name: 'Lưu' }).click();
  await page
    .getByRole('dialog', { name: 'Theo dõi thư mục này?' })
    .getByRole('button', { name: 'Theo dõi thư mục' })
    .click();
  await page.locator('.toast-ok', { hasText: 'Đang theo dõi thư mục' }).waitFor();
  await page.close();
  // No window: the host stores the file and keeps it in its inbox.
  await copyFile(
    path.join(repoRoot, 'fixtures/corpus-samples/02-v0-clean.png'),
    path.join(watched, 'scan-0001.png'),
  );
  await expect.poll(inboxSize, { timeout: 60_000 }).toBe(1);
  page = await context.newPage();
  problems = watchProblems(page);
  await page.goto(caseUrl);
  await page.locator('.toast-ok', { hasText: 'Đã nhập “scan-0001.png” từ thư mục quét' }).waitFor();
  await expect.poll(() => page.locator('.doc-title').last().textContent()).toBe('scan-0001');
  await expect.poll(inboxSize).toBe(0);
  expect(problems).toEqual([]);
});
