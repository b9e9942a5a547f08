import Dexie from 'dexie';
import type { Box } from '@hoso/contracts';
import { effectiveWordsOf, type WordAddress } from '@hoso/domain';
import { buildSnippet, parseQuery, tokenizeWords, type ParsedQuery, type Snippet } from '@hoso/text';
import { getDb, type HosoDb, type TermSegment } from './schema';
import { readIndexStats } from './searchIndex';

/**
 * Full-text search over OCR words (corrections applied). Diacritic-insensitive by default ("ho so"
 * finds "hồ sơ"), `exact` keeps diacritics; "quoted words" are phrases. Every clause must occur on
 * a page (AND). Ranking: BM25 per clause plus a bonus when the clauses occur close together.
 *
 * Cost: each query term's packed segments are read by one key range (a few records per term even
 * for a word on every page); candidates come from the rarest term and the others narrow them down.
 */
export interface SearchOptions {
  query: string;
  caseId?: string;
  exact?: boolean;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  pageId: string;
  caseId: string;
  documentId: string;
  folio?: number;
  score: number;
  snippet: Snippet;
  /** Boxes of the matched words, in the OCR frame of the page (upright and straightened; see OcrPage). */
  boxes: Box[];
  /** Addresses of the matched words (for the viewer to highlight/correct them). */
  words: WordAddress[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Pages matching, of which `hits` is the requested slice. */
  total: number;
  tookMs: number;
  /** Where the time went: reading index segments, ranking, reading the hit pages + snippets. */
  phasesMs?: { read: number; rank: number; hits: number };
}

const K1 = 1.2;
/** How many of the best BM25 pages get the proximity bonus. */
const PROXIMITY_POOL = 300;
const B = 0.75;

/** A term's segments: all cases, or one case. */
function termSegments(db: HosoDb, term: string, caseId?: string): Promise<TermSegment[]> {
  const range = caseId
    ? db.terms.where('[term+caseId+seg]').between([term, caseId, -Infinity], [term, caseId, Infinity])
    : db.terms
        .where('[term+caseId+seg]')
        .between([term, Dexie.minKey, Dexie.minKey], [term, Dexie.maxKey, Dexie.maxKey]);
  return range.toArray();
}

/** One page's entry in a term's segment. */
interface Entry {
  seg: TermSegment;
  i: number;
}

interface ClauseMatch {
  /** Start positions of the clause's occurrences on the page. */
  starts: number[];
  length: number;
}

/** The positions of a page's entry (ascending), only those spelled `exactForm` when given. */
function positionsOf(e: Entry | undefined, exactForm: string | undefined): ArrayLike<number> {
  if (!e) return [];
  const { seg, i } = e;
  const a = seg.starts[i];
  const b = seg.starts[i + 1];
  if (exactForm === undefined) return seg.positions.subarray(a, b);
  const out: number[] = [];
  for (let k = a; k < b; k++) {
    const form = seg.forms && seg.formIdx ? seg.forms[seg.formIdx[k]] : seg.term;
    if (form === exactForm) out.push(seg.positions[k]);
  }
  return out;
}

/**
 * Where each clause of the query occurs on one page, or null when one of them does not. Phrase
 * matching merges the sorted position lists with one pointer per word (no sets: this runs for
 * every candidate page of a phrase query).
 */
function matchClauses(
  q: ParsedQuery,
  clauseTerms: number[][],
  entries: (Entry | undefined)[],
): ClauseMatch[] | null {
  const out: ClauseMatch[] = [];
  for (let c = 0; c < q.clauses.length; c++) {
    const clause = q.clauses[c];
    const lists = clauseTerms[c].map((ti, k) =>
      positionsOf(entries[ti], q.exact ? clause.exact[k] : undefined),
    );
    const first = lists[0];
    const starts: number[] = [];
    const ptr = new Array<number>(lists.length).fill(0);
    outer: for (let x = 0; x < first.length; x++) {
      const p = first[x];
      for (let k = 1; k < lists.length; k++) {
        const l = lists[k];
        while (ptr[k] < l.length && l[ptr[k]] < p + k) ptr[k]++;
        if (ptr[k] >= l.length) break outer;
        if (l[ptr[k]] !== p + k) continue outer;
      }
      starts.push(p);
    }
    if (!starts.length) return null;
    out.push({ starts, length: clause.terms.length });
  }
  return out;
}

/** Smallest token window holding one occurrence of every clause. */
function minSpan(matches: ClauseMatch[]): number {
  const events = matches
    .flatMap((m, ci) => m.starts.map((s) => ({ s, e: s + m.length - 1, ci })))
    .sort((a, b) => a.s - b.s);
  const need = matches.length;
  const count = new Array<number>(need).fill(0);
  let have = 0;
  let best = Infinity;
  for (let i = 0, j = 0; j < events.length; j++) {
    if (count[events[j].ci]++ === 0) have++;
    while (have === need) {
      let end = 0;
      for (let k = i; k <= j; k++) end = Math.max(end, events[k].e);
      best = Math.min(best, end - events[i].s + 1);
      if (--count[events[i].ci] === 0) have--;
      i++;
    }
  }
  return best;
}

export async function searchPages(options: SearchOptions, db: HosoDb = getDb()): Promise<SearchResult> {
  const started = performance.now();
  const q = parseQuery(options.query, options.exact ?? false);
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  const terms = [...new Set(q.clauses.flatMap((c) => c.terms))];
  if (terms.length === 0) return { hits: [], total: 0, tookMs: performance.now() - started };

  return db.transaction('r', [db.terms, db.pages, db.pageTexts, db.settings], async () => {
    const segments = await Promise.all(terms.map((t) => termSegments(db, t, options.caseId)));
    const tRead = performance.now();
    const dfs = segments.map((segs) => segs.reduce((n, s) => n + s.docs.length, 0));
    if (dfs.some((n) => n === 0)) return { hits: [], total: 0, tookMs: performance.now() - started };
    const order = terms.map((_, i) => i).sort((a, b) => dfs[a] - dfs[b]);

    // Candidates come from the rarest term; the others only narrow them down. Entries are kept
    // per term index (arrays, not Maps: a common word yields ~10 000 candidates).
    const termIndex = new Map(terms.map((t, i) => [t, i]));
    const perPage = new Map<number, (Entry | undefined)[]>();
    for (const seg of segments[order[0]]) {
      for (let i = 0; i < seg.docs.length; i++) {
        const entries = new Array<Entry | undefined>(terms.length);
        entries[order[0]] = { seg, i };
        perPage.set(seg.docs[i], entries);
      }
    }
    for (const ti of order.slice(1)) {
      let seen = 0;
      for (const seg of segments[ti]) {
        for (let i = 0; i < seg.docs.length; i++) {
          const entries = perPage.get(seg.docs[i]);
          if (!entries) continue;
          entries[ti] = { seg, i };
          seen++;
        }
      }
      if (seen < perPage.size) for (const [pid, e] of perPage) if (!e[ti]) perPage.delete(pid);
    }

    const stats = await readIndexStats(db, options.caseId);
    const n = Math.max(1, stats.pages, ...dfs);
    const avgLen = Math.max(1, stats.tokens / Math.max(1, stats.pages));
    const idf = dfs.map((d) => Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    const clauseIdf = q.clauses.map((c) => c.terms.reduce((sum, t) => sum + idf[termIndex.get(t)!], 0));
    const clauseTerms = q.clauses.map((c) => c.terms.map((t) => termIndex.get(t)!));
    // Single-term clauses outside exact mode need no positions: tf is the entry's length.
    const needsPositions = q.clauses.map((c) => c.phrase || q.exact);

    // Phase 1: BM25 over every candidate (phrases and exact forms verified here: they filter).
    type Scored = { docNo: number; score: number; entries: (Entry | undefined)[]; matches?: ClauseMatch[] };
    const scored: Scored[] = [];
    for (const [docNo, entries] of perPage) {
      let matches: ClauseMatch[] | undefined;
      if (needsPositions.some(Boolean)) {
        const m = matchClauses(q, clauseTerms, entries);
        if (!m) continue;
        matches = m;
      }
      const first = entries[order[0]]!;
      const len = first.seg.lens[first.i];
      let score = 0;
      for (let c = 0; c < q.clauses.length; c++) {
        let tf: number;
        if (matches) tf = matches[c].starts.length;
        else {
          const e = entries[clauseTerms[c][0]]!;
          tf = e.seg.starts[e.i + 1] - e.seg.starts[e.i];
        }
        score += (clauseIdf[c] * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avgLen));
      }
      scored.push({ docNo, score, entries, matches });
    }
    const byScore = (a: Scored, b: Scored) => b.score - a.score || a.docNo - b.docNo;
    scored.sort(byScore);

    // Phase 2: a proximity bonus (up to ×2 when the clauses are adjacent) for the best BM25 pages.
    // Pages below that cut keep their BM25 order after them: the bonus only reorders the top.
    if (q.clauses.length > 1) {
      const top = scored.slice(0, Math.max(PROXIMITY_POOL, offset + limit));
      for (const s of top) {
        s.matches ??= matchClauses(q, clauseTerms, s.entries)!;
        const ideal = s.matches.reduce((sum, m) => sum + m.length, 0);
        s.score *= 1 + ideal / minSpan(s.matches);
      }
      top.sort(byScore);
      scored.splice(0, top.length, ...top);
    }
    const slice = scored.slice(offset, offset + limit);
    for (const s of slice) s.matches ??= matchClauses(q, clauseTerms, s.entries)!;
    const tRank = performance.now();
    // One keyed lookup per hit, issued together (an anyOf() cursor walks the whole index in fake-indexeddb).
    const texts = await Promise.all(slice.map((s) => db.pageTexts.where('docNo').equals(s.docNo).first()));
    const pages = await db.pages.bulkGet(texts.map((t) => t?.pageId ?? ''));

    const hits: SearchHit[] = [];
    slice.forEach((s, i) => {
      const page = pages[i];
      const text = texts[i];
      if (!page || !text) return;
      const words = effectiveWordsOf(text.ocr, text.corrections);
      const tokens = tokenizeWords(words.map((w) => w.text));
      const matched = new Set<number>();
      for (const m of s.matches!)
        for (const st of m.starts) for (let k = 0; k < m.length; k++) matched.add(st + k);
      const wordIdx = [...new Set(tokens.filter((t) => matched.has(t.position)).map((t) => t.word))];
      hits.push({
        pageId: page.id,
        caseId: page.caseId,
        documentId: page.documentId,
        folio: page.folio,
        score: s.score,
        snippet: buildSnippet(
          words.map((w) => w.text),
          tokens,
          matched,
        ),
        boxes: wordIdx.map((w) => words[w].box),
        words: wordIdx.map((w) => ({ block: words[w].block, line: words[w].line, word: words[w].word })),
      });
    });
    const end = performance.now();
    return {
      hits,
      total: scored.length,
      tookMs: end - started,
      phasesMs: { read: tRead - started, rank: tRank - tRead, hits: end - tRank },
    };
  });
}
