import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';
import { waitForPaintedImages } from './paint';
import { overlayInkRatio } from './workbench/overlayInk';
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
  hoso = await startHoso({ watchPollMs: 300 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  problems = watchProblems(page);
  tmp = await mkdtemp(path.join(os.tmpdir(), 'hoso-workbench-'));
});

afterEach(async (ctx) => {
  // A failing step leaves a picture of what the user would have seen.
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`);
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
    await error.waitFor({ timeout: 180_000 });
    expect(await error.textContent()).toMatch(/trang-hong\.jpg/);
    expect(await error.textContent()).toMatch(/bị hỏng|không phải ảnh/);
    await screenshot(page, '2a-dossier-ocr-running');
    await waitForOcr(page, files.length);
    expect(await page.locator('.ocr-summary').getAttribute('data-failed')).toBe('0');
    // "… đang nhận dạng chữ." is over once the OCR is: the toast goes with it.
    await expect.poll(() => page.locator('.toast', { hasText: 'đang nhận dạng chữ' }).count()).toBe(0);
    // Metadata detected from the first document's OCR text.
    expect(await page.locator('.doc-title').first().textContent()).toMatch(/Quyết định phê chuẩn/i);
    expect(await page.locator('.folio-range').first().textContent()).toBe('BL 1');
    await screenshot(page, '2-dossier');
  });

  test('finds "phe chuan khoi to" without diacritics and lands on the highlighted page', async () => {
    await page.getByRole('link', { name: 'Tìm kiếm' }).click();
    const box = page.getByRole('searchbox', { name: 'Từ khóa' });
    await box.fill('phe chuan khoi to');
    await box.press('Enter');
    const first = page.locator('a.search-hit').first();
    await first.waitFor();
    expect(await first.locator('.hit-folio').textContent()).toBe('BL 1');
    const marks = await first.locator('mark').allTextContents();
    expect(marks.join(' ').toLowerCase()).toContain('phê chuẩn');
    await screenshot(page, '3-search');
    // Keyboard only: ↓ from the query box focuses the first result, Enter opens it.
    await box.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/pages\/[^?]+\?hl=/);
    const hits = page.locator('.ocr-word.hit');
    await expect.poll(() => hits.count()).toBeGreaterThanOrEqual(4);
    const hitText = (await hits.allTextContents()).join(' ').toLowerCase();
    expect(hitText).toContain('phê');
    expect(hitText).toContain('khởi');
    await screenshot(page, '4-viewer-hits');
    // A phrase search: the banner quotes the phrase once (it read “"phe chuan"” before).
    await page.goto(page.url().replace(/\?hl=.*$/, `?hl=${encodeURIComponent('"phe chuan"')}`));
    await expect
      .poll(() => page.locator('.hit-count').textContent())
      .toMatch(/chữ khớp “phe chuan” trên trang/);
  });

  test('corrects a word in the viewer and finds the correction by search', async () => {
    const word = page.locator('.ocr-word.hit').first();
    await word.click();
    const editor = page.getByRole('textbox', { name: 'Sửa chữ' });
    await editor.waitFor();
    await editor.fill('Khổngtước');
    await editor.press('Enter');
    await page.locator('.toast-ok', { hasText: 'Khổngtước' }).waitFor();
    await expect.poll(() => page.locator('.ocr-word.corrected').textContent()).toBe('Khổngtước');
    await screenshot(page, '5-viewer-corrected');
    await page.goto(`${hoso.url}#/search?q=khongtuoc`);
    await expect.poll(() => page.locator('a.search-hit').count()).toBe(1);
    // The correction's toast belonged to the page it was made on: it does not follow to search.
    expect(await page.locator('.toast', { hasText: 'Khổngtước' }).count()).toBe(0);
    expect(await page.locator('a.search-hit mark').first().textContent()).toBe('Khổngtước');
  });

  test('selects a page region and drags it out as evidence; a linked region is outlined', async () => {
    await page.locator('a.search-hit').first().click();
    await page.waitForURL(/\/pages\//);
    await page.getByRole('radio', { name: 'Chọn vùng' }).click();
    const sheet = await page.locator('.page-sheet').boundingBox();
    await page.mouse.move(sheet!.x + 100, sheet!.y + 120);
    await page.mouse.down();
    await page.mouse.move(sheet!.x + 500, sheet!.y + 260, { steps: 5 });
    await page.mouse.up();
    const chip = page.locator('.selection-chrome .drag-chip');
    await chip.waitFor();
    // What the mind map / presentation list receive on drop: a region in OCR-frame pixels.
    const payload = await chip.evaluate((el) => {
      const dt = new DataTransfer();
      el.dispatchEvent(new DragEvent('dragstart', { dataTransfer: dt, bubbles: true }));
      return JSON.parse(dt.getData('application/x-hoso-evidence'));
    });
    expect(payload.kind).toBe('region');
    const [x0, y0, x1, y1] = payload.region as number[];
    const scale = await page.evaluate(() => {
      const sheet = document.querySelector('.page-sheet')!.getBoundingClientRect();
      const img = document.querySelector<HTMLImageElement>('.page-sheet img')!;
      return sheet.width / img.naturalWidth;
    });
    expect(x1 - x0).toBeCloseTo(400 / scale, -1);
    expect(y1 - y0).toBeCloseTo(140 / scale, -1);
    await screenshot(page, '5b-viewer-region');
    const url =
      page.url().replace(/\?.*$/, '') +
      `?region=${Math.round(x0)},${Math.round(y0)},${Math.round(x1)},${Math.round(y1)}`;
    await page.goto(url);
    await page.locator('.region-outline').waitFor();
    // Keyboard: PageDown goes to the next page; typing a folio jumps to it.
    await page.locator('.page-stage').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.locator('.viewer-title strong').textContent()).toBe('BL 2');
    await page.getByRole('textbox', { name: 'Đến bút lục' }).fill('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.viewer-title strong').textContent()).toBe('BL 5');
  });

  test('exports the dossier as a searchable PDF whose text reads back in Vietnamese', async () => {
    await page.goto(`${hoso.url}#/cases`);
    await page.locator('.case-link').first().click();
    await page.getByRole('button', { name: 'Xuất…' }).click();
    await page.getByRole('button', { name: 'Xuất PDF tìm kiếm được' }).click();
    const link = page.locator('a.download-link');
    await link.waitFor({ timeout: 120_000 });
    await screenshot(page, '6-export');
    const href = await link.getAttribute('href');
    const response = await page.request.get(new URL(href!, hoso.url).toString());
    expect(response.status()).toBe(200);
    const pdf = path.join(tmp, 'dossier.pdf');
    await writeFile(pdf, await response.body());
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(7); // mục lục + 6 dossier pages
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('MỤC LỤC');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Khổngtước'); // the user's correction, not the OCR reading
    expect(text).toMatch(/BL 1\b/);
    expect(text).toMatch(/BL 6\b/);
  });

  test('exports a .hoso bundle and imports it back as a copy', async () => {
    await page.getByRole('button', { name: 'Xuất gói .hoso' }).click();
    const link = page.locator('a.download-link', { hasText: '.hoso' });
    await link.waitFor({ timeout: 180_000 });
    const response = await page.request.get(new URL((await link.getAttribute('href'))!, hoso.url).toString());
    expect(response.status()).toBe(200);
    const bundle = path.join(tmp, 'case.hoso');
    await writeFile(bundle, await response.body());
    await page.getByRole('button', { name: 'Đóng', exact: true }).click();
    await page.goto(`${hoso.url}#/cases`);
    await page.locator('[data-testid="bundle-input"]').setInputFiles(bundle);
    await page.locator('.toast-ok', { hasText: 'bản sao (6 trang)' }).waitFor({ timeout: 180_000 });
    await page.goto(`${hoso.url}#/cases`);
    await expect.poll(() => page.locator('.cases-table tbody tr').count()).toBe(2);
  });

  test('asks about a duplicate file, and organizes the dossier: rotate, merge, split, move, renumber', async () => {
    // Tall enough that the virtualized dossier renders every document of this small case.
    await page.setViewportSize({ width: 1440, height: 3200 });
    await page.goto(`${hoso.url}#/cases`);
    await page.locator('.case-link', { hasText: /^Hoàng Văn Thắng trộm cắp tài sản$/ }).click();
    await page.waitForURL(/#\/cases\/[^/?]+$/);
    // Same bytes as an imported file (same SHA-256): the user is asked and chooses to skip.
    await importFiles(page, [path.join(fixtureDir, '01-quyet-dinh-phe-chuan-khoi-to.jpg')]);
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('đã có trong hồ sơ');
    expect(await dialog.textContent()).toContain('bút lục 1');
    await dialog.getByRole('button', { name: 'Bỏ qua' }).click();
    await page.locator('.toast-info', { hasText: 'Bỏ qua 1 tệp trùng' }).waitFor();
    const docs = page.locator('.doc-header');
    await expect.poll(() => docs.count()).toBe(5);

    // Rotate BL 1 clockwise: the thumbnail's frame turns by 90°.
    const thumb1 = page.locator('.thumb').first();
    await thumb1.hover();
    await thumb1.getByRole('button', { name: 'Xoay phải BL 1' }).click();
    await expect.poll(() => thumb1.locator('.page-frame').getAttribute('style')).toContain('rotate(90deg)');

    // Merge the first two documents, then split them again at the second page.
    await docs.first().getByRole('combobox', { name: 'Thao tác với tài liệu' }).selectOption('merge-next');
    await expect.poll(() => docs.count()).toBe(4);
    expect(await docs.first().locator('.folio-range').textContent()).toBe('BL 1–2');
    const thumb2 = page.locator('.thumb', { hasText: 'BL 2' });
    await thumb2.hover();
    await thumb2.getByRole('button', { name: /Tách từ trang này/ }).click();
    await expect.poll(() => docs.count()).toBe(5);

    // Move the last document to "Tập 2 — Chứng cứ", then renumber: it becomes the last folio still.
    const last = docs.last();
    const volume2 = (await page.locator('.volume-head span').allTextContents()).find((t) =>
      t.startsWith('Tập 2'),
    )!;
    await last
      .getByRole('combobox', { name: 'Thao tác với tài liệu' })
      .selectOption({ label: `→ ${volume2}` });
    await expect.poll(() => page.locator('.volume-head').last().textContent()).toContain('1 tài liệu');
    await page.getByRole('button', { name: 'Đánh lại bút lục' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đánh lại bút lục' }).click();
    await page.locator('.toast-ok', { hasText: 'Đã đánh lại bút lục' }).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, '7-dossier-organized');
  });

  test('imports what the scanner saves into the watched folder', async () => {
    const watched = path.join(tmp, 'scan-inbox');
    await mkdir(watched, { recursive: true });
    const caseUrl = page.url();
    const before = Number(await page.locator('.ocr-summary').getAttribute('data-total'));
    await page.getByRole('checkbox', { name: /Nhận tệp từ thư mục quét/ }).check();
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByLabel('Đường dẫn thư mục').fill(watched);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.locator('.toast-ok', { hasText: 'Đang theo dõi thư mục' }).waitFor();
    await copyFile(
      path.join(repoRoot, 'fixtures/corpus-samples/02-v0-clean.png'),
      path.join(watched, 'scan-0001.png'),
    );
    await page
      .locator('.toast-ok', { hasText: 'Đã nhập “scan-0001.png” từ thư mục quét' })
      .waitFor({ timeout: 180_000 });
    await page.goto(caseUrl);
    await expect.poll(() => page.locator('.ocr-summary').getAttribute('data-total')).toBe(String(before + 1));
    await waitForOcr(page, before + 1);
  });

  test('the text layer sits on the printed words of a sideways and of a skewed scan', async () => {
    await page.goto(`${hoso.url}#/cases`);
    await createCase(page, {
      number: '16/2025/HS',
      name: 'Kiểm tra lớp chữ',
      prosecutor: 'Nguyễn Thị Hạnh',
      article: '134',
      clause: '1',
      chargeName: 'Cố ý gây thương tích',
      defendant: 'Lê Văn B',
      birthYear: '1988',
    });
    const samples = path.join(repoRoot, 'fixtures', 'corpus-samples');
    await importFiles(page, [path.join(samples, '05-v5-rot90.jpg'), path.join(samples, '01-v2-skew.jpg')]);
    await waitForOcr(page, 2);
    for (const [i, name] of ['rot90', 'skew'].entries()) {
      await page.locator('a.doc-title').nth(i).click();
      await page.waitForURL(/\/pages\//);
      await page.getByRole('checkbox', { name: 'Tô chữ độ tin cậy thấp' }).uncheck();
      await page.keyboard.press('f'); // fit page: the whole sheet on screen
      await page.mouse.move(0, 0);
      await expect.poll(() => page.locator('.ocr-word').count()).toBeGreaterThan(100);
      await expect.poll(() => page.locator('.zoom-level').textContent()).not.toBe('Tỉ lệ 56%');
      // Measure the ink only once the scan is decoded and painted at the new zoom.
      await waitForPaintedImages(page.locator('.page-sheet'));
      const { words, ratio, control } = await overlayInkRatio(page);
      console.log(
        `overlay on ${name}: ${words} words; ink under words ${ratio.toFixed(2)}× the page mean, shifted ${control.toFixed(2)}×`,
      );
      expect(words).toBeGreaterThan(100);
      expect(ratio, `ink under the words of ${name} vs the page`).toBeGreaterThan(1.8);
      expect(ratio, `words vs the same boxes half a line lower on ${name}`).toBeGreaterThan(control * 1.6);
      await screenshot(page, `8-viewer-${name}`);
      await page.goBack();
    }
  });

  test('deletes a case with confirmation and undoes it', async () => {
    await page.goto(`${hoso.url}#/cases`);
    const rows = page.locator('.cases-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const before = await rows.count();
    await rows.first().getByRole('button', { name: /^Xóa/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => rows.count()).toBe(before);
    // The case list filters by text without diacritics and by stage.
    await page.getByRole('searchbox', { name: 'Tìm vụ án' }).fill('ban sao');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Tìm vụ án' }).fill('');
    await page.getByRole('combobox', { name: 'Giai đoạn' }).selectOption('dieu-tra');
    await expect.poll(() => page.locator('.cases-table').count()).toBe(0);
  });

  test('switches the interface to English', async () => {
    await page.goto(`${hoso.url}#/cases`);
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
    await expect.poll(() => page.getByRole('heading', { name: 'Cases' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
  });

  test('produced no console errors', () => {
    // Storing the corrupt file is answered with an error value (HTTP 200), so even that leaves the
    // console clean.
    expect(problems).toEqual([]);
  });
});
