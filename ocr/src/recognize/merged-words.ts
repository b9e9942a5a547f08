/**
 * Splits two Vietnamese words the model read as one. In bold capitals the space between words is
 * narrow and the LSTM model sometimes drops it ("DÂNKHU", "RALỆNH:"), which breaks search for
 * both words. Vietnamese writes every syllable as its own word, and a syllable has a strict shape
 * (initial consonant, one to three vowels, one of eight finals), so a word in capitals that is not
 * a syllable but splits in exactly one place into two syllables, at least one of them carrying a
 * Vietnamese letter, is two words. Acronyms (no vowel on one side: CSĐT, HĐND, TAND) and foreign
 * names without Vietnamese letters (HONDA) are never split.
 */
// Spelling rules keep splits unambiguous: gh/ngh/k only before e, ê, i (y); q only as qu.
const INITIAL = '(?:(?:ngh|gh)(?=[eêi])|k(?=[eêiy])|ng|gi|ch|kh|nh|ph|th|tr|qu|[bcdđghlmnprstvx])?';
const RHYME = '[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${INITIAL}${RHYME}$`);
/** Tone marks (grave, acute, tilde, hook, dot below); the vowel-shape marks stay. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

export function isSyllable(letters: string): boolean {
  return SYLLABLE.test(letters.normalize('NFD').replace(TONES, '').normalize('NFC').toLowerCase());
}

/** The two words of a merged pair (punctuation stays with its side), or undefined. */
export function splitMergedWord(word: string): [string, string] | undefined {
  const m = /^(\p{P}*)(\p{Lu}{4,})(\p{P}*)$/u.exec(word);
  if (!m) return undefined;
  const letters = [...m[2]];
  if (isSyllable(m[2])) return undefined;
  let split: number | undefined;
  for (let i = 1; i < letters.length; i++) {
    const left = letters.slice(0, i).join('');
    const right = letters.slice(i).join('');
    if (isSyllable(left) && isSyllable(right) && /[^\p{ASCII}]/u.test(left + right)) {
      if (split !== undefined) return undefined; // ambiguous: leave it
      split = i;
    }
  }
  if (split === undefined) return undefined;
  return [m[1] + letters.slice(0, split).join(''), letters.slice(split).join('') + m[3]];
}
