import { exactForm, foldDiacritics } from './normalize';

/**
 * Search tokens. A token is a run of letters/digits (Unicode-aware, combining marks kept with their
 * letter). Punctuation splits: "127/QĐ-VKSKV4" → 127 · qđ · vkskv4, "18.500.000" → 18 · 500 · 000.
 * Queries are tokenized the same way, so such numbers still match as phrases.
 */
export interface Token {
  /** Lower-case NFC form (exact-diacritics search). */
  exact: string;
  /** Diacritic-folded form (default search; the index term). */
  term: string;
  /** Character range in the source string (after NFC normalization). */
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export function tokenize(text: string): Token[] {
  const nfc = text.normalize('NFC');
  const out: Token[] = [];
  for (const m of nfc.matchAll(TOKEN_RE)) {
    const exact = exactForm(m[0]);
    out.push({ exact, term: foldDiacritics(exact), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Tokens of a sequence of words (e.g. OCR words in reading order), each tagged with its word index. */
export interface WordToken extends Token {
  word: number;
  /** Position of the token in the whole sequence: what phrase search compares. */
  position: number;
}

export function tokenizeWords(words: readonly string[]): WordToken[] {
  const out: WordToken[] = [];
  words.forEach((w, word) => {
    for (const t of tokenize(w)) out.push({ ...t, word, position: out.length });
  });
  return out;
}
