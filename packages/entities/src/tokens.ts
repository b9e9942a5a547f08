import { foldDiacritics } from '@hoso/text';
import type { PageText } from './page-text';

/** One printed word split into its letters and the punctuation around them. */
export interface Tok {
  /** Lower-case core with its diacritics. */
  lower: string;
  /** The word without surrounding punctuation ("Khánh" of "Khánh,"); apostrophes normalized to '. */
  core: string;
  /** Folded, lower case core. */
  fold: string;
  lead: string;
  trail: string;
  line: number;
}

const EDGE = /^([(“"'‘«[]*)(.*?)([)”"'’».,;:!?…\]]*)$/u;

export function tokensOf(pt: PageText): Tok[] {
  return pt.words.map((w) => {
    const m = EDGE.exec(w.text.replace(/[’‘`´]/g, "'"));
    const [, lead, printed, trail] = m ?? ['', '', w.text, ''];
    const core = repairLetters(printed);
    return { core, lower: core.toLowerCase(), fold: foldDiacritics(core), lead, trail, line: w.line };
  });
}

/** Tesseract reads "l" as "1" and "o" as "0" inside words ("M1ô" for "Mlô"): a word of letters gets them back. */
function repairLetters(core: string): string {
  if (!/\p{L}/u.test(core) || !/^[\p{L}'01]+$/u.test(core) || !/\p{L}[01]|[01]\p{L}/u.test(core)) return core;
  return core.replace(/1/g, 'l').replace(/0/g, 'o');
}

/**
 * Is the token this lexicon word (lower case, with diacritics)? An OCR word without any diacritic
 * matches by its fold ("ong" for "ông"), one with diacritics must have the right ones ("Bá" ≠ "bà").
 */
export function wordIs(t: Tok, word: string): boolean {
  if (t.lower === word) return true;
  // Capitalized words without diacritics are often names ("Chau" is a Khmer family name, not "cháu").
  return t.fold === t.lower && t.core.charAt(0) === t.lower.charAt(0) && t.fold === foldedWord(word);
}
const folds = new Map<string, string>();
function foldedWord(word: string): string {
  let f = folds.get(word);
  if (f === undefined) folds.set(word, (f = foldDiacritics(word)));
  return f;
}

/** Title case ("Hoa"), Ê Đê and Jrai names with an apostrophe ("H'Nhi"), or all capitals. */
export function capitalization(core: string): 'title' | 'upper' | undefined {
  if (/^\p{Lu}(?:'?\p{L})?[\p{Ll}]*$/u.test(core) && /\p{Ll}/u.test(core)) return 'title';
  if (/^\p{Lu}$/u.test(core)) return 'title'; // "Y" of Ê Đê names, also a one-letter capital
  if (/^\p{Lu}(?:'?\p{Lu})+$/u.test(core)) return 'upper';
  return undefined;
}

/** "KSOR" → "Ksor", "H'NHI" → "H'Nhi" (Ê Đê women's names), "M'GAR" → "M'gar". */
export function titleCase(core: string): string {
  return core
    .toLowerCase()
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
    .replace(/^H'\p{Ll}/u, (c) => c.toUpperCase());
}

/** Does the phrase (folded words) end at token `end` (inclusive)? Punctuation inside is ignored. */
export function phraseEndsAt(toks: readonly Tok[], end: number, phrase: readonly string[]): boolean {
  const start = end - phrase.length + 1;
  if (start < 0) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = toks[start + k];
    if (!wordIs(t, phrase[k])) return false;
    // A phrase does not run across a sentence end.
    if (k < phrase.length - 1 && /[.;]/.test(t.trail) && !/^(kt|tm|q)$/.test(t.fold)) return false;
  }
  return true;
}

export function phraseStartsAt(toks: readonly Tok[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > toks.length) return false;
  for (let k = 0; k < phrase.length; k++) if (!wordIs(toks[start + k], phrase[k])) return false;
  return true;
}

export { foldDiacritics };
