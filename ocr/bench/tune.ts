/**
 * Accuracy tuning aid: `tsx ocr/bench/tune.ts --only v1 [--engine native|wasm] [--model fast|best]
 *   [--tuning '{"recognitionDpi":300}'] [--corpus DIR] [--diff]`
 * Recognizes the corpus pages of the chosen degradations with the given engine tuning and prints
 * word F1 per page next to the native tesseract CLI's (cached in /tmp/native by
 * `tesseract PAGE - -l vie --psm 3`, OMP_THREAD_LIMIT=1), and with --diff the words missed/extra.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OcrPage } from '@hoso/contracts';
import { recognizePages, type EngineTuning, type OcrOptions } from '../src/index';
import { repairVietnameseCase } from '../src/recognize/vietnamese-case';
import { wordF1, words } from './score';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(opt2('--corpus') ?? path.resolve(repoRoot, '../shared/corpus'));
function opt2(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
const DEGS = ['v0-clean.png', 'v1-scan.jpg', 'v2-skew.jpg', 'v3-seal.jpg', 'v4-fax.tif', 'v5-rot90.jpg'];
const opt = opt2;
const only = opt('--only');
const tuning = JSON.parse(opt('--tuning') ?? '{}') as EngineTuning;
const engine = (opt('--engine') ?? 'auto') as OcrOptions['engine'];
const model = opt('--model') as OcrOptions['model'];
const showDiff = process.argv.includes('--diff');
const jobs = Number(opt('--jobs') ?? 2);

const pageText = (ocr: OcrPage) =>
  ocr.blocks.map((b) => b.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n')).join('\n');

function diff(ocr: string, truth: string): { missed: string[]; extra: string[] } {
  const want = new Map<string, number>();
  for (const w of words(truth)) want.set(w, (want.get(w) ?? 0) + 1);
  const extra: string[] = [];
  for (const w of words(ocr)) {
    const n = want.get(w) ?? 0;
    if (n > 0) want.set(w, n - 1);
    else extra.push(w);
  }
  const missed = [...want].flatMap(([w, n]) => Array<string>(n).fill(w));
  return { missed, extra };
}

const manifest = JSON.parse(await readFile(path.join(corpus, 'manifest.json'), 'utf8')) as {
  docs: { name: string }[];
};
const docs = manifest.docs.map((d) => d.name);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const summary: string[] = [];
for (const deg of DEGS.filter((d) => !only || only.split(',').some((o) => d.startsWith(o)))) {
  const files = docs.map((d) => path.join(corpus, d, deg));
  const truths = await Promise.all(docs.map((d) => readFile(path.join(corpus, d, 'truth.txt'), 'utf8')));
  const natives = await Promise.all(
    docs.map((d) => readFile(`/tmp/native/${d}_${deg}.txt`, 'utf8').catch(() => undefined)),
  );
  const ours: number[] = [];
  const repaired: number[] = [];
  const theirs: number[] = [];
  const started = Date.now();
  for await (const { source, ocr } of recognizePages(files, {
    lang: 'vie',
    jobs,
    forceOcr: false,
    skipBadPages: false,
    engine,
    model,
    tuning,
  })) {
    const i = source.index;
    const text = pageText(ocr);
    const f = wordF1(text, truths[i]).f1;
    const n = natives[i] !== undefined ? wordF1(natives[i], truths[i]).f1 : NaN;
    ours.push(f);
    const fr = wordF1(text.split(/(\s+)/).map(repairVietnameseCase).join(''), truths[i]).f1;
    repaired.push(fr);
    theirs.push(n);
    console.log(
      `${deg} ${docs[i]} hoso ${f.toFixed(4)} case-repaired ${fr.toFixed(4)} native ${n.toFixed(4)} rot ${ocr.rotation} deskew ${ocr.deskewDeg}`,
    );
    if (showDiff) {
      const d = diff(text, truths[i]);
      console.log(`  missed: ${d.missed.join(' | ')}\n  extra:  ${d.extra.join(' | ')}`);
    }
  }
  const s = `${deg}: hoso ${mean(ours).toFixed(4)} case-repaired ${mean(repaired).toFixed(4)} native ${mean(theirs).toFixed(4)} (${((Date.now() - started) / 1000).toFixed(0)} s)`;
  summary.push(s);
  console.log(s);
}
console.log(
  `\nengine ${engine} model ${model ?? 'default'} tuning ${JSON.stringify(tuning)}\n${summary.join('\n')}`,
);
