import { IDENTIFIER_PATTERNS, phoneDigits } from '@hoso/text';
import type { PageText } from './page-text';
import { atRange, before, matchMentions } from './patterns';
import type { Mention, PageWords } from './types';

/**
 * Numbers that identify someone or something: vehicle plates, phones, CCCD/CMND, bank accounts and
 * document numbers. OCR spaces them unevenly ("51K - 888. 12", "0912 345 678"): patterns allow a
 * space at every joint and the normalized form removes them. The plate, phone and ID patterns are
 * the ones redaction by rule uses (`@hoso/text` identifier table).
 */

const PLATE = IDENTIFIER_PATTERNS.plate.page;
const PHONE = IDENTIFIER_PATTERNS.phone.page;
const DIGIT_RUN = IDENTIFIER_PATTERNS.cccd.page;

// 712/KLĐT-PC01, 19/QĐTN-CSĐT, 45/CT-VKSKV3, 30/2020/NĐ-CP, 15/2024/HS-ST. Letters are upper case in
// the folded text (Đ → D); the printed form keeps its Đ.
const DOC_NUMBER =
  /(?<![\p{L}\p{N}/])(\d{1,5})\s?\/\s?(?:(\d{4})\s?\/\s?)?([A-Z][A-Z0-9]{0,11}(?![a-z]))((?:\s?-\s?[A-Z0-9]{1,12}(?![a-z]))*)/gu;

const digitsOf = (s: string) => s.replace(/\D/g, '');

export function findPlates(page: PageWords, pt: PageText): Mention[] {
  return matchMentions(page, pt, PLATE, (m) => {
    if (m[1]) return { kind: 'plate', normalized: `${m[1]}${m[2]}-${m[3]}.${m[4]}` };
    const tail = m[7].length === 5 ? `${m[7].slice(0, 3)}.${m[7].slice(3)}` : m[7];
    return { kind: 'plate', normalized: `${m[5]}${m[6]}-${tail}` };
  });
}

/** Phones, then the remaining long digit runs as CCCD/CMND or bank accounts by their context. */
export function findNumbers(page: PageWords, pt: PageText): Mention[] {
  const out: Mention[] = [];
  const taken: [number, number][] = [];
  const contextOf = (index: number) => before(pt, index, 48);
  const isAccount = (ctx: string) => /(tai khoan|stk|so tk)[^.;]{0,22}$/.test(ctx);
  const isIdContext = (ctx: string) => IDENTIFIER_PATTERNS.cccd.cue.test(ctx);
  const isPlateContext = (ctx: string) => IDENTIFIER_PATTERNS.plate.cue.test(ctx);

  for (const m of pt.folded.matchAll(PHONE)) {
    const ctx = contextOf(m.index);
    if (isAccount(ctx) || isIdContext(ctx) || isPlateContext(ctx)) continue;
    const digits = phoneDigits(m[0]);
    if (!digits) continue;
    const mention = atRange(page, pt, m.index, m.index + m[0].length, { kind: 'phone', normalized: digits });
    if (mention) {
      out.push(mention);
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of pt.folded.matchAll(DIGIT_RUN)) {
    if (taken.some(([s, e]) => m.index < e && m.index + m[0].length > s)) continue;
    const ctx = contextOf(m.index);
    const digits = digitsOf(m[0]);
    let kind: Mention['kind'] | undefined;
    if (isAccount(ctx) && digits.length >= 6 && digits.length <= 19) kind = 'bank_account';
    else if (IDENTIFIER_PATTERNS.cccd.cccdDigits.test(digits)) kind = 'id_number';
    else if (isIdContext(ctx) && IDENTIFIER_PATTERNS.cccd.lengths.includes(digits.length)) kind = 'id_number';
    if (!kind) continue;
    const mention = atRange(page, pt, m.index, m.index + m[0].length, { kind, normalized: digits });
    if (mention) out.push(mention);
  }
  return out;
}

export function findDocNumbers(page: PageWords, pt: PageText): Mention[] {
  return matchMentions(page, pt, DOC_NUMBER, (m, printed) => {
    const normalized = printed.replace(/\s+/g, '').toUpperCase();
    // A unit or a ratio ("50/KM"), not a paper: a document code has a letter group of 2+.
    if (!/[A-ZĐ]{2}/u.test(normalized.split('/').pop() ?? '')) return undefined;
    return { kind: 'doc_number', normalized };
  });
}
