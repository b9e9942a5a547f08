import { parseQuery, tokenizeWords } from '@hoso/text';

/**
 * Indices of the words a search query hits on a page, found the way search matched them
 * (diacritic-folded terms; quoted phrases must be adjacent), so the viewer outlines exactly the
 * words the result list promised.
 */
export function hitWordIndices(
  words: readonly string[],
  query: string | undefined,
  exact = false,
): Set<number> {
  const hits = new Set<number>();
  if (!query?.trim()) return hits;
  const q = parseQuery(query, exact);
  const tokens = tokenizeWords(words);
  for (const clause of q.clauses) {
    const wanted = exact ? clause.exact : clause.terms;
    for (let i = 0; i + wanted.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < wanted.length && ok; k++) {
        const tok = tokens[i + k];
        ok = (exact ? tok.exact : tok.term) === wanted[k];
      }
      if (ok) for (let k = 0; k < wanted.length; k++) hits.add(tokens[i + k].word);
    }
  }
  return hits;
}
