import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { launchChromium, repoRoot, startHoso, type HosoInstance } from './harness';

/**
 * Case intelligence end to end in Chromium: create a case, import a scanned page (real OCR in the
 * host), open "Nhân vật & dữ kiện", find the defendant with his role and the plate by a sloppily
 * typed search, open a hit in the viewer, then create a map and accept a suggested evidence node
 * (and reject another): the accepted node is on the map linked to its page region, and
 * double-clicking it opens that page.
 */
const OUT = path.join(repoRoot, 'tests', 'e2e', 'out', 'entities');
const FIXTURES = path.join(repoRoot, 'fixtures', 'sample-dossier');

let hoso: HosoInstance;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  hoso = await startHoso();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await hoso?.close();
});

async function storedMaps(page: Page) {
  return page.evaluate(
    () =>
      new Promise<
        {
          nodes: {
            id: string;
            kind: string;
            title?: string;
            name?: string;
            link?: { kind: string; pageId: string; documentId?: string };
          }[];
          edges: { source: string; target: string }[];
        }[]
      >((resolve, reject) => {
        const req = indexedDB.open('hoso');
        req.onsuccess = () => {
          const all = req.result.transaction('maps', 'readonly').objectStore('maps').getAll();
          all.onsuccess = () => resolve(all.result.map((m: { model: never }) => m.model));
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

test('the panel lists who and what the dossier names; a suggested node goes onto the map linked to its page', async () => {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  onTestFailed(async () => {
    await page.screenshot({ path: path.join(OUT, 'failure.png') });
    console.error('page problems:', problems);
  });

  await page.goto(hoso.url);
  await page
    .getByRole('button', { name: /Tạo vụ án/ })
    .first()
    .click();
  const form = page.locator('form.case-form');
  await form.getByLabel(/Số vụ án/).fill('56/QĐ-CSĐT');
  await form.getByLabel(/Tên vụ án/).fill('Hoàng Văn Thắng trộm cắp tài sản');
  await form.getByRole('button', { name: /Thêm tội danh/ }).click();
  await form.getByLabel('Điều', { exact: true }).last().fill('173');
  await form.getByLabel('Tên tội danh').last().fill('Trộm cắp tài sản');
  await form.getByRole('button', { name: /^Lưu/ }).click();
  await page.waitForURL(/#\/cases\/[^/?]+/);

  await page
    .locator('.dossier-tab input[type="file"][multiple]')
    .setInputFiles([path.join(FIXTURES, '01-quyet-dinh-phe-chuan-khoi-to.jpg')]);

  // The panel reads the page as soon as its OCR is stored (no reload, no button).
  await page.getByRole('tab', { name: 'Nhân vật & dữ kiện' }).click();
  const person = page.locator('.ent-row[data-kind="person"][data-entity="Hoàng Văn Thắng"]');
  await person.waitFor({ timeout: 200_000 });
  // The signer's role comes from the signature block above his name.
  await expect
    .poll(() => page.locator('.ent-row[data-entity="Vi Trường Xuân"] .ent-role').textContent())
    .toBe('Viện trưởng');
  // The provision of the charge is marked as the case's charge.
  await expect
    .poll(() => page.locator('.ent-row[data-entity="khoản 1 Điều 173 BLHS"] .ent-charged').count())
    .toBe(1);

  // Search by entity, typed without its punctuation.
  await page.getByRole('searchbox').fill('12f1 345 67');
  await expect.poll(() => page.locator('.ent-row').count()).toBe(1);
  expect(await page.locator('.ent-row').getAttribute('data-entity')).toBe('12F1-345.67');
  await page.getByRole('searchbox').fill('');
  await page.screenshot({ path: path.join(OUT, 'panel.png') });

  // A page link opens the viewer at the hit.
  await person.locator('.page-link').first().click();
  await page.waitForURL(/\/pages\/[^?]+\?.*region=/);
  const pageId = decodeURIComponent(page.url().split('/pages/')[1].split('?')[0]);
  await page.goBack();

  // Map suggestions: create the timeline map, then decide one by one.
  await page.getByRole('button', { name: /Tạo sơ đồ “Diễn biến vụ án”/ }).click();
  const plate = page.locator('.ent-suggestion', { hasText: 'Phương tiện biển số 12F1-345.67' });
  await plate.waitFor();
  const nodesBefore = (await storedMaps(page))[0].nodes.length;
  const rejected = page.locator('.ent-suggestion', { hasText: 'Số tiền 18.500.000 đồng' });
  await rejected.getByRole('button', { name: 'Bỏ qua' }).click();
  await expect.poll(() => rejected.count()).toBe(0);
  expect((await storedMaps(page))[0].nodes.length).toBe(nodesBefore); // nothing added silently
  await plate.getByRole('button', { name: 'Thêm vào sơ đồ' }).click();
  await expect.poll(() => plate.count()).toBe(0);
  const [model] = await storedMaps(page);
  expect(model.nodes.length).toBe(nodesBefore + 1);
  const added = model.nodes.find((n) => n.kind === 'evidence' && n.title?.includes('12F1-345.67'));
  expect(added?.link).toMatchObject({ kind: 'region', pageId });
  await page.screenshot({ path: path.join(OUT, 'suggestions.png') });

  // A second paper arrives while the panel is closed: it is read in the background after its OCR.
  await page.getByRole('tab', { name: 'Hồ sơ' }).click();
  await page
    .locator('.dossier-tab input[type="file"][multiple]')
    .setInputFiles([path.join(FIXTURES, '02-bien-ban-ghi-loi-khai.jpg')]);
  await page.getByRole('tab', { name: 'Nhân vật & dữ kiện' }).click();
  // The evidence map: its suggestions are the evidence papers with their pages, decided one by one.
  await page.getByRole('button', { name: /Tạo sơ đồ “Đánh giá chứng cứ”/ }).click();
  const paper = page.locator('.ent-suggestion[data-key^="document:"]');
  await paper.first().waitFor({ timeout: 200_000 });
  expect(await paper.count()).toBe(1); // the statement; the decision to prosecute is procedure
  expect(await paper.locator('.muted').textContent()).toMatch(/BL \d+|tr\. \d+/);
  const evidenceMap = async () =>
    (await storedMaps(page)).find((m) =>
      m.nodes.some((n) => n.kind === 'note' && n.title === 'Chứng cứ buộc tội'),
    )!;
  const evidenceBefore = (await evidenceMap()).nodes.length;
  const other = page.locator('.ent-suggestion[data-group="evidence"]:not([data-key^="document:"])').first();
  const otherKey = await other.getAttribute('data-key');
  await other.getByRole('button', { name: 'Bỏ qua' }).click();
  await expect.poll(() => page.locator(`.ent-suggestion[data-key="${otherKey}"]`).count()).toBe(0);
  expect((await evidenceMap()).nodes.length).toBe(evidenceBefore); // nothing added silently
  await paper.getByRole('button', { name: 'Thêm vào sơ đồ' }).click();
  await expect.poll(() => paper.count()).toBe(0);
  const evidence = await evidenceMap();
  expect(evidence.nodes.length).toBe(evidenceBefore + 1);
  const item = evidence.nodes.find((n) => n.kind === 'evidence' && n.link?.kind === 'document')!;
  const topic = evidence.nodes.find((n) => n.kind === 'note' && n.title === 'Chứng cứ buộc tội')!;
  expect(evidence.edges.some((e) => e.source === topic.id && e.target === item.id)).toBe(true);
  await page.screenshot({ path: path.join(OUT, 'evidence-suggestions.png') });

  // On the map: the node is there, and double-clicking it opens its page.
  await page.getByRole('tab', { name: 'Sơ đồ tư duy' }).click();
  await page.locator('.mm-maps a', { hasText: 'Diễn biến vụ án' }).first().click();
  const node = page.locator('[data-kind="evidence"]', { hasText: '12F1-345.67' });
  await node.waitFor();
  await node.dblclick();
  await page.waitForURL((u) => u.toString().includes(`/pages/${encodeURIComponent(pageId)}`));
  expect(problems).toEqual([]);
}, 480_000); // two pages OCR'd by the real engine on a shared 2-core machine
