/**
 * `npm run bench:courtroom`: how fast the next exhibit reaches the audience screen.
 *
 * Real browser mode, real Chromium, offline: a case with 20 distinct A4 scans (300 dpi JPEG,
 * 2480×3508, each decoded on the device like a real dossier page) is prepared through the UI, the
 * presenter and the audience windows run side by side in one browser context, and every key press
 * on the presenter is timed until the audience has painted the new page: the key event's own
 * timestamp (performance.mark in the presenter) to the audience's mark after the frame that shows
 * the decoded image, both on the shared wall clock (timeOrigin + now). Prints p50/p95/max.
 * Jumps type their digits 100 ms apart and are timed from Enter.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { launchChromium, repoRoot, startHoso } from '../../e2e/harness';
import { fakeOcr } from '../fakeOcr';
import { addPagesByFolio, createCaseWithDossier, newListWhenPagesStored } from '../uiSteps';

const PAGES = 20;
const PAUSE_MS = 350; // a presenter's pace between clicks; prefetch works in these gaps

async function makeScans(dir: string): Promise<string[]> {
  const sources = ['01-v2-skew.jpg', '03-v3-seal.jpg'].map((f) =>
    path.join(repoRoot, 'fixtures/corpus-samples', f),
  );
  const files: string[] = [];
  for (let i = 0; i < PAGES; i++) {
    // A different crop and a page number burnt in: distinct bytes, so no two pages share a cache entry.
    const label = Buffer.from(
      `<svg width="2480" height="3508"><text x="2200" y="3400" font-size="120" font-family="DejaVu Sans">${i + 1}</text></svg>`,
    );
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-trang.jpg`);
    await sharp(sources[i % 2])
      .resize(2480 + i, 3508, { fit: 'fill' })
      .extract({ left: i, top: 0, width: 2480, height: 3508 })
      .composite([{ input: label }])
      .jpeg({ quality: 80 })
      .toFile(file);
    files.push(file);
  }
  return files;
}

async function marks(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (n) => performance.getEntriesByName(n).map((e) => performance.timeOrigin + e.startTime),
    name,
  );
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'hoso-bench-courtroom-'));
  const hoso = await startHoso({ recognize: fakeOcr });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // No network: only the loopback host answers; anything else is aborted and counted.
    let offHost = 0;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(hoso.origin) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      offHost++;
      return route.abort();
    });
    const presenter = await context.newPage();
    process.stdout.write('preparing 20 scanned pages through the UI… ');
    await createCaseWithDossier(presenter, hoso.url, await makeScans(tmp));
    await newListWhenPagesStored(presenter, PAGES);
    await addPagesByFolio(
      presenter,
      Array.from({ length: PAGES }, (_, i) => i + 1),
    );
    await presenter
      .getByRole('button', { name: /Trình chiếu$/ })
      .last()
      .click();
    await presenter.waitForURL(/\/present\//);
    const [audience] = await Promise.all([
      context.waitForEvent('page'),
      presenter.getByRole('button', { name: 'Mở màn hình khán giả' }).click(),
    ]);
    await audience.setViewportSize({ width: 1920, height: 1080 });
    await audience.waitForSelector('[data-testid=audience] .cr-upright img');
    await presenter.bringToFront();
    console.log('done.');
    console.log(
      `visibility: presenter ${await presenter.evaluate(() => document.visibilityState)}, audience ${await audience.evaluate(() => document.visibilityState)}`,
    );

    const runs: Record<string, number[]> = {
      'next (PageDown)': [],
      'previous (PageUp)': [],
      'jump to folio (digits+Enter)': [],
    };
    const arrival: number[] = [];
    const press = async (kind: string, keys: string[]) => {
      const p0 = (await marks(audience, 'hoso-courtroom-painted')).length;
      // Digits come at a quick typist's pace (100 ms apart); the timed key is the last one.
      for (const [i, key] of keys.entries()) {
        if (i > 0) await presenter.waitForTimeout(100);
        await presenter.keyboard.press(key);
      }
      await audience.waitForFunction(
        (n) => performance.getEntriesByName('hoso-courtroom-painted').length > n,
        p0,
        { timeout: 5000 },
      );
      // The last key that moves the stage (Enter of a jump, or the PageUp/PageDown itself).
      const key = (await marks(presenter, 'hoso-courtroom-key')).at(-1)!;
      const painted = (await marks(audience, 'hoso-courtroom-painted')).slice(p0);
      const first = painted.find((t) => t >= key);
      if (first !== undefined) runs[kind].push(first - key);
      const state = (await marks(audience, 'hoso-courtroom-state')).find((t) => t >= key);
      if (state !== undefined) arrival.push(state - key);
      await presenter.waitForTimeout(PAUSE_MS);
    };
    await presenter.waitForTimeout(1000);
    for (let i = 1; i < PAGES; i++) await press('next (PageDown)', ['PageDown']);
    for (let i = 1; i < PAGES; i++) await press('previous (PageUp)', ['PageUp']);
    for (const folio of [17, 3, 11, 20, 6, 14, 1, 9])
      await press('jump to folio (digits+Enter)', [...String(folio), 'Enter']);

    console.log(
      '\nkey press on the presenter → new page painted on the audience (ms), Chromium, 1920×1080 audience',
    );
    console.log('| step | n | p50 | p95 | max |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [kind, xs] of Object.entries(runs)) {
      const s = [...xs].sort((a, b) => a - b);
      console.log(
        `| ${kind} | ${s.length} | ${pct(s, 50).toFixed(1)} | ${pct(s, 95).toFixed(1)} | ${s[s.length - 1].toFixed(1)} |`,
      );
    }
    const a = [...arrival].sort((x, y) => x - y);
    console.log(
      `| (of which: key → state received by the audience) | ${a.length} | ${pct(a, 50).toFixed(1)} | ${pct(a, 95).toFixed(1)} | ${a[a.length - 1].toFixed(1)} |`,
    );
    const [l1] = os.loadavg();
    console.log(`\nmachine: ${os.cpus().length} cores, load average ${l1.toFixed(1)} (tails grow with load)`);
    console.log(`requests outside the loopback host: ${offHost}`);
  } finally {
    await browser.close();
    await hoso.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

await main();
