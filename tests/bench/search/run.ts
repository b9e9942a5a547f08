/**
 * npm run bench:search [-- --pages 10000 --mode chromium|node|both --reps 5]
 *
 * Generates a dossier of realistic Vietnamese legal pages, imports and indexes it through the data
 * layer's own functions (addImportedDocument + applyOcrResult), then times searchPages per query
 * type. Chromium mode runs in Debian's Chromium on its real IndexedDB (the app's situation);
 * node mode uses fake-indexeddb. `--reuse-profile <dir>` keeps Chromium's database between runs
 * (first run populates, later runs only query).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { PopulateOptions, PopulateReport, QueryStats } from './core';
import { runNode } from './node';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const pages = Number(arg('pages', '10000'));
const mode = arg('mode', 'chromium');
const reps = Number(arg('reps', '5'));
/** Keep the Chromium profile (and its populated database) here between runs; query-only reruns. */
const profile = arg('reuse-profile', '');
const CORPUS = process.env.HOSO_CORPUS ?? '/work/shared/corpus';
const corpusTexts = readdirSync(CORPUS)
  .filter((d) => /^\d\d-/.test(d))
  .map((d) => readFileSync(join(CORPUS, d, 'truth.txt'), 'utf8'));

const options: PopulateOptions = { pages, cases: 4, pagesPerDocument: 10, wordsPerPage: 260, corpusTexts };

interface Outcome {
  report: PopulateReport;
  stats: QueryStats[];
  samples: { query: string; total: number; ms: number }[];
  storageBytes?: number;
  edits?: { correctMs: number[]; deleteDocMs: number[] };
}

async function runChromium(): Promise<Outcome> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, 'browser-entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  const js = bundle.outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module" src="/bench.js"></script>');
  });
  // A fixed port when reusing a profile: IndexedDB belongs to the origin, port included.
  await new Promise<void>((r) => server.listen(profile ? 5199 : 0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const launch = { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] };
  const browser = profile
    ? await chromium.launchPersistentContext(profile, launch)
    : await chromium.launch(launch);
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log(`[chromium] ${m.text()}`));
    page.on('pageerror', (e) => console.error(`[chromium] ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.runSearchBench === 'function');
    page.setDefaultTimeout(0);
    const run = ([o, r, k]: readonly [PopulateOptions, number, boolean]) => window.runSearchBench(o, r, k);
    return (await page.evaluate(run, [options, reps, !!profile] as const)) as Outcome;
  } finally {
    await browser.close();
    server.close();
  }
}

function print(label: string, o: Outcome): void {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\n## ${label}: ${o.report.pages} pages, ${options.wordsPerPage} words/page, ${options.cases} cases`,
  );
  console.log(
    `indexing: ${(o.report.indexMs / 1000).toFixed(1)} s total, ${(o.report.indexMs / o.report.pages).toFixed(2)} ms/page (applyOcrResult incl. page text + postings)`,
  );
  console.log(
    `index: ${o.report.segments.toLocaleString('en')} segment records holding ${o.report.postings.toLocaleString('en')} (term, page) entries, ~${mb(o.report.approxIndexBytes)} packed` +
      (o.storageBytes ? `; origin storage in use ${mb(o.storageBytes)}` : ''),
  );
  console.log(
    '\n| query type | runs | p50 ms | p95 ms | max ms | pages matched | p50 read / rank / hits ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of o.stats) {
    console.log(
      `| ${s.type} | ${s.runs} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.max.toFixed(1)} | ${s.meanTotal} | ${s.phases.map((x) => x.toFixed(0)).join(' / ')} |`,
    );
  }
  if (o.edits) {
    const f = (a: number[]) =>
      a.length ? `${Math.min(...a).toFixed(0)}–${Math.max(...a).toFixed(0)} ms` : 'n/a';
    console.log(
      `\nre-index on edit: correctWord ${f(o.edits.correctMs)}, deleteDocument (10 pages) ${f(o.edits.deleteDocMs)}`,
    );
  }
  console.log('\n| query (first run) | pages matched | ms |');
  console.log('| --- | ---: | ---: |');
  for (const s of o.samples) console.log(`| ${s.query} | ${s.total} | ${s.ms.toFixed(1)} |`);
}

if (mode === 'chromium' || mode === 'both') print('Chromium IndexedDB', await runChromium());
if (mode === 'node' || mode === 'both')
  print('Node fake-indexeddb', await runNode(options, reps, console.log));
