import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, startHoso, type HosoInstance } from './harness';

let hoso: HosoInstance;
let browser: Browser;
let scanDir: string;

beforeAll(async () => {
  hoso = await startHoso();
  browser = await launchChromium();
  scanDir = await mkdtemp(path.join(os.tmpdir(), 'hoso-e2e-scan-'));
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
  await rm(scanDir, { recursive: true, force: true });
});

test('without the printed link the UI says, in Vietnamese, to open it; the API answers nothing', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hoso.origin}/#/cases`);
  await page.getByRole('heading', { name: 'Cần mở đường dẫn có mã truy cập' }).waitFor();
  await expect(page.getByText('đường dẫn mà HoSo in ra').isVisible()).resolves.toBe(true);
  await page.screenshot({ path: path.join(os.tmpdir(), 'hoso-no-token.png') }).catch(() => undefined);
  const status = await page.evaluate(
    async () =>
      (
        await fetch('/api/call/listJobs', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).status,
  );
  expect(status).toBe(401);
  await context.close();
});

test('the printed link logs the browser in: HttpOnly cookie, the token leaves the address bar', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${hoso.url}#/cases`);
  await page.getByRole('button', { name: 'Tạo vụ án' }).first().waitFor();
  expect(page.url()).toBe(`${hoso.origin}/#/cases`);
  const cookies = await context.cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(cookies[0].value).not.toBe(hoso.token);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  await context.close();
});

test('a new watch folder is confirmed in a dialog, and a system folder is refused in Vietnamese', async () => {
  const page = await browser.newPage();
  await page.goto(`${hoso.url}#/settings`);
  const input = page.getByLabel('Đường dẫn thư mục');
  await input.fill('/etc');
  await page.getByRole('button', { name: 'Lưu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Theo dõi thư mục này?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Theo dõi thư mục' }).click();
  await page.getByText('Không thể dùng “/etc” làm thư mục quét').waitFor();
  await input.fill(scanDir);
  await page.getByRole('button', { name: 'Lưu' }).click();
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  const before = await page.evaluate(
    async () =>
      (
        await (
          await fetch('/api/call/getWatchFolder', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          })
        ).json()
      ).value,
  );
  expect(before).toBeNull();
  await page.getByRole('button', { name: 'Lưu' }).click();
  await dialog.getByRole('button', { name: 'Theo dõi thư mục' }).click();
  await page.getByText(`Đang theo dõi thư mục “${scanDir}”.`).waitFor();
  await page.screenshot({ path: path.join(os.tmpdir(), 'hoso-watch-folder.png') }).catch(() => undefined);
  await page.close();
});
