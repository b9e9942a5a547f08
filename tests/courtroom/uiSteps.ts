import type { Page } from 'playwright-core';

/**
 * Steps a prosecutor takes in the real UI to get to a presentation list, shared by the courtroom
 * E2E test and the speed bench.
 */

/** Creates a case from the case list and imports `files` into its dossier. */
export async function createCaseWithDossier(page: Page, url: string, files: string[]): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Tạo vụ án' }).first().click();
  await page.getByLabel('Số vụ án').fill('12/2026/HS');
  await page.getByLabel('Tên vụ án').fill('Trộm cắp tài sản tại chợ Đắk Pơ');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForURL(/#\/cases\/[^/?]+$/);
  await page.getByTestId('import-input').setInputFiles(files);
}

/** Opens the presentation tab, makes a new list, and waits until `pageCount` pages can be added. */
export async function newListWhenPagesStored(page: Page, pageCount: number): Promise<void> {
  await page.getByRole('tab', { name: 'Trình chiếu' }).click();
  await page.getByRole('button', { name: /Danh mục mới/ }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid=add-page] option').length >= n + 1,
    pageCount,
    { timeout: 180_000 },
  );
}

/** Adds pages by folio ("BL 6") through the "Thêm vật chứng" form, in order. */
export async function addPagesByFolio(page: Page, folios: number[]): Promise<void> {
  const pick = page.getByTestId('add-page');
  const rows = page.getByTestId('exhibit-row');
  for (const folio of folios) {
    const before = await rows.count();
    const value = await pick
      .locator('option', { hasText: `BL ${folio} —` })
      .first()
      .getAttribute('value');
    await pick.selectOption(value!);
    await page.getByRole('button', { name: 'Thêm', exact: true }).first().click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=exhibit-row]').length > n,
      before,
    );
  }
}
