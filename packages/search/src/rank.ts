import { queryTerms, type ParsedQuery } from '@hoso/text';
import type { IndexStats } from './postings';
import type { TermSegment } from './segments';

/**
 * Ranking over packed segments: every clause must occur on a page (AND); BM25 per clause, plus a
 * bonus when the clauses occur close together. Candidates come from the rarest term and the
 * others only narrow them down.
 */

const K1 = 1.2;
const B = 0.75;
/** How many of the best BM25 pages get the proximity bonus. */
const PROXIMITY_POOL = 300;

/** One page's entry in a term's segment. */
interface Entry {
  seg: TermSegment;
  i: number;
}

export interface ClauseMatch {
  /** Start positions of the clause's occurrences on the page. */
  starts: number[];
  length: number;
}

export interface RankedPage {
  /** The page's index number (PageText.docNo). */
  docNo: number;
  score: number;
  /** Where each clause occurs on the page (for snippets and highlight boxes). */
  matches: ClauseMatch[];
}

export interface Ranking {
  /** Pages matching every clause. */
  total: number;
  /** The requested slice of them, best first. */
  pages: RankedPage[];
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
export function minSpan(matches: ClauseMatch[]): number {
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

/**
 * Ranks the pages of the given segments for a query. `segments[i]` holds every segment of
 * `queryTerms(q)[i]` (@hoso/text) in the searched scope; `stats` are the scope's index statistics.
 */
export function rankPages(
  q: ParsedQuery,
  segments: TermSegment[][],
  stats: IndexStats,
  window: { offset: number; limit: number },
): Ranking {
  const terms = queryTerms(q);
  const { offset, limit } = window;
  if (terms.length === 0) return { total: 0, pages: [] };
  const dfs = segments.map((segs) => segs.reduce((n, s) => n + s.docs.length, 0));
  if (dfs.some((n) => n === 0)) return { total: 0, pages: [] };
  const order = terms.map((_, i) => i).sort((a, b) => dfs[a] - dfs[b]);

  // Entries are kept per term index (arrays, not Maps: a common word yields ~10 000 candidates).
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
  const pages = scored.slice(offset, offset + limit).map((s) => ({
    docNo: s.docNo,
    score: s.score,
    matches: s.matches ?? matchClauses(q, clauseTerms, s.entries)!,
  }));
  return { total: scored.length, pages };
}

/** Token positions covered by a page's matches (the words to highlight). */
export function matchedPositions(matches: readonly ClauseMatch[]): Set<number> {
  const matched = new Set<number>();
  for (const m of matches) for (const st of m.starts) for (let k = 0; k < m.length; k++) matched.add(st + k);
  return matched;
}
