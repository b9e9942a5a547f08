/**
 * Where a page's time goes: `tsx ocr/bench/stages.ts [--only v1] [--pages 3] [--engine native|wasm]
 *   [--model fast|best] [--tuning '{...}']`
 * decodes, prepares and recognizes corpus pages one at a time on one worker and prints wall and CPU
 * milliseconds of each stage (CPU of the whole process and its Tesseract children, idle but for the stage measured) (run with NODE_OPTIONS=--experimental-wasm-relaxed-simd to measure
 * the relaxed-SIMD core). Machine load skews wall time: compare runs made back to back.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { relaxedSimd, simd } from 'wasm-feature-detect';
import { cpuSeconds } from './cpu';
import { planInputs } from '../src/decode/inspect';
import { decodePage } from '../src/decode/raster';
import { prepareForRecognition } from '../src/preprocess/prepare';
import { DEFAULT_ENGINE } from '../src/recognize/recognizer';
import { createRecognizer } from '../src/recognize/select-engine';
import type { EngineTuning, OcrOptions } from '../src/types';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpus');
const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = opt('--only') ?? 'v1';
const pages = Number(opt('--pages') ?? 3);
const engine = JSON.parse(opt('--tuning') ?? '{}') as EngineTuning;
const manifest = JSON.parse(await readFile(path.join(corpus, 'manifest.json'), 'utf8')) as {
  docs: { name: string }[];
};
const deg = ['v0-clean.png', 'v1-scan.jpg', 'v2-skew.jpg', 'v3-seal.jpg', 'v4-fax.tif', 'v5-rot90.jpg'].find(
  (d) => d.startsWith(only),
)!;
const files = manifest.docs.slice(0, pages).map((d) => path.join(corpus, d.name, deg));
const { recognizer: pool, report } = await createRecognizer({
  engine: (opt('--engine') ?? 'auto') as NonNullable<OcrOptions['engine']>,
  model: opt('--model') as OcrOptions['model'],
  jobs: 1,
  settings: { ...DEFAULT_ENGINE, lang: 'vie', ...engine },
});
console.log(`${report.engine} ${report.model} ${report.version} ${report.binary ?? ''} ${report.tessdata}`);
const cpu = (since?: NodeJS.CpuUsage) => process.cpuUsage(since);
const ms = (a: NodeJS.CpuUsage) => ((a.user + a.system) / 1000).toFixed(0);
let t = Date.now();
await pool.recognize(Buffer.from('P5\n#\n8 8\n255\n' + '\xff'.repeat(64), 'latin1')).catch(() => undefined);
console.log(
  `worker start ${Date.now() - t} ms · simd ${await simd()} relaxed ${await relaxedSimd()} · load ${os.loadavg()[0].toFixed(1)}`,
);
const { plans } = await planInputs(files);
let totalRec = 0;
for (const plan of plans) {
  const page = plan.pages[0];
  const bytes = new Uint8Array(await readFile(plan.file));
  let c = cpu();
  t = Date.now();
  const raster = await decodePage(page, bytes);
  const decodeMs = Date.now() - t;
  const decodeCpu = ms(cpu(c));
  c = cpu();
  t = Date.now();
  const prepared = await prepareForRecognition(raster, {
    dpi: page.dpi,
    exifRotation: page.exifRotation,
    ...engine,
  });
  const prepMs = Date.now() - t;
  const prepCpu = ms(cpu(c));
  const before = cpuSeconds();
  t = Date.now();
  await pool.recognize(prepared.image);
  const recMs = Date.now() - t;
  const recCpuMs = (cpuSeconds() - before) * 1000;
  totalRec += recCpuMs;
  console.log(
    `${path.basename(path.dirname(plan.file))}: decode ${decodeMs} ms (cpu ${decodeCpu}) · prepare ${prepMs} ms (cpu ${prepCpu}) · recognize ${recMs} ms (cpu ${recCpuMs.toFixed(0)}) · ${prepared.image.length >> 10} KiB`,
  );
}
console.log(
  `recognize mean cpu ${(totalRec / plans.length).toFixed(0)} ms · engine ${JSON.stringify(engine)} · load ${os.loadavg()[0].toFixed(1)}`,
);
await pool.terminate();
