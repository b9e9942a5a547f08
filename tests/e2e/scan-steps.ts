import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Opens *Quét tài liệu…*, picks SANE's test device with the feeder, grey, 150 dpi (and a page
 * limit when given), and clicks *Bắt đầu quét*. Returns the dialog, still open while it scans.
 */
export async function startScan(
  page: Page,
  options: { pages?: number; beforeStart?: () => Promise<unknown> } = {},
): Promise<Locator> {
  await page.getByRole('button', { name: 'Quét tài liệu…' }).click();
  const dialog = page.locator('dialog.scan-dialog');
  await expect.poll(() => dialog.getByLabel('Máy quét').locator('option').count()).toBeGreaterThan(0);
  await dialog.getByLabel('Máy quét').selectOption('test:0');
  await dialog.getByLabel('Khay nạp').check();
  await dialog.getByLabel('Xám').check();
  await dialog.getByLabel('Độ phân giải (dpi)').selectOption('150');
  if (options.pages !== undefined) await dialog.getByLabel(/Số trang tối đa/).fill(String(options.pages));
  await options.beforeStart?.();
  await dialog.getByRole('button', { name: 'Bắt đầu quét' }).click();
  return dialog;
}
