/**
 * Vietnamese personal data to redact, as patterns over a line of OCR text. These run on the text
 * with diacritics folded but case kept ("Sinh ngày" → "Sinh ngay"), so a cue is found however the
 * OCR or the typist placed its marks. Digits may be split by the spaces OCR puts in long numbers
 * ("0912 345 678", "0 0 1 2 0 3…"); where a separator would also fit money ("185.000.000") it is
 * not allowed. Each match is a candidate for the user to review, never applied unseen.
 *
 * The patterns themselves live in the one identifier table (`identifier-patterns.ts`), which entity
 * extraction reads too, so the two cannot drift apart.
 */

import { IDENTIFIER_PATTERNS } from './identifier-patterns';

export const REDACTION_PRESETS = ['cccd', 'phone', 'plate', 'dob'] as const;
export type RedactionPreset = (typeof REDACTION_PRESETS)[number];

export interface RedactionPattern {
  preset: RedactionPreset;
  /** Vietnamese label for the review list. */
  label: string;
  /** Global regex; when it has a `redact` group only that part is redacted (not the cue). */
  regex: RegExp;
}

const row = (preset: RedactionPreset): RedactionPattern => ({
  preset,
  label: IDENTIFIER_PATTERNS[preset].label,
  regex: IDENTIFIER_PATTERNS[preset].line,
});

export const REDACTION_PATTERNS: readonly RedactionPattern[] = REDACTION_PRESETS.map(row);

export function redactionPatterns(presets: readonly RedactionPreset[]): RedactionPattern[] {
  return REDACTION_PATTERNS.filter((p) => presets.includes(p.preset));
}
