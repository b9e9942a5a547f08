import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fakeRecognizer } from '../main/helpers';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';
import { createCase, importFiles, screenshot, waitForOcr } from './workbench/steps';

/**
 * Chain of custody in the UI: the user's name from Cài đặt, an import seen in the case's Nhật ký
 * (with a filter and a PDF export read back), then encryption switched on from Cài đặt and, after a
 * restart, the unlock screen refusing a wrong passphrase and opening with the right one.
 */
const fixture = path.join(repoRoot, 'fixtures', 'sample-dossier', '01-quyet-dinh-phe-chuan-khoi-to.jpg');
const PASS = 'Mật khẩu VKS 2026';
const engine = fakeRecognizer({ pages: 1 }).recognize;

let dataDir: string;
let hoso: HosoInstance;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'hoso-e2e-custody-'));
  hoso = await startHoso({ dataDir, recognize: engine });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail')
    await screenshot(page, `custody-failed-${ctx.task.name.slice(0, 30)}`);
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe.sequential('chain of custody', () => {
  test('an import shows in the case’s Nhật ký with the user’s name; filter and PDF export work', async () => {
    await page.goto(`${hoso.url}#/settings`);
    await page.getByLabel(/Họ tên/).fill('Nguyễn Thị Hạnh');
    await page.locator('fieldset', { hasText: 'Người sử dụng' }).getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã lưu họ tên.').count()).toBeGreaterThan(0);
    await page.goto(hoso.url);
    await createCase(page, {
      number: '21/2026/HS',
      name: 'Lê Văn Đức cố ý gây thương tích',
      prosecutor: 'Nguyễn Thị Hạnh',
      article: '134',
      clause: '1',
      chargeName: 'Cố ý gây thương tích',
      defendant: 'Lê Văn Đức',
      birthYear: '1990',
    });
    await importFiles(page, [fixture]);
    await waitForOcr(page, 1, 60_000);
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    const rows = page.locator('.audit-table tbody tr');
    await expect.poll(() => page.locator('.audit-table tbody tr[data-action="ocr-done"]').count()).toBe(1);
    const table = (await page.locator('.audit-table').textContent()) ?? '';
    for (const text of [
      'Lưu bản gốc',
      'Đưa vào nhận dạng chữ',
      'Nhận dạng chữ xong',
      'Nguyễn Thị Hạnh',
      '01-quyet-dinh-phe-chuan-khoi-to.jpg',
    ])
      expect(table).toContain(text);
    expect(await page.locator('.audit-chain.ok').textContent()).toMatch(/toàn vẹn/);
    await page.locator('.audit-filters select').selectOption('file-stored');
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'custody-1-nhat-ky');
    await page.getByRole('button', { name: 'Xuất PDF' }).click();
    const link = page.locator('.audit-tab a.download-link');
    await expect.poll(() => link.count(), { timeout: 30_000 }).toBe(1);
    const href = await link.getAttribute('href');
    // Outside the browser the per-run secret travels as a bearer token, as any other client's would.
    const response = await fetch(new URL(href!, hoso.url), {
      headers: { Authorization: `Bearer ${hoso.token}` },
    });
    expect(response.headers.get('content-type')).toMatch(/application\/pdf/);
    const pdf = Buffer.from(await response.arrayBuffer());
    const file = path.join(dataDir, 'read-back.pdf');
    await writeFile(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nhật ký vụ án 21/2026/HS Lê Văn Đức cố ý gây thương tích');
    expect(text).toContain('Lưu bản gốc');
    expect(text).not.toContain('Nhận dạng chữ xong'); // the filter applies to the export too
  });

  test('deleting a case and undoing it shows both in its Nhật ký', async () => {
    await page.goto(hoso.url);
    await createCase(page, {
      number: '23/2026/HS',
      name: 'Phạm Văn Hùng trộm cắp tài sản',
      prosecutor: 'Nguyễn Thị Hạnh',
      article: '173',
      clause: '1',
      chargeName: 'Trộm cắp tài sản',
      defendant: 'Phạm Văn Hùng',
      birthYear: '1992',
    });
    await page.goto(`${hoso.url}#/cases`);
    const row = page.locator('.cases-table tbody tr', { hasText: 'Phạm Văn Hùng' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: /^Xóa/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => row.count()).toBe(1);
    await row.locator('.case-link').click();
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    const restored = page.locator('.audit-table tbody tr[data-action="material-restored"]');
    await expect.poll(() => restored.count()).toBe(1);
    expect(await restored.textContent()).toContain('Khôi phục sau khi xóa');
    expect(await page.locator('.audit-table tbody tr[data-action="material-deleted"]').count()).toBe(1);
    expect(await page.locator('.audit-chain.ok').count()).toBe(1);
  });

  test('encryption switched on in Cài đặt; after a restart the unlock screen refuses a wrong passphrase and opens with the right one', async () => {
    // This test brings its own case and page, so it holds whether or not the one above ran first.
    await page.goto(hoso.url);
    await createCase(page, {
      number: '22/2026/HS',
      name: 'Trần Thị Mỹ Lệ lạm dụng tín nhiệm chiếm đoạt tài sản',
      prosecutor: 'Nguyễn Thị Hạnh',
      article: '175',
      clause: '2',
      chargeName: 'Lạm dụng tín nhiệm chiếm đoạt tài sản',
      defendant: 'Trần Thị Mỹ Lệ',
      birthYear: '1985',
    });
    await importFiles(page, [fixture]);
    await waitForOcr(page, 1, 60_000);
    await page.goto(hoso.url);
    const cases = page.locator('.cases-table tbody tr');
    await expect.poll(() => cases.count()).toBeGreaterThan(0);
    const caseCount = await cases.count();
    await page.goto(`${hoso.url}#/settings`);
    await page.getByLabel(/Mật khẩu mới/).fill(PASS);
    await page.getByLabel('Nhập lại mật khẩu').fill(PASS);
    await page.getByRole('button', { name: 'Bật mã hóa' }).click();
    await expect
      .poll(() => page.getByText('Đã bật mã hóa dữ liệu.').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    const port = Number(new URL(hoso.url).port);
    await hoso.close();
    // Same port, same origin: the browser keeps the case in its IndexedDB across the restart.
    hoso = await startHoso({ dataDir, recognize: engine, port });
    await page.goto(hoso.url);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Dữ liệu HoSo đã được mã hóa' }).count())
      .toBe(1);
    await page.getByLabel('Mật khẩu').fill('sai mật khẩu rồi');
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Mật khẩu không đúng');
    await screenshot(page, 'custody-2-unlock-wrong');
    await page.getByLabel('Mật khẩu').fill(PASS);
    await page.getByRole('button', { name: 'Mở khóa' }).click();
    await expect.poll(() => cases.count(), { timeout: 30_000 }).toBe(caseCount);
    // The case's custody record comes back through the seal.
    await page.locator('.case-link', { hasText: 'Trần Thị Mỹ Lệ' }).click();
    await page.getByRole('tab', { name: 'Nhật ký' }).click();
    await expect.poll(() => page.locator('.audit-table tbody tr[data-action="file-stored"]').count()).toBe(1);
  });
});
