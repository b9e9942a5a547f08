/** The search bench itself, run against whatever IndexedDB the HosoDb was opened on. */
import type { HosoDb } from '../../../renderer/src/db/schema';
import {
  addImportedDocument,
  applyOcrResult,
  correctWord,
  createCase,
  deleteDocument,
  effectiveWords,
  getPageText,
  indexStats,
  listCaseDocuments,
  listPages,
  listVolumes,
  searchPages,
} from '../../../renderer/src/db';
import { makeGenerator, ocrPageOf } from './generate';

export interface PopulateOptions {
  pages: number;
  cases: number;
  pagesPerDocument: number;
  wordsPerPage: number;
  corpusTexts: string[];
}

export interface PopulateReport {
  pages: number;
  postings: number;
  segments: number;
  approxIndexBytes: number;
  indexMs: number;
  caseIds: string[];
}

const hex = (n: number) => n.toString(16).padStart(64, '0');

export async function populate(
  db: HosoDb,
  o: PopulateOptions,
  log: (s: string) => void = () => {},
): Promise<PopulateReport> {
  const gen = makeGenerator(o.corpusTexts);
  const caseIds: string[] = [];
  let indexMs = 0;
  let made = 0;
  let docNo = 0;
  for (let c = 0; c < o.cases; c++) {
    const kase = await createCase({ number: `${c + 1}/2025/HS`, name: `Vụ án thử ${c + 1}` }, db);
    caseIds.push(kase.id);
    const [volume] = await listVolumes(kase.id, db);
    const casePages = Math.ceil(o.pages / o.cases);
    for (let p = 0; p < casePages && made < o.pages; p += o.pagesPerDocument) {
      const n = Math.min(o.pagesPerDocument, casePages - p, o.pages - made);
      const jobId = `job-${docNo++}`;
      const storedFile = {
        hash: hex(docNo),
        name: `tai-lieu-${docNo}.pdf`,
        size: 100_000 * n,
        mime: 'application/pdf',
        pages: Array.from({ length: n }, (_, index) => ({
          index,
          widthPx: 2480,
          heightPx: 3508,
          dpi: 300,
          hasText: false,
        })),
        existed: false,
      };
      await addImportedDocument({ caseId: kase.id, volumeId: volume.id, storedFile, importId: jobId }, db);
      const result = {
        format: 'hoso-ocr-words' as const,
        version: 1 as const,
        createdAt: new Date().toISOString(),
        pages: Array.from({ length: n }, (_, i) => ocrPageOf(gen.page(o.wordsPerPage), i)),
      };
      const t0 = performance.now();
      await applyOcrResult(jobId, result, db);
      indexMs += performance.now() - t0;
      made += n;
      if (made % 1000 < n) log(`  indexed ${made}/${o.pages} pages (${(indexMs / made).toFixed(1)} ms/page)`);
    }
  }
  const stats = await indexStats(db);
  return {
    pages: made,
    postings: stats.entries,
    segments: stats.segments,
    approxIndexBytes: stats.bytes,
    indexMs,
    caseIds,
  };
}

export interface QueryCase {
  type: string;
  query: string;
  exact?: boolean;
  scoped?: boolean;
}

export const QUERIES: QueryCase[] = [
  { type: 'one common term', query: 'dieu' },
  { type: 'one common term', query: 'tai' },
  { type: 'two terms', query: 'ho so' },
  { type: 'two terms', query: 'dieu 173' },
  { type: 'two terms', query: 'tai san' },
  { type: 'three+ terms', query: 'bi can hoang van thang' },
  { type: 'three+ terms', query: 'co quan canh sat dieu tra' },
  { type: 'phrase', query: '"bo luat hinh su"' },
  { type: 'phrase', query: '"trom cap tai san"' },
  { type: 'phrase', query: '"co quan canh sat dieu tra"' },
  { type: 'rare name', query: 'Nguyen Ngoc Yen' },
  { type: 'rare name', query: 'blong' },
  { type: 'exact diacritics', query: 'Điều 173', exact: true },
  { type: 'exact diacritics', query: 'hồ sơ', exact: true },
  { type: 'case-scoped', query: 'bi can', scoped: true },
  { type: 'case-scoped', query: '"lời khai"', scoped: true },
  { type: 'no hit', query: 'xyzzy' },
];

export interface QueryStats {
  type: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  meanTotal: number;
  /** p50 of read / rank / hits phases. */
  phases: [number, number, number];
}

export async function runQueries(
  db: HosoDb,
  caseId: string,
  reps: number,
): Promise<{ stats: QueryStats[]; samples: { query: string; total: number; ms: number }[] }> {
  const byType = new Map<
    string,
    { ms: number[]; totals: number[]; read: number[]; rank: number[]; hits: number[] }
  >();
  const samples: { query: string; total: number; ms: number }[] = [];
  // Warm-up: the first query pays for opening the database.
  await searchPages({ query: 'warm up' }, db);
  for (let r = 0; r < reps; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      const res = await searchPages(
        { query: q.query, exact: q.exact, caseId: q.scoped ? caseId : undefined, limit: 20 },
        db,
      );
      const ms = performance.now() - t0;
      const e = byType.get(q.type) ?? { ms: [], totals: [], read: [], rank: [], hits: [] };
      e.ms.push(ms);
      e.read.push(res.phasesMs?.read ?? 0);
      e.rank.push(res.phasesMs?.rank ?? 0);
      e.hits.push(res.phasesMs?.hits ?? 0);
      e.totals.push(res.total);
      byType.set(q.type, e);
      if (r === 0)
        samples.push({
          query: `${q.query}${q.exact ? ' [exact]' : ''}${q.scoped ? ' [case]' : ''}`,
          total: res.total,
          ms,
        });
    }
  }
  const pct = (a: number[], p: number) => {
    const s = [...a].sort((x, y) => x - y);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  };
  const stats = [...byType].map(([type, e]) => ({
    type,
    runs: e.ms.length,
    p50: pct(e.ms, 50),
    p95: pct(e.ms, 95),
    max: Math.max(...e.ms),
    meanTotal: Math.round(e.totals.reduce((a, b) => a + b, 0) / e.totals.length),
    phases: [pct(e.read, 50), pct(e.rank, 50), pct(e.hits, 50)] as [number, number, number],
  }));
  return { stats, samples };
}

/** Edits that rewrite the index: a word correction (re-index one page) and deleting a 10-page document. */
export async function runEdits(
  db: HosoDb,
  caseId: string,
  reps: number,
): Promise<{ correctMs: number[]; deleteDocMs: number[] }> {
  const correctMs: number[] = [];
  const deleteDocMs: number[] = [];
  const docs = await listCaseDocuments(caseId, db);
  for (let r = 0; r < reps && r < docs.length; r++) {
    const [page] = await listPages(docs[r].id, db);
    const w = effectiveWords(await getPageText(page.id, db))[5];
    const t0 = performance.now();
    await correctWord(page.id, w, `${w.text}x`, db);
    correctMs.push(performance.now() - t0);
  }
  for (let r = 0; r < reps && docs.length - 1 - r > reps; r++) {
    const t0 = performance.now();
    await deleteDocument(docs[docs.length - 1 - r].id, db);
    deleteDocMs.push(performance.now() - t0);
  }
  return { correctMs, deleteDocMs };
}
