import { describe, expect, it } from 'vitest';
import { IDENTIFIER_PATTERNS, REDACTION_PATTERNS, phoneDigits } from '@hoso/text';

/**
 * Redaction by rule and entity extraction read identifiers from the one table: the redaction
 * rules are its `line` forms, and both forms agree on the identifiers a dossier prints.
 */
describe('identifier table', () => {
  it('is what the redaction rules run', () => {
    for (const p of REDACTION_PATTERNS) expect(p.regex).toBe(IDENTIFIER_PATTERNS[p.preset].line);
  });

  const both = (key: 'cccd' | 'phone' | 'plate', text: string) => ({
    line: [...text.matchAll(IDENTIFIER_PATTERNS[key].line)].map((m) => m[0]),
    page: [...text.matchAll(IDENTIFIER_PATTERNS[key].page)].map((m) => m[0]),
  });

  it.each(['51K-888.12', '30A-123.45', '29A1-234.56', '51K-8888'])('both forms find plate %s', (plate) => {
    const { line, page } = both('plate', `bien so ${plate} do`);
    expect(line).toEqual([plate]);
    expect(page).toEqual([plate]);
  });

  it.each(['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '02838123456'])(
    'both forms find phone %s and read the same digits',
    (phone) => {
      const { line, page } = both('phone', `so dien thoai ${phone}, `);
      expect(line).toEqual([phone]);
      expect(page).toEqual([phone]);
      expect(phoneDigits(phone)).toMatch(/^0\d{9,10}$/);
    },
  );

  it.each(['079203001234', '001 203 004 567', '123456789'])('both forms find ID number %s', (id) => {
    const { line, page } = both('cccd', `CCCD so ${id} cap ngay`);
    expect(line).toEqual([id]);
    expect(page).toEqual([id]);
  });

  it('reads a CCCD by its digits, a phone only if Vietnamese', () => {
    expect(IDENTIFIER_PATTERNS.cccd.cccdDigits.test('079203001234')).toBe(true);
    expect(IDENTIFIER_PATTERNS.cccd.cccdDigits.test('179203001234')).toBe(false);
    expect(phoneDigits('+84 912 345 678')).toBe('0912345678');
    expect(phoneDigits('0112345678')).toBeUndefined();
  });
});
