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
