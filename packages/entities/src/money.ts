import type { PageText } from './page-text';
import { atRange, matchMentions } from './patterns';
import type { Tok } from './tokens';
import type { Mention, PageWords } from './types';

/**
 * Amounts of money, normalized to đồng: "2.000.000 đồng", "2.000.000đ", "50 triệu đồng",
 * "1,5 tỷ đồng", and amounts in words ("hai triệu", "(Một trăm hai mươi triệu đồng)").
 */
const SCALE: Record<string, number> = { nghin: 1e3, ngan: 1e3, trieu: 1e6, ty: 1e9, ti: 1e9 };

const FIGURES =
  /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d{1,3})?)\s*(?:(nghin|ngan|trieu|ty|ti)\b\s*)?(dong\b|d(?![\p{L}])|vnd\b|vnđ\b)?/giu;

export function findMoney(page: PageWords, pt: PageText, toks: readonly Tok[]): Mention[] {
  const out = matchMentions(page, pt, FIGURES, (m) => {
    const [, num, scaleWord, currency] = m;
    const scale = scaleWord ? SCALE[scaleWord.toLowerCase()] : 1;
    if (!currency && !(scale >= 1e6)) return undefined;
    let value: number;
    if (scale > 1) {
      // "1,5 tỷ", "2.5 triệu": a decimal mark before a scale word; "1.500 triệu": thousands.
      value = /^\d+[.,]\d{1,2}$/.test(num)
        ? Number(num.replace(',', '.')) * scale
        : Number(num.replace(/\D/g, '')) * scale;
    } else value = Number(num.replace(/\D/g, ''));
    if (!Number.isFinite(value) || value <= 0) return undefined;
    value = Math.round(value);
    return { kind: 'money', normalized: String(value), amount: value };
  });
  return [...out, ...spelledAmounts(page, pt, toks)];
}

const UNITS: Record<string, number> = {
  không: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  nhăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};
const WORDS = new Set([
  ...Object.keys(UNITS),
  'mười',
  'mươi',
  'trăm',
  'nghìn',
  'ngàn',
  'triệu',
  'tỷ',
  'tỉ',
  'linh',
  'lẻ',
]);
const BIG = new Set(['trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ']);

/** Reads a Vietnamese number in words: "một trăm hai mươi triệu" → 120 000 000. */
export function parseVietnameseNumber(words: readonly string[]): number | undefined {
  let total = 0;
  let group = 0;
  let digit = 0;
  for (const w of words) {
    if (w in UNITS) digit = UNITS[w];
    else if (w === 'mười') group += 10;
    else if (w === 'mươi') {
      group += digit * 10;
      digit = 0;
    } else if (w === 'trăm') {
      group += digit * 100;
      digit = 0;
    } else if (w === 'nghìn' || w === 'ngàn') {
      total += (group + digit) * 1e3;
      group = digit = 0;
    } else if (w === 'triệu') {
      total += (group + digit) * 1e6;
      group = digit = 0;
    } else if (w === 'tỷ' || w === 'tỉ') {
      total = (total + group + digit) * 1e9;
      group = digit = 0;
    } else if (w !== 'linh' && w !== 'lẻ') return undefined;
  }
  return total + group + digit;
}

function spelledAmounts(page: PageWords, pt: PageText, toks: readonly Tok[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i].core.toLowerCase();
    if (!WORDS.has(first) || first === 'linh' || first === 'lẻ') continue;
    let j = i;
    while (j + 1 < toks.length && !toks[j].trail && WORDS.has(toks[j + 1].core.toLowerCase())) j++;
    const words = toks.slice(i, j + 1).map((t) => t.core.toLowerCase());
    const next = toks[j + 1];
    const dong = !toks[j].trail && next && next.fold === 'dong';
    const endsBig = BIG.has(words[words.length - 1]) && words[words.length - 1] !== 'trăm';
    // "năm" is also "year": words alone are money only with "đồng" or a scale of a million up.
    if (!(dong || (endsBig && words.some((w) => w === 'triệu' || w === 'tỷ' || w === 'tỉ')))) {
      i = j;
      continue;
    }
    if (!words.some((w) => BIG.has(w) || w === 'mười' || w === 'mươi') && !dong) continue;
    const value = parseVietnameseNumber(words);
    const last = dong ? j + 1 : j;
    if (value && value > 0) {
      const m = atRange(
        page,
        pt,
        pt.starts[i] + toks[i].lead.length,
        pt.starts[last] + pt.words[last].text.length - toks[last].trail.length,
        {
          kind: 'money',
          normalized: String(value),
          amount: value,
        },
      );
      if (m) out.push(m);
    }
    i = last;
  }
  return out;
}
