/**
 * npm run bench:entities — precision and recall per kind on the labelled set (fixtures/entities),
 * on the clean texts and on the real OCR output of their scans; then extraction time at 2 000
 * pages, side by side with the search tokenizer over the same words (what indexing already costs).
 *   npm run bench:entities -- [--pages 2000] [--verbose]
 */
import { performance } from 'node:perf_hooks';
import { aggregateEntities, ENTITY_KINDS, extractPage, type PageWords } from '@hoso/entities';
import { tokenizeWords } from '@hoso/text';
import { cleanPages, loadGold, ocrPages, scoreSet, type SetScore } from './score';

const args = process.argv.slice(2);
const pagesWanted = Number(args[args.indexOf('--pages') + 1]) || 2000;
const verbose = args.includes('--verbose');

const gold = loadGold();
const clean = scoreSet(gold, cleanPages(gold));
const ocr = scoreSet(gold, ocrPages());

const TARGETS: Record<string, string> = {
  person: 'R ≥ 0.90, P ≥ 0.85',
  organization: 'P ≥ 0.95 (ours: precision first)',
  plate: '≥ 0.95',
  phone: '≥ 0.95',
  id_number: '≥ 0.95',
  doc_number: '≥ 0.95',
  legal_ref: '≥ 0.95',
  date: '≥ 0.90',
};
const f2 = (x: number) => x.toFixed(2);
const cell = (s: SetScore, kind: string) => {
  const k = s.kinds.find((x) => x.kind === kind);
  return k ? `${f2(k.precision)} | ${f2(k.recall)} | ${k.correct}/${k.gold} (${k.found})` : '– | – | –';
};
const kinds = ENTITY_KINDS;
console.log(
  `Labelled set: ${gold.documents.length} documents, ${gold.documents.reduce((n, d) => n + d.entities.length, 0)} gold entities\n`,
);
console.log(
  '| kind | clean P | clean R | clean hits/gold (found) | OCR P | OCR R | OCR hits/gold (found) | target on OCR |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const k of kinds) console.log(`| ${k} | ${cell(clean, k)} | ${cell(ocr, k)} | ${TARGETS[k] ?? ''} |`);
const roleLine = (s: SetScore) =>
  `${s.roles.correct}/${s.roles.withRole} (${f2(s.roles.correct / Math.max(1, s.roles.withRole))})`;
console.log(
  `\nPerson roles right (of matched persons with a gold role): clean ${roleLine(clean)}, OCR ${roleLine(ocr)}`,
);
if (verbose) {
  for (const [name, s] of [
    ['clean', clean],
    ['OCR', ocr],
  ] as const) {
    console.log(
      `\n${name} misses:\n  ${s.misses.join('\n  ') || '—'}\n${name} extras:\n  ${s.extras.join('\n  ') || '—'}`,
    );
  }
}

// Speed: the OCR pages (set + sample dossier) repeated up to N pages, one document per 4 pages.
const base = [...ocrPages(), ...ocrPages('sample-dossier.words.json')];
const pages: PageWords[] = Array.from({ length: pagesWanted }, (_, i) => ({
  ...base[i % base.length],
  pageId: `p${i}`,
  documentId: `d${Math.floor(i / 4)}`,
}));
const words = pages.reduce((n, p) => n + p.words.length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn: () => void) => {
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
};
let entityCount = 0;
const extractMs = time(() => {
  const mentions = pages.flatMap((p) => extractPage(p));
  entityCount = aggregateEntities(mentions).length;
});
const aggregateOnly = (() => {
  const mentions = pages.flatMap((p) => extractPage(p));
  return time(() => void aggregateEntities(mentions));
})();
const tokenizeMs = time(() => {
  for (const p of pages) tokenizeWords(p.words.map((w) => w.text));
});
console.log(
  `\nExtraction at ${pagesWanted} pages (${words} OCR words; median of 3 runs, 2-core machine shared with other work):\n`,
);
console.log('| step | total ms | ms / page | × tokenizer |');
console.log('| --- | --- | --- | --- |');
const row = (name: string, ms: number) =>
  console.log(
    `| ${name} | ${ms.toFixed(0)} | ${(ms / pagesWanted).toFixed(2)} | ${(ms / tokenizeMs).toFixed(1)} |`,
  );
row('extract all pages + aggregate', extractMs);
row('aggregate only (after a correction on one page)', aggregateOnly);
row('reference: search tokenizer (tokenizeWords)', tokenizeMs);
console.log(`\n${entityCount} entities.`);
