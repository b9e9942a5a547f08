/**
 * Vietnamese normalization for search. Two forms of every word:
 * - exact: NFC, lower-cased (keeps diacritics: "hồ" ≠ "hổ"),
 * - folded: exact with every combining mark removed and đ → d ("hồ sơ" → "ho so"),
 *   so a query typed without diacritics (the common case on a Windows keyboard) still matches.
 * Input may be NFC or NFD (macOS file names, some PDFs' text layers): both normalize the same.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC + lower case (Vietnamese-safe: toLowerCase handles Đ/Ư/Ơ and precomposed letters). */
export function exactForm(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** Diacritic-insensitive form: "Điều 173" → "dieu 173", "HỒ SƠ" → "ho so". Always NFC (plain ASCII for Vietnamese). */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase()
    .normalize('NFC');
}

/** Folded form used for case/number/name filters in lists ("nguyen van" matches "Nguyễn Văn"). */
export function matchesLoosely(haystack: string, needle: string): boolean {
  const n = foldDiacritics(needle).trim();
  if (!n) return true;
  return foldDiacritics(haystack).includes(n);
}

/**
 * Diacritic fold that keeps the string's length and case ("Điều 173" → "Dieu 173"), so an index
 * found in the folded text points at the same characters of the original. NFC Vietnamese letters
 * fold 1:1; anything that would not (a stray combining mark) becomes '?' rather than shift indices.
 */
export function foldKeepingLength(s: string): string {
  const f = s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .normalize('NFC');
  return f.length === s.length ? f : s.replace(/./gu, (c) => foldOne(c));
}
function foldOne(c: string): string {
  const f = c
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, (x) => (x === 'đ' ? 'd' : 'D'));
  return f.length === 1 ? f : c.length === 1 ? c : '?';
}

/**
 * Letters Tesseract returns that look Vietnamese on screen but are not (seen on this project's
 * pages): Icelandic eth `Ð`/`ð` for `Đ`/`đ`, `ÿ` for the `Y` of Ê Đê names ("Ksor ÿ Phúc").
 * Exact matching and entity keys need the real letters.
 */
export function repairOcrLookalikes(s: string): string {
  return s.replace(/[\u00D0\u00F0\u00FF\u0178]/g, (c) => (c === '\u00D0' ? 'Đ' : c === '\u00F0' ? 'đ' : 'Y'));
}
