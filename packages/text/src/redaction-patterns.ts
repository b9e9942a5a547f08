/**
 * Vietnamese personal data to redact, as patterns over a line of OCR text. These run on the text
 * with diacritics folded but case kept ("Sinh ngày" → "Sinh ngay"), so a cue is found however the
 * OCR or the typist placed its marks. Digits may be split by the spaces OCR puts in long numbers
 * ("0912 345 678", "0 0 1 2 0 3…"); where a separator would also fit money ("185.000.000") it is
 * not allowed. Each match is a candidate for the user to review, never applied unseen.
 *
 * Kept in one module so entity extraction (phones, plates, ID numbers) can share it.
 */

export const REDACTION_PRESETS = ['cccd', 'phone', 'plate', 'dob'] as const;
export type RedactionPreset = (typeof REDACTION_PRESETS)[number];

export interface RedactionPattern {
  preset: RedactionPreset;
  /** Vietnamese label for the review list. */
  label: string;
  /** Global regex; when it has a `redact` group only that part is redacted (not the cue). */
  regex: RegExp;
}

/** A digit run of exactly `n` digits, optionally spaced (not dotted), not part of a longer number. */
const spacedDigits = (n: number) => String.raw`(?<![\p{N}])\p{N}(?: ?\p{N}){${n - 1}}(?! ?\p{N})`;

const DATE = [
  String.raw`\d{1,2} ?[/.\-] ?\d{1,2} ?[/.\-] ?(?:19|20)\d{2}`,
  String.raw`(?:ngay )?\d{1,2} ?thang ?\d{1,2} ?(?:nam ?)?(?:19|20)\d{2}`,
  String.raw`(?:19|20)\d{2}`,
].join('|');

export const REDACTION_PATTERNS: readonly RedactionPattern[] = [
  {
    preset: 'cccd',
    label: 'Số CCCD/CMND',
    // 12-digit citizen ID (CCCD, since 2016) or 9-digit CMND; an ID card number is never dotted.
    regex: new RegExp(`${spacedDigits(12)}|${spacedDigits(9)}`, 'gu'),
  },
  {
    preset: 'phone',
    label: 'Số điện thoại',
    // 0 + 9 digits (mobile) or 0 + 10 (landline 02x), or the same after +84 / (+84) / 84 without
    // the 0; groups may be split by spaces, dots or hyphens.
    regex: new RegExp(
      String.raw`(?<![\p{N}+])(?:\(?\+ ?84\)? ?|0)\p{N}(?:[ .\-]?\p{N}){8,9}(?![ .\-]?\p{N})`,
      'gu',
    ),
  },
  {
    preset: 'plate',
    label: 'Biển kiểm soát',
    // 51K-888.12, 30A-123.45, 29A1-234.56, 59-X1 123.45, 51K-8888 (older 4-digit plates).
    regex: new RegExp(
      String.raw`(?<![\p{L}\p{N}])\p{N}{2} ?-? ?[A-Z]{1,2} ?\p{N}? ?[\-–.]? ?(?:\p{N}{3} ?[.,]? ?\p{N}{2}|\p{N}{4,5})(?![\p{L}\p{N}])`,
      'gu',
    ),
  },
  {
    preset: 'dob',
    label: 'Ngày sinh',
    // The date after a birth cue: "sinh ngày 12/3/1990", "Ngày sinh: 12-03-1990", "sinh năm 1985",
    // "SN 1985", "ngày, tháng, năm sinh: 12 tháng 3 năm 1990", the cue split over two lines; only
    // the date is redacted.
    regex: new RegExp(
      String.raw`(?:sinh\s+ngay|sinh\s+nam|ngay[,\s]*thang[,\s]*nam\s+sinh|nam\s+sinh|ngay\s+sinh|(?<![\p{L}])SN)\s*[:.]?\s*(?<redact>${DATE})(?![\p{N}])`,
      'giu',
    ),
  },
];

export function redactionPatterns(presets: readonly RedactionPreset[]): RedactionPattern[] {
  return REDACTION_PATTERNS.filter((p) => presets.includes(p.preset));
}
