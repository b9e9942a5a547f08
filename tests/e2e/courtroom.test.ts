import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeMap, type MapModel } from '@hoso/mindmap';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fakeOcr } from '../courtroom/fakeOcr';
import { addPagesByFolio, createCaseWithDossier, newListWhenPagesStored } from '../courtroom/uiSteps';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';

/**
 * Courtroom mode end to end, in Chromium against the browser mode: a prosecutor prepares a list
 * from the fixture dossier through the UI, presents it, and a second window (same browser context,
 * so BroadcastChannel joins them) plays the audience screen.
 */

const SHOTS = path.join(os.tmpdir(), 'hoso-courtroom-e2e');
const SECRET_NOTE = 'Hỏi bị cáo về ngày 12/3 — KHÔNG CHIẾU';

let hoso: HosoInstance;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  hoso = await startHoso({ recognize: fakeOcr });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
});

async function mainImageSrc(page: Page, scope: string): Promise<string | null> {
  return page.locator(`${scope} .cr-pane`).first().locator('.cr-upright img').first().getAttribute('src');
}

/** Mean and max brightness of a screen region, from a real screenshot. */
async function brightness(page: Page, clip: { x: number; y: number; width: number; height: number }) {
  const png = await page.screenshot({ clip });
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  let sum = 0;
  let max = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    sum += data[i];
    max = Math.max(max, data[i]);
  }
  return { mean: sum / (data.length / info.channels), max };
}

test('prepare a list from the dossier and present it to an audience window', async () => {
  const problems: string[] = [];
  const presenter = await context.newPage();
  presenter.on('pageerror', (e) => problems.push(`presenter: ${e.message}`));

  // --- prepare: case, import the fixture dossier, a presentation list with four pages ---
  const dir = path.join(repoRoot, 'fixtures/sample-dossier');
  const files = readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
  await createCaseWithDossier(presenter, hoso.url, files);
  // Six pages with folios BL 1–6 once the import has stored every file.
  await newListWhenPagesStored(presenter, 6);
  await addPagesByFolio(presenter, [1, 2, 6, 4]);
  await expect.poll(() => presenter.getByTestId('exhibit-row').count()).toBe(4);
  const rows = presenter.getByTestId('exhibit-row');
  await expect.poll(() => rows.nth(2).getByRole('textbox', { name: 'Nhãn' }).inputValue()).toBe('BL 6');
  // Reorder from the keyboard: BL 4 (last) moves up above BL 6, then back down.
  await rows.nth(3).getByRole('textbox', { name: 'Nhãn' }).focus();
  await presenter.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => rows.nth(2).getByRole('textbox', { name: 'Nhãn' }).inputValue()).toBe('BL 4');
  await presenter.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => rows.nth(3).getByRole('textbox', { name: 'Nhãn' }).inputValue()).toBe('BL 4');
  // Label and private notes of the first exhibit.
  await rows
    .nth(0)
    .getByRole('textbox', { name: 'Nhãn' })
    .fill('Vật chứng số 1 — Quyết định phê chuẩn quyết định khởi tố bị can');
  await rows
    .nth(0)
    .getByRole('textbox', { name: /Ghi chú riêng/ })
    .fill(SECRET_NOTE);
  await rows.nth(1).getByRole('textbox', { name: 'Nhãn' }).click(); // blur commits both
  await expect
    .poll(() =>
      rows
        .nth(0)
        .getByRole('textbox', { name: /Ghi chú riêng/ })
        .inputValue(),
    )
    .toBe(SECRET_NOTE);
  await presenter.screenshot({ path: path.join(SHOTS, '1-list.png') });

  // --- present: the presenter view, then the audience window from its own button ---
  await presenter
    .getByRole('button', { name: /Trình chiếu$/ })
    .last()
    .click();
  await presenter.waitForURL(/\/present\//);
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('1/4');
  // The rail shows every label in full: wrapped, never cut off with "…" (issue 9).
  const rail = presenter.locator('.cr-rail button').first();
  expect(await rail.innerText()).toContain('Quyết định phê chuẩn quyết định khởi tố bị can');
  expect(await rail.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await rail.getAttribute('title')).toContain('Vật chứng số 1 — Quyết định phê chuẩn');
  const [audience] = await Promise.all([
    context.waitForEvent('page'),
    presenter.getByRole('button', { name: 'Mở màn hình khán giả' }).click(),
  ]);
  audience.on('pageerror', (e) => problems.push(`audience: ${e.message}`));
  await audience.setViewportSize({ width: 1024, height: 576 });
  await audience.waitForSelector('[data-testid=audience] .cr-upright img');
  await expect.poll(() => presenter.getByTestId('audience-count').innerText()).toBe('Khán giả: 1');
  expect(audience.url()).toContain('#/audience/');
  // Private notes show on the presenter, never on the audience screen.
  await expect.poll(() => presenter.getByTestId('presenter-notes').innerText()).toBe(SECRET_NOTE);
  const noChrome = async () => {
    const html = await audience.content();
    expect(html).not.toContain('KHÔNG CHIẾU');
    expect(html).not.toContain('Ghi chú');
    expect(html).not.toContain('Vụ án'); // no app chrome, no case list
    expect(await audience.locator('header, nav, textarea, input').count()).toBe(0);
  };
  await noChrome();
  // Both screens show the same page (each decodes it before showing it, so poll both).
  const same = () =>
    expect
      .poll(async () => {
        const [a, p] = [
          await mainImageSrc(audience, '[data-testid=audience]'),
          await mainImageSrc(presenter, '.cr-main-stage'),
        ];
        return a !== null && a === p;
      })
      .toBe(true);
  await same();
  await presenter.screenshot({ path: path.join(SHOTS, '2-presenter.png') });
  await audience.screenshot({ path: path.join(SHOTS, '3-audience.png') });

  // --- step through the list with the clicker keys ---
  const firstSrc = await mainImageSrc(audience, '[data-testid=audience]');
  await presenter.keyboard.press('PageDown');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('2/4 · BL 2');
  // Both windows swap images after decoding the next one: wait for the audience to move on, then
  // check the two agree (checking "same" first could pass on the old page in both).
  await expect.poll(() => mainImageSrc(audience, '[data-testid=audience]')).not.toBe(firstSrc);
  await same();
  await presenter.keyboard.press('ArrowRight');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('3/4 · BL 6');
  await presenter.keyboard.press('PageUp');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('2/4 · BL 2');
  await same();
  // BL 2 was scanned skewed: the stage and the audience straighten it by the OCR's deskew, as the
  // viewer and the exported PDF do (it was shown tilted before, issue 9).
  const deskew = await audience.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('hoso');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('pages').objectStore('pages').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as Array<{ folio?: number; ocrFrame?: { deskewDeg: number } }>).find(
                (p) => p.folio === 2,
              )?.ocrFrame?.deskewDeg ?? 0,
            );
        };
      }),
  );
  expect(Math.abs(deskew)).toBeGreaterThan(0.3);
  for (const [who, scope] of [
    [audience, '[data-testid=audience]'],
    [presenter, '.cr-main-stage'],
  ] as const) {
    const transform = await who
      .locator(`${scope} .cr-pane .cr-upright img`)
      .first()
      .evaluate((img) => (img as HTMLImageElement).style.transform);
    const angle = Number(/rotate\((-?[\d.]+)deg\)/.exec(transform)?.[1] ?? 0);
    const quarterTurns = Math.round((angle - deskew) / 90) * 90;
    expect(angle - quarterTurns, `${scope}: ${transform}`).toBeCloseTo(deskew, 2);
  }

  // --- a redaction on BL 2: drawn on the presenter, opaque black on the audience ---
  await presenter.keyboard.press('r');
  const tools = (await presenter.locator('.cr-main-stage .cr-tools').boundingBox())!;
  await presenter.mouse.move(tools.x + tools.width * 0.2, tools.y + tools.height * 0.2);
  await presenter.mouse.down();
  await presenter.mouse.move(tools.x + tools.width * 0.75, tools.y + tools.height * 0.32, { steps: 6 });
  await presenter.mouse.up();
  const redaction = audience.locator('[data-testid=audience] rect.cr-redaction');
  await expect.poll(() => redaction.count()).toBe(1);
  expect(await redaction.getAttribute('fill')).toBe('#000');
  const rb = (await redaction.boundingBox())!;
  // The page under it is white paper with black text; the redacted box must be black throughout.
  const covered = await brightness(audience, {
    x: rb.x + 2,
    y: rb.y + 2,
    width: rb.width - 4,
    height: rb.height - 4,
  });
  expect(covered.max).toBeLessThan(40);
  const paper = await brightness(audience, {
    x: rb.x + 2,
    y: rb.y + rb.height + 4,
    width: rb.width - 4,
    height: 30,
  });
  expect(paper.mean).toBeGreaterThan(120);
  await audience.screenshot({ path: path.join(SHOTS, '4-audience-redaction.png') });
  await presenter.screenshot({ path: path.join(SHOTS, '4-presenter-redaction.png') });
  await presenter.keyboard.press('v');

  // --- one jump rule: number + Enter = exhibit number, number + B = folio (bút lục) ---
  const before = await presenter.getByTestId('position').innerText();
  await presenter.keyboard.type('6');
  await expect
    .poll(() => presenter.getByTestId('typed').innerText())
    .toBe('6 — Enter: vật chứng số 6 · B: bút lục 6');
  await presenter.keyboard.press('Enter'); // there are 4 exhibits: no exhibit 6, and no guessing
  await expect
    .poll(() => presenter.getByRole('status').first().innerText())
    .toContain('Không có vật chứng số 6');
  expect(await presenter.getByTestId('position').innerText()).toBe(before);
  expect(await presenter.locator('.cr-keys').innerText()).toContain('số + B: bút lục đó');
  await presenter.keyboard.type('6');
  await presenter.keyboard.press('b');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('3/4 · BL 6');
  // B after a number is the folio, not the black screen.
  expect(await audience.locator('[data-testid=audience]').getAttribute('data-screen')).toBe('exhibit');
  await same();
  // The sideways-scanned page is shown upright: its frame is taller than wide.
  const fitted = (await audience.locator('[data-testid=audience] .cr-fitted').first().boundingBox())!;
  expect(fitted.height).toBeGreaterThan(fitted.width);
  await audience.screenshot({ path: path.join(SHOTS, '5-audience-bl6.png') });
  // An unknown folio says so and stays put.
  await presenter.keyboard.type('99');
  await presenter.keyboard.press('b');
  await expect.poll(() => presenter.getByRole('status').first().innerText()).toContain('99');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('3/4');

  // --- black screen, and back ---
  await presenter.keyboard.press('b');
  await expect
    .poll(() => audience.locator('[data-testid=audience]').getAttribute('data-screen'))
    .toBe('black');
  const black = await brightness(audience, { x: 0, y: 0, width: 1024, height: 576 });
  expect(black.max).toBeLessThan(10);
  await audience.screenshot({ path: path.join(SHOTS, '6-audience-black.png') });
  await presenter.keyboard.press('b');
  await expect
    .poll(() => audience.locator('[data-testid=audience]').getAttribute('data-screen'))
    .toBe('exhibit');
  await same();

  // --- laser pointer mirrored live, label stamp, the online-trial 16:9 frame ---
  await presenter.keyboard.press('l');
  const stageBox = (await presenter.locator('.cr-main-stage .cr-tools').boundingBox())!;
  await presenter.mouse.move(stageBox.x + stageBox.width / 2, stageBox.y + stageBox.height / 3);
  await presenter.mouse.move(stageBox.x + stageBox.width / 2 + 5, stageBox.y + stageBox.height / 3);
  await expect.poll(() => audience.locator('[data-testid=audience] .cr-laser').count()).toBe(1);
  await presenter.keyboard.press('v');
  await expect.poll(() => audience.locator('[data-testid=audience] .cr-laser').count()).toBe(0);
  await presenter.keyboard.press('t');
  await expect
    .poll(() =>
      audience
        .locator('.cr-stamp')
        .innerText()
        .catch(() => ''),
    )
    .toBe('BL 6');
  await audience.setViewportSize({ width: 1000, height: 800 });
  await presenter.getByLabel(/Khung 16:9/).check();
  await expect.poll(() => audience.locator('[data-testid=audience]').getAttribute('data-frame')).toBe('16:9');
  const frame = (await audience.locator('.cr-audience-frame').boundingBox())!;
  expect(frame.width / frame.height).toBeCloseTo(16 / 9, 2);
  expect(frame.y).toBeGreaterThan(100); // letterboxed in black, centred
  await audience.screenshot({ path: path.join(SHOTS, '7-audience-169-stamp.png') });
  await presenter.getByLabel(/Khung 16:9/).uncheck();
  await audience.setViewportSize({ width: 1024, height: 576 });
  await presenter.keyboard.press('t');

  // --- freeze: the presenter browses ahead while the audience keeps BL 6 ---
  const frozenSrc = await mainImageSrc(audience, '[data-testid=audience]');
  await presenter.keyboard.press('f');
  await presenter.keyboard.press('PageDown');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('4/4');
  await presenter.waitForTimeout(300);
  expect(await mainImageSrc(audience, '[data-testid=audience]')).toBe(frozenSrc);
  await presenter.keyboard.press('f');
  await same();

  // --- the presenter reloads: the audience keeps its picture and reconnects ---
  await presenter.reload();
  await expect.poll(() => presenter.getByTestId('audience-count').innerText()).toBe('Khán giả: 1');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('4/4');
  await presenter.keyboard.press('Home'); // not a command: nothing changes
  await presenter.keyboard.press('PageUp');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('3/4');
  await same();

  // Back on the first exhibit the notes are on the presenter only.
  await presenter.keyboard.type('1');
  await presenter.keyboard.press('Enter');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('1/4');
  await same();
  await noChrome();
  expect(problems).toEqual([]);
});

test('a mind map is presented node by node and an evidence node opens its page', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const presenter = await ctx.newPage();
  const problems: string[] = [];
  presenter.on('pageerror', (e) => problems.push(e.message));
  const dir = path.join(repoRoot, 'fixtures/sample-dossier');
  await createCaseWithDossier(
    presenter,
    hoso.url,
    readdirSync(dir)
      .sort()
      .map((f) => path.join(dir, f)),
  );
  await newListWhenPagesStored(presenter, 6);
  // A map with an evidence node on a region of BL 2, brought in through the maps tab's JSON import.
  const pageId = await presenter.evaluate(async () => {
    const req = indexedDB.open('hoso');
    const db: IDBDatabase = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
    const pages: Array<{ id: string; folio?: number }> = await new Promise((resolve) => {
      const q = db.transaction('pages').objectStore('pages').getAll();
      q.onsuccess = () => resolve(q.result);
    });
    db.close();
    return pages.find((p) => p.folio === 2)!.id;
  });
  const model = {
    format: 'hoso-map',
    version: 1,
    nodes: [
      { id: 'root', kind: 'note', tone: 'topic', title: 'Diễn biến vụ án', x: 0, y: 200 },
      {
        id: 'bl2',
        kind: 'evidence',
        title: 'Lời khai người làm chứng',
        link: { kind: 'region', pageId, region: [200, 400, 2200, 1000] },
        folio: 2,
        stance: 'for',
        x: 300,
        y: 200,
      },
    ],
    edges: [{ id: 'e', source: 'root', target: 'bl2', kind: 'proves' }],
  };
  const mapFile = path.join(SHOTS, 'so-do.json');
  writeFileSync(mapFile, serializeMap(model as MapModel, { name: 'Sơ đồ trình chiếu' }));
  await presenter.getByRole('tab', { name: 'Sơ đồ tư duy' }).click();
  await presenter.locator('input[type=file][accept*=json]').setInputFiles(mapFile);
  await presenter.waitForURL(/\/maps\//);
  await presenter.goto(presenter.url().replace(/\/maps\/.*$/, '?tab=present'));
  await presenter.getByRole('button', { name: /Danh mục mới/ }).click();
  const pick = presenter.getByTestId('add-map');
  await expect.poll(() => pick.locator('option').count()).toBe(2);
  // The picker re-renders while the list loads from Dexie and may drop a choice made too early:
  // choose again until the add button takes it.
  const mapValue = (await pick.locator('option').nth(1).getAttribute('value'))!;
  const addMap = presenter.getByRole('button', { name: 'Thêm', exact: true }).nth(2);
  await expect
    .poll(async () => {
      await pick.selectOption(mapValue);
      return addMap.isEnabled();
    })
    .toBe(true);
  await addMap.click();
  await expect.poll(() => presenter.getByTestId('exhibit-row').count()).toBe(1);
  await presenter
    .getByRole('button', { name: /Trình chiếu$/ })
    .last()
    .click();
  const [audience] = await Promise.all([
    ctx.waitForEvent('page'),
    presenter.getByRole('button', { name: 'Mở màn hình khán giả' }).click(),
  ]);
  await audience.waitForSelector('[data-testid=audience] .cr-upright img');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('1/2');
  // Node by node: the second step focuses the evidence node, which offers its page.
  await presenter.keyboard.press('PageDown');
  await expect.poll(() => presenter.getByTestId('position').innerText()).toContain('2/2');
  await presenter.getByRole('button', { name: /Mở trang chứng cứ/ }).waitFor();
  await presenter.keyboard.press('o');
  await expect.poll(() => presenter.locator('.cr-adhoc').innerText()).toContain('BL 2');
  // The audience shows the page (a stored page image, not the map picture) with the region called out.
  await expect
    .poll(() => audience.locator('[data-testid=audience] .cr-upright img').first().getAttribute('src'))
    .toContain('/api/files/');
  await expect.poll(() => audience.locator('[data-testid=audience] .cr-callout').count()).toBe(1);
  await audience.screenshot({ path: path.join(SHOTS, '8-audience-map-evidence.png') });
  // Esc goes back to the map.
  await presenter.keyboard.press('Escape');
  await expect
    .poll(() => audience.locator('[data-testid=audience] .cr-upright img').first().getAttribute('src'))
    .toMatch(/^data:image\/svg\+xml/);
  expect(problems).toEqual([]);
  await ctx.close();
});
