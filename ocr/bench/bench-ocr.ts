/**
 * `npm run bench:ocr [-- --corpus DIR --pages N --repeat N --jobs N --only v1,v3 --psm P --stream N
 *   --engines auto,wasm-fast,wasm-best,native-best,cli --no-stages --no-native]`
 *
 * Over the corpus (default ../shared/corpus; `--corpus` takes any folder of the same layout, such
 * as the held-out pages of ocr/bench/held-out), per degradation and side by side in one run:
 * HoSo with `--engine auto` (native Tesseract where installed), HoSo on tesseract.js with the fast
 * and the best model, and the bare native tesseract CLI (text out, Debian's model, psm 3,
 * OMP_THREAD_LIMIT=1, one process per job). For each: word F1 / precision / recall and CER against
 * truth.txt, pages/min, CPU s/page (every thread and child process: unlike pages/min it barely
 * moves with machine load), peak RSS of the process tree, output/input bytes and the median IoU of
 * the searchable PDF's text-layer words (pdftotext -bbox) against words.tsv; then the ratios to
 * the CLI and CPU per stage (decode / prepare / recognize, pages one at a time).
 * `--stream N` instead pushes N pages (corpus pages repeated) through engine + PDF writer and
 * reports throughput and peak RSS. `--stream-pdf 100,500` makes scanned PDFs of that many pages
 * (one 300-dpi A4 grey JPEG each) and runs the `hoso ocr` command on each, peak RSS of its tree.
 * `--repeat N` feeds each degradation's pages N times. Results go to bench-results/ocr.md.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { OcrModel, OcrPage } from '@hoso/contracts';
import { planInputs } from '../src/decode/inspect';
import { decodePage } from '../src/decode/raster';
import { prepareForRecognition } from '../src/preprocess/prepare';
import { DEFAULT_ENGINE, type EngineChoice } from '../src/recognize/recognizer';
import { createRecognizer } from '../src/recognize/select-engine';
import { cpuSeconds } from './cpu';
import { rssSampler, treeRss } from './tree-rss';
import { writeScannedPdf } from './scanned-pdf';
import sharp from 'sharp';
import { recognizePages, type EngineTuning, type PageSource } from '../src/index';
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
  /** Page counts of scanned PDFs to generate and run `hoso ocr` on (--stream-pdf 100,500). */
  streamPdf: number[];
  repeat: number;
  only?: string;
  engines: EngineKey[];
  stages: boolean;
}

/** The engines measured side by side; `cli` is the bare native tesseract CLI (text out). */
const ENGINES = {
  auto: { label: 'hoso auto', engine: 'auto', model: undefined },
  'native-best': { label: 'hoso native best', engine: 'native', model: 'best' },
  'wasm-fast': { label: 'hoso wasm fast', engine: 'wasm', model: 'fast' },
  'wasm-best': { label: 'hoso wasm best', engine: 'wasm', model: 'best' },
} as const satisfies Record<string, { label: string; engine: EngineChoice; model?: OcrModel }>;
type EngineKey = keyof typeof ENGINES | 'cli';

function parseArgs(argv: string[]): Args {
  const a: Args = {
    corpus: path.resolve(repoRoot, '../shared/corpus'),
    pages: Infinity,
    jobs: os.availableParallelism(),
    native: true,
    tuning: {},
    stream: 0,
    streamPdf: [],
    repeat: 1,
    engines: ['auto', 'wasm-fast', 'wasm-best', 'cli'],
    stages: true,
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
      case '--engines':
        a.engines = v.split(',') as EngineKey[];
        i++;
        break;
      case '--no-stages':
        a.stages = false;
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
      case '--stream-pdf':
        a.streamPdf = v.split(',').map(Number);
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
  /** All CPU per page: this process, its threads and its Tesseract processes. */
  cpuPerPage?: number;
  /** Of which this process (decode, prepare, PDF; for wasm also recognition in its worker threads). */
  ownCpuPerPage?: number;
  rssMb?: number;
  /** Engine and model the run used. */
  used?: string;
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
  choice: { engine: EngineChoice; model?: OcrModel },
): Promise<Row> {
  const out = path.join(tmp, `${degradation}.pdf`);
  const texts: string[] = [];
  let used = '';
  const rss = rssSampler();
  const started = Date.now();
  const cpuBefore = cpuSplit();
  async function* pages(): AsyncGenerator<{ source: PageSource; ocr: OcrPage }> {
    for await (const r of recognizePages(files, {
      lang: 'vie',
      jobs: args.jobs,
      forceOcr: false,
      skipBadPages: false,
      engine: choice.engine,
      model: choice.model,
      onEngine: (e) => (used = `${e.engine} ${e.model}`),
      tuning: args.tuning,
    })) {
      texts.push(pageText(r.ocr));
      yield r;
    }
  }
  const written = await writeSearchablePdf({ outputPath: out, title: degradation, pages: pages() });
  const ms = Date.now() - started;
  const cpu = cpuSplit(cpuBefore);
  const row = aggregate(degradation, texts, truths, ms);
  row.used = used;
  row.cpuPerPage = (cpu.own + cpu.children) / texts.length;
  row.ownCpuPerPage = cpu.own / texts.length;
  row.rssMb = rss.stop() / 2 ** 20;
  const inputBytes = (await Promise.all(files.map((f) => stat(f)))).reduce((s, st) => s + st.size, 0);
  row.bytesRatio = written.bytes / inputBytes;
  if (WITH_BOXES.has(degradation)) {
    const layer = await textLayerWords(out);
    const ious = tsvs.map((tsv, i) => (tsv ? medianWordIou(layer[i] ?? [], parseWordsTsv(tsv)) : 0));
    row.iou = median(ious);
  }
  return row;
}

/** CPU seconds of this process (with its threads) and of the child processes it waited for. */
function cpuSplit(since?: { own: number; children: number }): { own: number; children: number } {
  const u = process.cpuUsage();
  const own = (u.user + u.system) / 1e6;
  const children = cpuSeconds() - own;
  return since ? { own: own - since.own, children: children - since.children } : { own, children };
}

/** The bare native CLI on the pages (text out), `jobs` processes at a time, Debian's model. */
async function benchNative(
  files: string[],
  degradation: string,
  truths: string[],
  jobs: number,
): Promise<Row> {
  const texts: string[] = new Array(files.length);
  const rss = rssSampler();
  const started = Date.now();
  const cpuBefore = cpuSplit();
  let next = 0;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < files.length) {
        const i = next++;
        const { stdout } = await run('tesseract', [files[i], '-', '-l', 'vie', '--psm', '3'], {
          env,
          maxBuffer: 16 << 20,
        });
        texts[i] = stdout;
      }
    }),
  );
  const row = aggregate(degradation, texts, truths, Date.now() - started);
  const cpu = cpuSplit(cpuBefore);
  row.cpuPerPage = cpu.children / files.length;
  row.rssMb = rss.stop() / 2 ** 20;
  row.used = 'native fast (Debian)';
  return row;
}

/**
 * Where a page's CPU goes, one page at a time (nothing overlaps, so each stage's CPU is its own):
 * decode and prepare on this process, recognition by the engine given (children included).
 */
async function stageBreakdown(
  files: string[],
  choice: { engine: EngineChoice; model?: OcrModel },
  tuning: EngineTuning,
): Promise<{ decode: number; prepare: number; recognize: number; pages: number }> {
  const { recognizer } = await createRecognizer({
    engine: choice.engine,
    model: choice.model,
    jobs: 1,
    settings: { ...DEFAULT_ENGINE, lang: 'vie', ...(tuning.psm ? { psm: tuning.psm } : {}) },
  });
  const sum = { decode: 0, prepare: 0, recognize: 0, pages: 0 };
  try {
    recognizer.warmUp();
    const { plans } = await planInputs(files);
    for (const plan of plans) {
      const page = plan.pages[0];
      const bytes = new Uint8Array(await readFile(plan.file));
      let t = cpuSeconds();
      const raster = await decodePage(page, bytes);
      sum.decode += cpuSeconds() - t;
      t = cpuSeconds();
      const prepared = await prepareForRecognition(raster, {
        dpi: page.dpi,
        exifRotation: page.exifRotation,
        ...tuning,
      });
      sum.prepare += cpuSeconds() - t;
      t = cpuSeconds();
      await recognizer.recognize(prepared.image);
      sum.recognize += cpuSeconds() - t;
      sum.pages++;
    }
  } finally {
    await recognizer.terminate();
  }
  return sum;
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

function userEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['HOSO_WRAPPER_PID', 'MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']) delete env[k];
  return env;
}

/**
 * `--stream-pdf 100,500`: a scanner's PDF of N pages (300-dpi A4 grey JPEGs, one per page, made
 * from the corpus scans) through the real `hoso ocr` command, a child process as a user runs it;
 * peak RSS is sampled over that process and its descendants (its malloc-bounded re-run, Tesseract
 * processes), and a trace shows whether it stays flat over the run.
 */
async function benchScannedPdf(args: Args, docs: string[], tmp: string): Promise<string> {
  const jpegs = await Promise.all(
    docs.flatMap((d) =>
      ['v1-scan.jpg', 'v3-seal.jpg'].map(async (v) => ({
        bytes: await sharp(path.join(args.corpus, d, v))
          .greyscale()
          .resize(2480, 3508, { fit: 'fill' })
          .jpeg({ quality: 80 })
          .toBuffer(),
        width: 2480,
        height: 3508,
        grey: true,
      })),
    ),
  );
  const lines = [
    '| pages | input MB | engine | seconds | pages/min | peak RSS MB (tree) | output MB |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const traces: string[] = [];
  for (const n of args.streamPdf) {
    const input = path.join(tmp, `scanned-${n}.pdf`);
    const output = path.join(tmp, `scanned-${n}.out.pdf`);
    await writeScannedPdf(input, jpegs, n);
    const started = Date.now();
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'ocr/bin/hoso.mjs'),
        'ocr',
        input,
        '-o',
        output,
        '--engine',
        'auto',
        '--jobs',
        String(args.jobs),
      ],
      // As a user starts it: without this bench's own malloc re-run settings (the command makes its own).
      { stdio: ['ignore', 'ignore', 'pipe'], env: userEnv() },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    let peak = 0;
    let minutePeak = 0;
    const trace: string[] = [];
    const sampler = setInterval(() => {
      const rss = treeRss(child.pid);
      peak = Math.max(peak, rss);
      minutePeak = Math.max(minutePeak, rss);
    }, 200);
    // Pages done, as far as the output written so far shows (each page adds about its JPEG).
    const perPage = (await stat(input)).size / n;
    const pagesWritten = async () => {
      const temp = (await readdir(tmp)).find((f) => f.startsWith(`.${path.basename(output)}`));
      return temp ? Math.floor((await stat(path.join(tmp, temp))).size / perPage) : 0;
    };
    const minute = setInterval(async () => {
      const pages = await pagesWritten().catch(() => 0);
      trace.push(
        `${((Date.now() - started) / 1000) | 0} s, ~${pages} pages: ${(minutePeak / 2 ** 20).toFixed(0)} MB (load ${os.loadavg()[0].toFixed(1)})`,
      );
      minutePeak = 0;
    }, 60_000);
    const code = await new Promise<number | string | null>((resolve) =>
      child.on('close', (c, sig) => resolve(c ?? sig)),
    );
    clearInterval(sampler);
    clearInterval(minute);
    if (code !== 0) throw new Error(`hoso ocr failed on ${n} pages (${code}): ${stderr}`);
    const ms = Date.now() - started;
    const mb = async (f: string) => ((await stat(f)).size / 2 ** 20).toFixed(0);
    const line = `| ${n} | ${await mb(input)} | ${/engine[^\n]*/i.exec(stderr)?.[0]?.slice(0, 60) ?? 'auto'} | ${(ms / 1000).toFixed(0)} | ${((n / ms) * 60_000).toFixed(1)} | ${(peak / 2 ** 20).toFixed(0)} | ${await mb(output)} |`;
    console.log(line);
    lines.push(line);
    traces.push(`${n} pages, peak RSS per minute: ${trace.join('; ')}`);
    await rm(input, { force: true });
    await rm(output, { force: true });
  }
  return `Scanned PDFs (one 2480×3508 grey JPEG per A4 page) through \`hoso ocr\`, jobs ${args.jobs}; RSS of the whole process tree sampled every 200 ms, and its peak per minute:\n\n${lines.join('\n')}\n\n${traces.map((t) => `- ${t}`).join('\n')}\n`;
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
    if (args.streamPdf.length > 0) {
      report += await benchScannedPdf(args, docs, tmp);
    } else if (args.stream > 0) {
      report += await benchStream(args, docs, tmp);
    } else {
      const lines = [
        '| degradation | engine | used | pages | word P | word R | word F1 | CER | pages/min | CPU s/page | of which HoSo process | peak RSS MB | out/in bytes | text-layer IoU |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ];
      const ratios: string[] = [];
      const stageLines: string[] = [];
      const degradations = DEGRADATIONS.filter(
        (d) => !args.only || args.only.split(',').some((o) => d.startsWith(o)),
      );
      for (const degradation of degradations) {
        const runDocs = Array.from({ length: args.repeat }, () => docs).flat();
        const files = runDocs.map((d) => path.join(args.corpus, d, degradation));
        const truths = await Promise.all(
          runDocs.map((d) => readFile(path.join(args.corpus, d, 'truth.txt'), 'utf8')),
        );
        const tsvs = await Promise.all(
          runDocs.map((d) => readFile(path.join(args.corpus, d, 'words.tsv'), 'utf8').catch(() => undefined)),
        );
        const row = (r: Row, engine: string) =>
          `| ${r.degradation} | ${engine} | ${r.used ?? ''} | ${r.pages} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.cer)} | ${f(r.ppm, 1)} | ${f(r.cpuPerPage, 2)} | ${f(r.ownCpuPerPage, 2)} | ${f(r.rssMb, 0)} | ${f(r.bytesRatio, 3)} | ${f(r.iou, 3)} |`;
        const measured: Array<{ key: EngineKey; row: Row }> = [];
        for (const key of args.engines) {
          if (key === 'cli') {
            if (!hasNative) continue;
            measured.push({ key, row: await benchNative(files, degradation, truths, args.jobs) });
          } else {
            const e = ENGINES[key];
            const r = await benchEngine(files, degradation, truths, tsvs, args, tmp, e);
            measured.push({ key, row: r });
          }
          const last = measured[measured.length - 1];
          const text = row(last.row, last.key === 'cli' ? 'tesseract CLI' : ENGINES[last.key].label);
          lines.push(text);
          console.log(text);
        }
        const cli = measured.find((m) => m.key === 'cli')?.row;
        if (cli)
          for (const m of measured.filter((x) => x.key !== 'cli')) {
            const r = m.row;
            const cpu =
              r.cpuPerPage && cli.cpuPerPage ? ` · CPU ×${(cli.cpuPerPage / r.cpuPerPage).toFixed(2)}` : '';
            const df = r.f1 - cli.f1;
            ratios.push(
              `${degradation} ${ENGINES[m.key as keyof typeof ENGINES].label}: pages/min ×${(r.ppm / cli.ppm).toFixed(2)}${cpu} of the CLI; F1 ${df >= 0 ? '+' : ''}${df.toFixed(4)}`,
            );
          }
        if (args.stages) {
          const some = files.slice(0, Math.min(2, docs.length));
          for (const key of args.engines.filter((k): k is keyof typeof ENGINES => k !== 'cli')) {
            const st = await stageBreakdown(some, ENGINES[key], args.tuning);
            const per = (x: number) => ((x / st.pages) * 1000).toFixed(0);
            stageLines.push(
              `| ${degradation} | ${ENGINES[key].label} | ${per(st.decode)} | ${per(st.prepare)} | ${per(st.recognize)} |`,
            );
          }
        }
      }
      report += lines.join('\n') + '\n\n';
      if (ratios.length)
        report += `Against the bare tesseract CLI (same pages, same run, ${args.jobs} jobs; CPU × = CLI CPU per page / ours):\n\n${ratios.map((r) => `- ${r}`).join('\n')}\n`;
      if (stageLines.length)
        report += `\nCPU ms per page by stage (pages one at a time, ${Math.min(2, docs.length)} per degradation; the PDF writer adds ~10 ms):\n\n| degradation | engine | decode | prepare | recognize |\n| --- | --- | --- | --- | --- |\n${stageLines.join('\n')}\n`;
      report += `\nPeak RSS is sampled over the process tree (HoSo + its Tesseract processes, or the CLI processes) during each run. CPU s/page counts every thread and child process. Load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(
          ' ',
        )}. Text-layer IoU: median over pages of the median per-word IoU of the output PDF's words (pdftotext -bbox) against words.tsv.\n`;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  console.log('\n' + report);
  await mkdir(path.join(repoRoot, 'bench-results'), { recursive: true });
  const suffix = args.streamPdf.length > 0 ? '-scanned-pdf' : args.stream > 0 ? '-stream' : '';
  await writeFile(path.join(repoRoot, 'bench-results', `ocr${suffix}.md`), report);
}

await main();
