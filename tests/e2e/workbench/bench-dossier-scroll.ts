/**
 * `npm run bench:workbench`: does a 2 000-page dossier scroll smoothly? Seeds a case in Chromium's
 * IndexedDB with 2 000 pages (20 documents × 100 pages, all showing one real scan), opens the
 * dossier, scrolls it top to bottom in 120 steps (one per animation frame) and prints frame times
 * and how many thumbnails were in the DOM (virtualization keeps that small).
 */
import path from 'node:path';
import { launchChromium, repoRoot, startHoso } from '../harness';
import { createCase, importFiles, waitForOcr } from './steps';

const PAGES = 2000;
const DOCS = 20;

async function main() {
  const hoso = await startHoso();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => m.type() === 'error' && console.error('browser:', m.text()));
    page.on('pageerror', (e) => console.error('browser:', e.message));
    await page.goto(hoso.url);
    await createCase(page, {
      number: 'BENCH-1',
      name: 'Hồ sơ 2 000 trang',
      prosecutor: 'KSV',
      article: '173',
      clause: '1',
      chargeName: 'Trộm cắp tài sản',
      defendant: 'Nguyễn Văn A',
      birthYear: '1990',
    });
    await importFiles(page, [
      path.join(repoRoot, 'fixtures/sample-dossier/01-quyet-dinh-phe-chuan-khoi-to.jpg'),
    ]);
    await waitForOcr(page, 1);
    const caseId = decodeURIComponent(/#\/cases\/([^/?]+)/.exec(page.url())![1]);

    // tsx compiles this file with keepNames: give the page the helper its closures reference.
    await page.evaluate('window.__name = (f) => f');
    // Clone the one real page 2 000 times straight into IndexedDB (the stores Dexie reads).
    await page.evaluate(
      async ({ caseId, pages, docs }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('hoso');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const all = <T>(store: string) =>
          new Promise<T[]>((resolve) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result as T[]);
          });
        type Rec = Record<string, unknown>;
        const template = (await all<Rec>('pages')).find((p) => p.caseId === caseId)!;
        const doc = (await all<Rec>('documents')).find((d) => d.caseId === caseId)!;
        const volumes = (await all<Rec>('volumes')).filter((v) => v.caseId === caseId);
        const tx = db.transaction(['documents', 'pages'], 'readwrite');
        const per = pages / docs;
        for (let d = 0; d < docs; d++) {
          const docId = `bench-doc-${d}`;
          const volume = volumes[d < docs / 2 ? 0 : 1] ?? volumes[0];
          tx.objectStore('documents').put({
            ...doc,
            id: docId,
            volumeId: volume.id,
            order: 100 + d,
            title: `Tài liệu ${d + 1}`,
          });
          for (let i = 0; i < per; i++) {
            const n = d * per + i;
            tx.objectStore('pages').put({
              ...template,
              id: `bench-page-${n}`,
              documentId: docId,
              order: i,
              folio: n + 2,
              importId: undefined,
            });
          }
        }
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      },
      { caseId, pages: PAGES, docs: DOCS },
    );
    await page.reload();
    const scroller = page.locator('.dossier-scroll');
    await scroller.waitFor().catch(async (e) => {
      await page.screenshot({ path: path.join(repoRoot, 'screenshots', 'bench-fail.png') });
      throw e;
    });
    await page.waitForFunction(() => document.querySelectorAll('.thumb').length > 0);

    // Two passes: a wheel-like 120 px per frame over the first 36 000 px, then a fast drag of the
    // scrollbar through the whole dossier in 120 frames.
    const measure = (pxPerFrame: number | null) =>
      scroller.evaluate(async (el: HTMLElement, step: number | null) => {
        el.scrollTop = 0;
        await new Promise((r) => setTimeout(r, 500));
        const frames: number[] = [];
        let maxThumbs = 0;
        const height = el.scrollHeight - el.clientHeight;
        const steps = step ? Math.floor(Math.min(height, 36_000) / step) : 120;
        const delta = step ?? height / steps;
        let last = await new Promise<number>((r) => requestAnimationFrame(r));
        for (let i = 1; i <= steps; i++) {
          el.scrollTop = delta * i;
          const now = await new Promise<number>((r) => requestAnimationFrame(r));
          frames.push(now - last);
          last = now;
          maxThumbs = Math.max(maxThumbs, el.querySelectorAll('.thumb').length);
        }
        frames.sort((a, b) => a - b);
        const mean = frames.reduce((a, b) => a + b, 0) / frames.length;
        return {
          height: el.scrollHeight,
          delta,
          frames: frames.length,
          mean,
          p95: frames[Math.floor(frames.length * 0.95)],
          max: frames[frames.length - 1],
          over50: frames.filter((f) => f > 50).length,
          maxThumbs,
        };
      }, pxPerFrame);
    const wheel = await measure(120);
    const drag = await measure(null);
    console.log(
      `\nDossier scroll: ${PAGES + 1} pages, scroll height ${wheel.height} px, headless Chromium 1440×900\n`,
    );
    const row = (r: typeof wheel) => ({
      'px / frame': Math.round(r.delta),
      frames: r.frames,
      'mean ms': r.mean.toFixed(1),
      'p95 ms': r.p95.toFixed(1),
      'max ms': r.max.toFixed(1),
      'frames > 50 ms': r.over50,
      'max thumbs in DOM': r.maxThumbs,
    });
    console.table({ 'wheel-like': row(wheel), 'scrollbar drag': row(drag) });
  } finally {
    await browser.close();
    await hoso.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
