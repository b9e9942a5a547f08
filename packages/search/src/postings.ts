import { effectiveWordsOf, type PageText } from '@hoso/domain';
import { tokenizeWords } from '@hoso/text';
import type { SearchPosting } from './segments';

/** A page's postings, one per distinct folded term, from its OCR words with corrections applied. */
export function postingsForPage(
  text: Pick<PageText, 'pageId' | 'caseId' | 'ocr' | 'corrections' | 'docNo'>,
): SearchPosting[] {
  const words = effectiveWordsOf(text.ocr, text.corrections).map((w) => w.text);
  const tokens = tokenizeWords(words);
  const byTerm = new Map<string, SearchPosting>();
  for (const t of tokens) {
    let p = byTerm.get(t.term);
    if (!p) {
      p = {
        term: t.term,
        pageId: text.pageId,
        docNo: text.docNo ?? -1,
        caseId: text.caseId,
        positions: [],
        len: tokens.length,
      };
      byTerm.set(t.term, p);
    }
    if (t.exact !== t.term && !p.exact) p.exact = p.positions.map(() => t.term);
    p.positions.push(t.position);
    p.exact?.push(t.exact);
  }
  return [...byTerm.values()];
}

/** True when two postings of a term hold the same positions and spellings (nothing to rewrite). */
export function samePosting(a: SearchPosting, b: SearchPosting | undefined): boolean {
  if (!b || a.len !== b.len || a.positions.length !== b.positions.length) return false;
  for (let i = 0; i < a.positions.length; i++) {
    if (a.positions[i] !== b.positions[i]) return false;
    if ((a.exact?.[i] ?? a.term) !== (b.exact?.[i] ?? b.term)) return false;
  }
  return true;
}

/** Pages indexed and their tokens: BM25's N and average length. */
export interface IndexStats {
  pages: number;
  tokens: number;
}

/** Per-case stats change of indexing (+1) or removing (-1) pages, from their postings (each carries the page's length). */
export function statsDelta(pages: SearchPosting[][], sign: 1 | -1): Map<string, IndexStats> {
  const m = new Map<string, IndexStats>();
  for (const postings of pages) {
    if (postings.length === 0) continue; // a page without words is not counted (nor removed)
    const d = m.get(postings[0].caseId) ?? { pages: 0, tokens: 0 };
    d.pages += sign;
    d.tokens += sign * postings[0].len;
    m.set(postings[0].caseId, d);
  }
  return m;
}

/** Stats after a change, never below zero. */
export function addStats(cur: IndexStats, d: IndexStats): IndexStats {
  return { pages: Math.max(0, cur.pages + d.pages), tokens: Math.max(0, cur.tokens + d.tokens) };
}
