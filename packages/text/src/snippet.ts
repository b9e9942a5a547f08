import type { WordToken } from './tokenize';

/** A piece of page text around a hit, with the hit's character ranges to highlight. */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

export interface SnippetOptions {
  /** Words of context in the snippet (default 24). */
  windowWords?: number;
}

/**
 * Builds the snippet around the densest group of hits: the window of `windowWords` words holding the
 * most matched tokens. Words are joined by single spaces (OCR line breaks carry no meaning here).
 */
export function buildSnippet(
  words: readonly string[],
  tokens: readonly WordToken[],
  matchedPositions: ReadonlySet<number>,
  options: SnippetOptions = {},
): Snippet {
  const windowWords = Math.max(4, options.windowWords ?? 24);
  const hitTokens = tokens.filter((t) => matchedPositions.has(t.position));
  if (words.length === 0) return { text: '', highlights: [] };
  let first = 0;
  if (hitTokens.length > 0) {
    // Slide a window over the hit words; keep the one covering the most hits.
    const hitWords = hitTokens.map((t) => t.word);
    let best = 0;
    let bestCount = 0;
    for (let i = 0, j = 0; i < hitWords.length; i++) {
      while (hitWords[j] - hitWords[i] < windowWords && j < hitWords.length) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        best = i;
      }
    }
    const anchor = hitWords[best];
    first = Math.max(0, anchor - Math.floor(windowWords / 4));
  }
  const last = Math.min(words.length, first + windowWords);
  first = Math.max(0, Math.min(first, last - windowWords));

  let text = first > 0 ? '… ' : '';
  const wordStart = new Map<number, number>();
  for (let w = first; w < last; w++) {
    if (w > first) text += ' ';
    wordStart.set(w, text.length);
    text += words[w].normalize('NFC');
  }
  if (last < words.length) text += ' …';

  const highlights: [number, number][] = [];
  for (const t of hitTokens) {
    const at = wordStart.get(t.word);
    if (at === undefined) continue;
    const range: [number, number] = [at + t.start, at + t.end];
    const prev = highlights[highlights.length - 1];
    // Adjacent tokens of one phrase read better as one highlight ("Điều 173").
    if (prev && text.slice(prev[1], range[0]).trim() === '') prev[1] = range[1];
    else highlights.push(range);
  }
  return { text, highlights };
}
