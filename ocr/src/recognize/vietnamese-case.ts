/**
 * Repairs a letter-case error of the LSTM model on Vietnamese: a lower-case vowel carrying a mark
 * above (ừ, ộ, ỡ, ở, ơ…) is as tall as a capital, and the model often reads it as its capital
 * ("LỪa", "MỘt", "đỎ") or emits both cases of it ("LừỪa", "gồỒm"). Vietnamese words are written
 * lower case, Capitalized or in CAPITALS, never with a capital after a lower-case letter, so:
 * - a letter followed by the same letter in the other case keeps only the lower-case one;
 * - an accented (non-ASCII) capital next to a lower-case letter of its word becomes lower case.
 * ASCII capitals are left alone (abbreviations such as "ThS", "TAND", "VKSKV3").
 */
export function repairVietnameseCase(word: string): string {
  // Each pass can expose another capital to a lower-case neighbour ("CƯỜng" → "CƯờng" → "Cường").
  let current = word;
  for (let pass = 0; pass < 4; pass++) {
    const next = repairPass(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * A short capitalized word whose capitals after the first are all marked vowels ("Ở", "SỞ", "PƠ")
 * inside running lower-case text is the same slip on a whole word: "ở", "Sở", "Pơ". `before` and
 * `after` are its neighbours on the line. A word after a sentence end, or next to another word in
 * capitals (a name or heading in capitals: "LÊ VĂN"), is left alone.
 */
export function repairCapitalizedWord(word: string, before?: string, after?: string): string {
  const letters = [...word].filter(isLetter);
  if (letters.length === 0 || letters.length > 3 || !letters.every(isUpper)) return word;
  if (!letters.slice(1).every(isMarkedVowel) || (letters.length === 1 && !isMarkedVowel(letters[0])))
    return word;
  if (!before || !/\p{Ll}/u.test(before) || /[.:!?;]["”»)]*$/u.test(before)) return word;
  if (after !== undefined && isAllCapitals(after)) return word;
  if (letters.length === 1) return word.toLowerCase();
  const chars = [...word];
  const first = chars.findIndex(isLetter);
  return chars.map((c, i) => (i > first ? c.toLowerCase() : c)).join('');
}

function repairPass(word: string): string {
  const chars = [...word];
  if (chars.every((c) => c === c.toLowerCase()) || chars.every((c) => c === c.toUpperCase())) return word;
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = out[out.length - 1];
    const next = chars[i + 1];
    const before = chars[i - 1];
    if (before !== undefined && isLetter(c) && before !== c && before.toLowerCase() === c.toLowerCase()) {
      // A doubled letter in two cases: keep the lower-case reading.
      out[out.length - 1] = c.toLowerCase();
      continue;
    }
    const accentedCapital = c.charCodeAt(0) > 0x7f && isUpper(c);
    if (
      accentedCapital &&
      prev !== undefined &&
      isLetter(prev) &&
      (isLower(prev) || (next !== undefined && isLower(next)))
    )
      out.push(c.toLowerCase());
    else out.push(c);
  }
  return out.join('');
}

const isLetter = (c: string) => /\p{L}/u.test(c);
/** A capital vowel carrying a mark above or below (not Đ, which is a consonant). */
const isMarkedVowel = (c: string) =>
  /[AEIOUY]/.test(c.normalize('NFD')[0] ?? '') && c.normalize('NFD').length > 1;
const isAllCapitals = (w: string) => {
  const letters = [...w].filter(isLetter);
  return letters.length > 1 && letters.every(isUpper);
};
const isUpper = (c: string) => isLetter(c) && c !== c.toLowerCase();
const isLower = (c: string) => isLetter(c) && c !== c.toUpperCase();
