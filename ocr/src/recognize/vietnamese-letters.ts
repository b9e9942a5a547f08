/**
 * Keeps recognized words inside the letters Vietnamese is written with (basic Latin plus the
 * Vietnamese letters), so that what looks right on screen also matches in search and export.
 *
 * Tesseract's models know other European letters and, now and then, read a Vietnamese one as a
 * look-alike: "Ðiều" with Ð (U+00D0, Icelandic eth) for Đ (U+0110), which a search for "Điều" never
 * finds; "Ksor ÿ Phúc" for the Ê Đê name "Ksor Y Phúc"; Cyrillic or Greek capitals. And the
 * apostrophe of Ê Đê and Gia Rai women's names (H'Nhi, H'Hen Niê) is often lost ("HNhi").
 * A post-correction rather than a character whitelist: it costs nothing, applies to both engines
 * and to every model, and keeps the recognizer's own choice wherever it is a Vietnamese letter.
 */

const VIETNAMESE_LETTER = /[a-zA-ZàáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ\u1EA0-\u1EF9]/u;
/** The tone and vowel marks Vietnamese uses, as combining characters (NFD). */
const VIETNAMESE_MARKS = /[\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323]/u;

/** Look-alikes read for Vietnamese or basic Latin letters; anything else is decomposed (NFD). */
const LOOK_ALIKES: Record<string, string> = {
  Ð: 'Đ', // U+00D0 Icelandic eth
  ð: 'đ',
  Ɖ: 'Đ', // U+0189 African D
  ɖ: 'đ',
  ÿ: 'y',
  Ÿ: 'Y',
  ß: 'B',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  ſ: 's',
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  μ: 'u',
};

/** Apostrophe look-alikes inside a name (modifier letters are letters, and must not stay). */
const APOSTROPHE_LIKE = /(?<=\p{L})[ʼʹ`´ˈ](?=\p{L})/gu;

/**
 * The word with every letter brought into the Vietnamese repertoire: known look-alikes mapped,
 * other accented letters stripped of marks Vietnamese does not use, letters of no Latin origin
 * dropped. NFC in, NFC out.
 */
export function toVietnameseLetters(word: string): string {
  if (isVietnameseText(word) && !APOSTROPHE_LIKE.test(word)) return word.normalize('NFC');
  APOSTROPHE_LIKE.lastIndex = 0;
  let out = '';
  for (const ch of word.replace(APOSTROPHE_LIKE, "'")) {
    if (!/\p{L}/u.test(ch) || VIETNAMESE_LETTER.test(ch)) {
      out += ch;
      continue;
    }
    const mapped = LOOK_ALIKES[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // "ë" → "e", "ñ" → "n", "ǎ" → "a": keep the base letter and the marks Vietnamese has.
    const [base, ...marks] = ch.normalize('NFD');
    if (!/[a-zA-Z]/.test(base)) continue;
    const kept = (base + marks.filter((m) => VIETNAMESE_MARKS.test(m)).join('')).normalize('NFC');
    out += isVietnameseText(kept) ? kept : base; // "ñ": a Vietnamese mark, but no Vietnamese letter
  }
  return out.normalize('NFC');
}

/** True when every letter of `text` is basic Latin or Vietnamese. */
export function isVietnameseText(text: string): boolean {
  for (const ch of text) if (/\p{L}/u.test(ch) && !VIETNAMESE_LETTER.test(ch)) return false;
  return true;
}

/**
 * Context repairs of minority names, on a line's words:
 * - "ÿ" read for the one-letter name "Y" (Ksor Y Phúc, Y Bih): once mapped it is "y"; before or
 *   after a capitalized word it is the name. A lower-case "y" as Tesseract read it stays ("y án").
 * - "HNhi" for "H'Nhi": no Vietnamese syllable starts with H and another consonant, so a capital
 *   H followed by a capital consonant and a lower-case syllable (HNhi, HHen, HBia) lost its apostrophe.
 */
export function repairMinorityName(word: string, original: string, prev?: string, next?: string): string {
  if (word === 'y' && /^[ÿŸ]$/.test(original)) {
    return startsCapital(prev) || startsCapital(next) ? 'Y' : word;
  }
  // Mixed case only: in capitals, H + consonant is an abbreviation (HĐND, HĐXX).
  const lost = /^H([BCDĐGHKLMNPQRSTVX])(\p{Ll}+)([.,;:]?)$/u.exec(word);
  if (lost && /[aeiouyăâêôơưàáảãạ-ỹ]/u.test(lost[2])) return `H'${lost[1]}${lost[2]}${lost[3]}`;
  return word;
}

function startsCapital(w?: string): boolean {
  return !!w && /^\p{Lu}/u.test(w);
}
