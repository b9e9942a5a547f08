/**
 * The one table of Vietnamese identifier patterns (CCCD/CMND, phone, vehicle plate, date of birth),
 * shared by redaction by rule (`redaction-patterns.ts`, over one line of OCR text, case kept) and
 * entity extraction (`@hoso/entities`, over a page's folded text with context words). Each row holds
 * the form each reader runs and the checks that decide what a match is, so a change to how HoSo
 * recognises a phone or a plate is made once, here, and both readers see it.
 */

/** A digit run of exactly `n` digits, optionally spaced (not dotted), not part of a longer number. */
const spacedDigits = (n: number) => String.raw`(?<![\p{N}])\p{N}(?: ?\p{N}){${n - 1}}(?! ?\p{N})`;

const DATE = [
  String.raw`\d{1,2} ?[/.\-] ?\d{1,2} ?[/.\-] ?(?:19|20)\d{2}`,
  String.raw`(?:ngay )?\d{1,2} ?thang ?\d{1,2} ?(?:nam ?)?(?:19|20)\d{2}`,
  String.raw`(?:19|20)\d{2}`,
].join('|');

export const IDENTIFIER_PATTERNS = {
  cccd: {
    label: 'Số CCCD/CMND',
    // 12-digit citizen ID (CCCD, since 2016) or 9-digit CMND; an ID card number is never dotted.
    line: new RegExp(`${spacedDigits(12)}|${spacedDigits(9)}`, 'gu'),
    // Entities: any long digit run, then read by its digits and context (CCCD, account…).
    page: /(?<![\p{L}\p{N}/.,-])\d(?:[\s.-]?\d){5,19}(?![\p{N}])(?![.,-]\d)/gu,
    /** CCCD by its digits alone: province, century/sex, 8 digits. */
    cccdDigits: /^0\d{2}[0-3]\d{8}$/,
    /** A 9-digit CMND or 12-digit CCCD, when a cue word says it is an ID. */
    lengths: [9, 12] as readonly number[],
    cue: /(cccd|cmnd|can cuoc|chung minh|dinh danh)[^.;]{0,28}$/,
  },
  phone: {
    label: 'Số điện thoại',
    // 0 + 9 digits (mobile) or 0 + 10 (landline 02x), or the same after +84 / (+84) / 84 without
    // the 0; groups may be split by spaces, dots or hyphens.
    line: new RegExp(
      String.raw`(?<![\p{N}+])(?:\(?\+ ?84\)? ?|0)\p{N}(?:[ .\-]?\p{N}){8,9}(?![ .\-]?\p{N})`,
      'gu',
    ),
    page: /(?<![\p{N}/.,])(?:\+\s?84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])(?!\s?[.,-]?\s?\d)/gu,
    mobile: /^0[35789]\d{8}$/,
    landline: /^02\d{9}$/,
  },
  plate: {
    label: 'Biển kiểm soát',
    // 51K-888.12, 30A-123.45, 29A1-234.56, 59-X1 123.45, 51K-8888 (older 4-digit plates).
    line: new RegExp(
      String.raw`(?<![\p{L}\p{N}])\p{N}{2} ?-? ?[A-Z]{1,2} ?\p{N}? ?[\-–.]? ?(?:\p{N}{3} ?[.,]? ?\p{N}{2}|\p{N}{4,5})(?![\p{L}\p{N}])`,
      'gu',
    ),
    // 51K-888.12, 51LD-123.45, 59X1-123.45 (motorbike), 29A-1234 (old four-digit series); OCR
    // spaces them unevenly ("51K - 888. 12").
    page: /(?<![\p{L}\p{N}/])(\d{2})\s?-?\s?([A-Z]{1,2}\d{0,2})\s?[-–]\s?(\d{3})\s?[.,]\s?(\d{2})(?![\p{N}])|(?<![\p{L}\p{N}/])(\d{2})\s?([A-Z]{1,2}\d{0,2})\s?[-–]\s?(\d{4,5})(?![\p{N}.,]\d)/gu,
    cue: /(bien so|bks|bien kiem soat)[^\n]{0,6}$/,
  },
  dob: {
    label: 'Ngày sinh',
    // The date after a birth cue: "sinh ngày 12/3/1990", "Ngày sinh: 12-03-1990", "sinh năm 1985",
    // "SN 1985", "ngày, tháng, năm sinh: 12 tháng 3 năm 1990", the cue split over two lines; only
    // the date (group `redact`) is redacted.
    line: new RegExp(
      String.raw`(?:sinh\s+ngay|sinh\s+nam|ngay[,\s]*thang[,\s]*nam\s+sinh|nam\s+sinh|ngay\s+sinh|(?<![\p{L}])SN)\s*[:.]?\s*(?<redact>${DATE})(?![\p{N}])`,
      'giu',
    ),
  },
} as const;

/** A phone number's digits (after +84 → 0) if they are a Vietnamese mobile or landline. */
export function phoneDigits(matched: string): string | undefined {
  let digits = matched.replace(/\D/g, '');
  if (digits.startsWith('84') && matched.trimStart().replace(/^\(/, '').startsWith('+'))
    digits = `0${digits.slice(2)}`;
  const p = IDENTIFIER_PATTERNS.phone;
  return p.mobile.test(digits) || p.landline.test(digits) ? digits : undefined;
}
