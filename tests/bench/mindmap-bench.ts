/**
 * `npm run bench:mindmap`: the mind-map editor's components on a 1 000-node / 1 500-edge map in
 * Debian's Chromium (playwright-core), as a production build (React's dev mode would triple the cost). Prints frame times while
 * panning and zooming (requestAnimationFrame deltas, p50/p95) and auto-layout times per layout.
 * Knobs: NODES, EDGES, VISIBLE=0, TRACE=file.json, EXTRA_CSS; LOD=canvas (default, as the editor:
 * one canvas below the far-zoom threshold) | keep (canvas, DOM kept under it) | off (DOM only);
 * FAR=0.5 (another threshold); SLOW=1 (list each slow frame as zoom:ms).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { build, preview } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const nodes = Number(process.env.NODES ?? 1000);
const edges = Number(process.env.EDGES ?? 1500);

const outDir = mkdtempSync(path.join(os.tmpdir(), 'hoso-mindmap-bench-'));
const configFile = path.join(repoRoot, 'renderer/vite.config.ts');
await build({
  configFile,
  logLevel: 'error',
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: { input: path.join(repoRoot, 'renderer/src/features/mindmap/bench/bench.html') },
  },
});
const server = await preview({
  configFile,
  logLevel: 'error',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0 },
});
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 0;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(
    `http://127.0.0.1:${port}/src/features/mindmap/bench/bench.html?nodes=${nodes}&edges=${edges}&visible=${process.env.VISIBLE ?? 1}&lod=${process.env.LOD ?? 'canvas'}${process.env.FAR ? `&far=${process.env.FAR}` : ''}`,
  );
  await page.waitForFunction(
    () => Boolean(window.hosoBench) && document.querySelectorAll('.react-flow__node').length > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  // EXTRA_CSS='…' tries a style change without rebuilding (e.g. to find what painting costs).
  if (process.env.EXTRA_CSS) await page.addStyleTag({ content: process.env.EXTRA_CSS });
  const fitZoom = await page.evaluate(() => window.hosoBench!.fit());
  const rows: [string, string][] = [];
  // Where the time goes (main thread, summed over the measure): script, style, layout, rest (paint etc.).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    ) as Record<string, number>;
  let before = await metrics();
  const split = async () => {
    const after = await metrics();
    const d = (k: string) => (after[k] - before[k]) * 1000;
    const [js, style, layout, task] = [
      'ScriptDuration',
      'RecalcStyleDuration',
      'LayoutDuration',
      'TaskDuration',
    ].map(d);
    before = after;
    return ` · main thread: js ${js.toFixed(0)}, style ${style.toFixed(0)}, layout ${layout.toFixed(0)}, other ${(task - js - style - layout).toFixed(0)} ms`;
  };
  const fmt = (s: { p50: number; p95: number; max: number; over33: number; frames: number; slow: string }) =>
    `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · max ${s.max.toFixed(0)} ms · ${s.over33}/${s.frames} frames > 33 ms` +
    // SLOW=1: which frames were slow, as zoom:ms (tells the near-zoom DOM from the far-zoom canvas).
    (process.env.SLOW ? ` · slow ${s.slow}` : '');
  // Warm-up pass so first-render costs don't count as frame times.
  await page.evaluate(() => window.hosoBench!.pan(1, 30));
  before = await metrics();
  rows.push([
    'pan at zoom 1 (part of the map)',
    fmt(await page.evaluate(() => window.hosoBench!.pan(1))) + (await split()),
  ]);
  // TRACE=file.json records a Chrome trace of the zoom-to-fit pan (open it in chrome://tracing or Perfetto).
  if (process.env.TRACE)
    await browser.startTracing(page, {
      path: process.env.TRACE,
      screenshots: false,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-v8.cpu_profiler',
        'v8.execute',
        'blink',
        'cc',
      ],
    });
  rows.push([
    `pan at zoom-to-fit (${fitZoom.toFixed(2)}, all visible)`,
    fmt(await page.evaluate((z) => window.hosoBench!.pan(z), fitZoom)) + (await split()),
  ]);
  if (process.env.TRACE) await browser.stopTracing();
  rows.push([
    'zoom sweep 0.08 ↔ 0.98',
    fmt(await page.evaluate(() => window.hosoBench!.zoom())) + (await split()),
  ]);
  for (const kind of ['tree', 'radial', 'timeline'] as const) {
    await page.evaluate((k) => window.hosoBench!.layout(k), kind); // warm-up (JIT)
    const ms = await page.evaluate((k) => window.hosoBench!.layout(k), kind);
    rows.push([
      `auto-layout "${kind}", ${nodes} nodes`,
      `${ms.toFixed(0)} ms ${ms < 1000 ? '(< 1 s ✓)' : '(≥ 1 s ✗)'}`,
    ]);
  }
  // Maps up to ELK_MAX_NODES use elkjs's mrtree for "tree": time it at that size.
  await page.evaluate(() => window.hosoBench!.layout('tree', 200)); // warm-up (JIT)
  const elkMs = await page.evaluate(() => window.hosoBench!.layout('tree', 200));
  rows.push(['auto-layout "tree" with elkjs mrtree, 200 nodes', `${elkMs.toFixed(0)} ms`]);
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nHoSo mind map bench — ${nodes} nodes, ${edges} edges, Chromium ${browser.version()}\n`);
  console.log(`${'measure'.padEnd(w)} | result`);
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(60)}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)} | ${v}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
const load = os.loadavg()[0];
if (load > os.cpus().length)
  console.log(
    `\nNote: load average ${load.toFixed(1)} on ${os.cpus().length} cores while measuring; rerun on an idle machine.`,
  );
