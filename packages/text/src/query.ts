import { tokenize } from './tokenize';

/**
 * A parsed search query: quoted parts are phrases (tokens must be adjacent, in order); the other
 * words are single-term clauses. All clauses must match a page (AND).
 *   ho so "dieu 173"  →  [ho] [so] ["dieu 173"]
 */
export interface QueryClause {
  /** Folded terms, or exact forms when the query is exact. */
  terms: string[];
  /** Exact (lower-case NFC) forms, parallel to terms. */
  exact: string[];
  phrase: boolean;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  exact: boolean;
}

export function parseQuery(query: string, exact = false): ParsedQuery {
  const clauses: QueryClause[] = [];
  const nfc = query.normalize('NFC');
  // Curly quotes come from word processors and phone keyboards.
  const parts = nfc.replace(/[“”„«»]/g, '"').split('"');
  parts.forEach((part, i) => {
    const tokens = tokenize(part);
    if (tokens.length === 0) return;
    const quoted = i % 2 === 1;
    if (quoted && tokens.length > 1) {
      clauses.push({ terms: tokens.map((t) => t.term), exact: tokens.map((t) => t.exact), phrase: true });
    } else {
      for (const t of tokens) clauses.push({ terms: [t.term], exact: [t.exact], phrase: false });
    }
  });
  return { clauses: dedupeClauses(clauses), exact };
}

function dedupeClauses(clauses: QueryClause[]): QueryClause[] {
  const seen = new Set<string>();
  return clauses.filter((c) => {
    const key = `${c.phrase}:${c.exact.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Distinct folded terms of a query (what the index is asked for). */
export function queryTerms(q: ParsedQuery): string[] {
  return [...new Set(q.clauses.flatMap((c) => c.terms))];
}

/**
 * The query as messages quote it: inside “…”, and a query that is one quoted phrase loses its
 * own quotes first — `"don to giac"` reads “don to giac”, not “"don to giac"” (issue 9).
 */
export function quotedQuery(query: string): string {
  const q = query.normalize('NFC').trim();
  const whole = /^["“”„«»]([^"“”„«»]*)["“”„«»]$/.exec(q);
  return `“${whole ? whole[1].trim() : q}”`;
}
