import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../harness';

/** Steps a prosecutor takes in the workbench, driven through the UI as a user would. */

export const screenshotDir = path.join(repoRoot, 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `workbench-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Console errors, page errors and failed requests: the app must produce none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

export interface CaseInput {
  number: string;
  name: string;
  prosecutor: string;
  article: string;
  clause: string;
  chargeName: string;
  defendant: string;
  birthYear: string;
}

export async function createCase(page: Page, c: CaseInput): Promise<void> {
  await page.getByRole('button', { name: /Tạo vụ án/ }).click();
  const form = page.locator('form.case-form');
  await form.getByLabel('Số vụ án').fill(c.number);
  await form.getByLabel('Tên vụ án').fill(c.name);
  await form.getByLabel('Kiểm sát viên thụ lý').fill(c.prosecutor);
  await form.getByLabel('Giai đoạn tố tụng').selectOption('truy-to');
  await form.getByLabel('Điều', { exact: true }).fill(c.article);
  await form.getByLabel('Khoản', { exact: true }).fill(c.clause);
  await form.getByLabel('Tên tội danh').fill(c.chargeName);
  await form.getByLabel('Họ và tên').fill(c.defendant);
  await form.getByLabel('Năm sinh').fill(c.birthYear);
  await form.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForURL(/#\/cases\/[^/?]+$/);
}

/** Imports files through the dossier's file picker. */
export async function importFiles(page: Page, files: string[]): Promise<void> {
  await page.locator('[data-testid="import-input"]').setInputFiles(files);
}

/** Waits until `n` documents' OCR results are committed to Dexie (the dossier's OCR summary). */
export async function waitForOcr(page: Page, n: number, timeoutMs = 200_000): Promise<void> {
  await page.waitForFunction(
    (count) => Number(document.querySelector('.ocr-summary')?.getAttribute('data-done') ?? 0) >= count,
    n,
    { timeout: timeoutMs, polling: 500 },
  );
}
