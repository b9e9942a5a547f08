/**
 * `npm run bench:ocr [-- --corpus DIR --pages N --repeat N --jobs N --no-native --variant V --psm P --stream N]`
 *
 * Over the corpus (default ../shared/corpus), per degradation: word F1 / precision / recall and CER
 * against truth.txt, pages/min, peak RSS, output bytes / input bytes and the median IoU of the
 * searchable PDF's text-layer words (read back with pdftotext -bbox) against words.tsv; the same
 * for the native tesseract CLI when installed (OMP_THREAD_LIMIT=1, one process per job, psm 3), run
 * twice: with Debian's language data (tessdata_fast: a smaller network) and with the very model
 * HoSo ships (@tesseract.js-data best_int), which separates what the model costs from what
 * WebAssembly and the pipeline cost. CPU s/page is user + system time of all threads (ours) or of
 * the CLI processes (native, via /usr/bin/time): unlike pages/min it barely moves with machine load.
 * `--stream N` instead pushes N pages (corpus pages repeated) through engine + PDF writer and
 * reports throughput and peak RSS. `--repeat N` feeds each degradation's pages N times, so worker
 * start-up (paid once per run) weighs less in pages/min. Results go to bench-results/ocr.md.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OcrPage } from '@hoso/contracts';
import { recognizePages, type EngineTuning, type PageSource } from '../src/index';
import { prepareTessdata } from '../src/recognize/tessdata';
import { rerunWithBoundedMalloc } from '../src/runtime/bounded-malloc';
import { writeSearchablePdf } from '../src/pdf';
import { cer, medianWordIou, parseWordsTsv, type TruthWord, wordF1 } from './score';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const DEGRADATIONS = [
  'v0-clean.png',
  'v1-scan.jpg',
  'v2-skew.jpg',
  'v3-seal.jpg',
  'v4-fax.tif',
  'v5-rot90.jpg',
];
const WITH_BOXES = new Set(['v0-clean.png', 'v1-scan.jpg', 'v3-seal.jpg']);

interface Args {
  corpus: string;
  pages: number;
  jobs: number;
  native: boolean;
  tuning: EngineTuning;
  stream: number;
  repeat: number;
  only?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    corpus: path.resolve(repoRoot, '../shared/corpus'),
    pages: Infinity,
    jobs: os.availableParallelism(),
    native: true,
    tuning: {},
    stream: 0,
    repeat: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--corpus':
        a.corpus = path.resolve(v);
        i++;
        break;
      case '--pages':
        a.pages = Number(v);
        i++;
        break;
      case '--jobs':
        a.jobs = Number(v);
        i++;
        break;
      case '--no-native':
        a.native = false;
        break;
      case '--psm':
        a.tuning.psm = v as EngineTuning['psm'];
        i++;
        break;
      case '--dpi':
        a.tuning.recognitionDpi = Number(v);
        a.tuning.minDpi = Number(v);
        a.tuning.maxDpi = Number(v);
        i++;
        break;
      case '--stream':
        a.stream = Number(v);
        i++;
        break;
      case '--repeat':
        a.repeat = Math.max(1, Number(v));
        i++;
        break;
      case '--only':
        a.only = v;
        i++;
        break;
    }
  }
  return a;
}

interface Row {
  degradation: string;
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  cer: number;
  ppm: number;
  cpuPerPage?: number;
  rssMb?: number;
  bytesRatio?: number;
  iou?: number;
}

const pageText = (ocr: OcrPage) =>
  ocr.blocks.map((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')).join('\n');

function aggregate(degradation: string, texts: string[], truths: string[], ms: number): Row {
  const scores = texts.map((t, i) => wordF1(t, truths[i]));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    degradation,
    pages: texts.length,
    precision: mean(scores.map((s) => s.precision)),
    recall: mean(scores.map((s) => s.recall)),
    f1: mean(scores.map((s) => s.f1)),
    cer: mean(texts.map((t, i) => cer(t, truths[i]))),
    ppm: (texts.length / ms) * 60_000,
  };
}

/** Text-layer words of each page of a PDF as pdftotext sees them, in 300-dpi pixels. */
async function textLayerWords(pdf: string): Promise<TruthWord[][]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 << 20 });
  const pages: TruthWord[][] = [];
  for (const chunk of stdout.split('<page ').slice(1)) {
    const words: TruthWord[] = [];
    for (const m of chunk.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      const k = 300 / 72;
      const text = m[5]
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"');
      words.push({ box: [+m[1] * k, +m[2] * k, +m[3] * k, +m[4] * k], text: text.normalize('NFC') });
    }
    pages.push(words);
  }
  return pages;
}

async function benchEngine(
  files: string[],
  degradation: string,
  truths: string[],
  tsvs: (string | undefined)[],
  args: Args,
  tmp: string,
): Promise<Row> {
  const out = path.join(tmp, `${degradation}.pdf`);
  const texts: string[] = [];
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  async function* pages(): AsyncGenerator<{ source: PageSource; ocr: OcrPage }> {
    for await (const r of recognizePages(files, {
      lang: 'vie',
      jobs: args.jobs,
      forceOcr: false,
      skipBadPages: false,
      tuning: args.tuning,
    })) {
      texts.push(pageText(r.ocr));
      yield r;
    }
  }
  const written = await writeSearchablePdf({ outputPath: out, title: degradation, pages: pages() });
  const ms = Date.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const row = aggregate(degradation, texts, truths, ms);
  row.cpuPerPage = (cpu.user + cpu.system) / 1e6 / texts.length;
  const inputBytes = (await Promise.all(files.map((f) => stat(f)))).reduce((s, st) => s + st.size, 0);
  row.bytesRatio = written.bytes / inputBytes;
  row.rssMb = process.resourceUsage().maxRSS / 1024;
  if (WITH_BOXES.has(degradation)) {
    const layer = await textLayerWords(out);
    const ious = tsvs.map((tsv, i) => (tsv ? medianWordIou(layer[i] ?? [], parseWordsTsv(tsv)) : 0));
    row.iou = median(ious);
  }
  return row;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%U', 'true']).status === 0;

/** The native CLI on the pages, `jobs` processes at a time; `tessdataDir` swaps its language data. */
async function benchNative(
  files: string[],
  degradation: string,
  truths: string[],
  jobs: number,
  tmp: string,
  tessdataDir?: string,
): Promise<Row> {
  const texts: string[] = new Array(files.length);
  const started = Date.now();
  let next = 0;
  let cpuSeconds = 0;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  await Promise.all(
    Array.from({ length: jobs }, async (_, job) => {
      const timeFile = path.join(tmp, `native-time-${job}`);
      while (next < files.length) {
        const i = next++;
        const cli = ['tesseract', files[i], '-', '-l', 'vie', '--psm', '3'];
        if (tessdataDir) cli.push('--tessdata-dir', tessdataDir);
        const [cmd, ...cmdArgs] = hasGnuTime ? [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...cli] : cli;
        const { stdout } = await run(cmd, cmdArgs, { env, maxBuffer: 16 << 20 });
        texts[i] = stdout;
        if (hasGnuTime) {
          const [user, system] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number);
          cpuSeconds += user + system;
        }
      }
    }),
  );
  const row = aggregate(degradation, texts, truths, Date.now() - started);
  if (hasGnuTime) row.cpuPerPage = cpuSeconds / files.length;
  return row;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

const f = (x: number | undefined, d = 4) => (x === undefined ? '—' : x.toFixed(d));

async function benchStream(args: Args, docs: string[], tmp: string): Promise<string> {
  const pool = docs.flatMap((d) =>
    ['v1-scan.jpg', 'v3-seal.jpg', 'v4-fax.tif'].map((v) => path.join(args.corpus, d, v)),
  );
  const files = Array.from({ length: args.stream }, (_, i) => pool[i % pool.length]);
  const started = Date.now();
  let rssPeak = 0;
  let windowPeak = 0;
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    rssPeak = Math.max(rssPeak, rss);
    windowPeak = Math.max(windowPeak, rss);
  }, 250);
  // A trace of the peak RSS per 25 pages shows whether memory plateaus (workers recycled) or grows.
  const trace: string[] = [];
  async function* traced(): AsyncGenerator<{ source: PageSource; ocr: OcrPage }> {
    let n = 0;
    for await (const page of recognizePages(files, {
      lang: 'vie',
      jobs: args.jobs,
      forceOcr: false,
      skipBadPages: false,
      tuning: args.tuning,
    })) {
      yield page;
      if (++n % 25 === 0) {
        const line = `${n} pages · ${((Date.now() - started) / 1000) | 0} s · peak RSS of the last 25 pages ${(windowPeak / 2 ** 20).toFixed(0)} MB · load ${os.loadavg()[0].toFixed(1)}`;
        console.log(line);
        trace.push(line);
        windowPeak = 0;
      }
    }
  }
  const written = await writeSearchablePdf({
    outputPath: path.join(tmp, 'stream.pdf'),
    title: 'stream',
    pages: traced(),
  });
  clearInterval(timer);
  const ms = Date.now() - started;
  const maxRss = process.resourceUsage().maxRSS / 1024;
  return `Stream: ${written.pages} pages (v1/v3/v4 repeated) in ${(ms / 1000).toFixed(0)} s → ${((written.pages / ms) * 60_000).toFixed(1)} pages/min, jobs ${args.jobs}, peak RSS ${maxRss.toFixed(0)} MB (sampled ${(rssPeak / 2 ** 20).toFixed(0)} MB), output ${(written.bytes / 2 ** 20).toFixed(1)} MB\n\n${trace.map((l) => `- ${l}`).join('\n')}\n`;
}

async function main(): Promise<void> {
  // Measured as the `hoso` command runs: glibc malloc bounded (ocr/src/runtime/bounded-malloc.ts).
  const rerun = rerunWithBoundedMalloc(process.argv[1], process.argv.slice(2));
  if (rerun) {
    process.exitCode = await rerun;
    return;
  }
  const args = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(await readFile(path.join(args.corpus, 'manifest.json'), 'utf8')) as {
    docs: { name: string }[];
  };
  const docs = manifest.docs.map((d) => d.name).slice(0, args.pages);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'hoso-bench-'));
  const hasNative = args.native && spawnSync('tesseract', ['--version']).status === 0;
  const cpu = `${os.cpus()[0]?.model ?? '?'} × ${os.availableParallelism()}`;
  let report = `# OCR bench\n\n${new Date().toISOString()} · ${cpu} · Node ${process.version} · jobs ${args.jobs} · tuning ${JSON.stringify(args.tuning)} · ${docs.length} page(s) per degradation × ${args.repeat}\n\n`;
  try {
    if (args.stream > 0) {
      report += await benchStream(args, docs, tmp);
    } else {
      const lines = [
        '| degradation | engine | pages | word P | word R | word F1 | CER | pages/min | CPU s/page | peak RSS MB | out/in bytes | text-layer IoU |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ];
      const ratios: string[] = [];
      // The native CLI reading HoSo's own model: same network, native code instead of WebAssembly.
      const sameModelDir = hasNative ? await prepareTessdata('vie', '4.0.0_best_int') : undefined;
      for (const degradation of DEGRADATIONS.filter((d) => !args.only || d.startsWith(args.only))) {
        const runDocs = Array.from({ length: args.repeat }, () => docs).flat();
        const files = runDocs.map((d) => path.join(args.corpus, d, degradation));
        const truths = await Promise.all(
          runDocs.map((d) => readFile(path.join(args.corpus, d, 'truth.txt'), 'utf8')),
        );
        const tsvs = await Promise.all(
          runDocs.map((d) => readFile(path.join(args.corpus, d, 'words.tsv'), 'utf8').catch(() => undefined)),
        );
        const ours = await benchEngine(files, degradation, truths, tsvs, args, tmp);
        const row = (r: Row, engine: string) =>
          `| ${r.degradation} | ${engine} | ${r.pages} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.cer)} | ${f(r.ppm, 1)} | ${f(r.cpuPerPage, 2)} | ${f(r.rssMb, 0)} | ${f(r.bytesRatio, 3)} | ${f(r.iou, 3)} |`;
        const rows = [row(ours, 'hoso (tesseract.js)')];
        if (hasNative) {
          const native = await benchNative(files, degradation, truths, args.jobs, tmp);
          const sameModel = await benchNative(files, degradation, truths, args.jobs, tmp, sameModelDir);
          rows.push(row(native, 'tesseract CLI, Debian model'), row(sameModel, 'tesseract CLI, HoSo model'));
          const cpuRatio = (a?: number, b?: number) => (a && b ? ` (CPU ×${(b / a).toFixed(2)})` : '');
          ratios.push(
            `${degradation}: throughput ×${(ours.ppm / native.ppm).toFixed(2)}${cpuRatio(ours.cpuPerPage, native.cpuPerPage)} vs Debian model, ×${(ours.ppm / sameModel.ppm).toFixed(2)}${cpuRatio(ours.cpuPerPage, sameModel.cpuPerPage)} vs the same model; F1 Δ ${(ours.f1 - native.f1 >= 0 ? '+' : '') + (ours.f1 - native.f1).toFixed(4)}`,
          );
        }
        lines.push(...rows);
        rows.forEach((r) => console.log(r));
      }
      report += lines.join('\n') + '\n\n';
      if (ratios.length)
        report += `hoso vs native tesseract (same pages, ${args.jobs} jobs):\n\n${ratios.map((r) => `- ${r}`).join('\n')}\n`;
      report += `\nPeak RSS is the bench process (engine workers + PDF writer), cumulative. Text-layer IoU: median over pages of the median per-word IoU of the output PDF's words (pdftotext -bbox) against words.tsv.\n`;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  console.log('\n' + report);
  await mkdir(path.join(repoRoot, 'bench-results'), { recursive: true });
  const suffix = args.stream > 0 ? '-stream' : '';
  await writeFile(path.join(repoRoot, 'bench-results', `ocr${suffix}.md`), report);
}

await main();
