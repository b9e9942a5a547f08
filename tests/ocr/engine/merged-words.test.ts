import { describe, expect, it } from 'vitest';
import { isSyllable, splitMergedWord } from '../../../ocr/src/recognize/merged-words';

describe('splitMergedWord', () => {
  it.each([
    ['DÂNKHU', ['DÂN', 'KHU']],
    ['DÂNKHU.', ['DÂN', 'KHU.']],
    ['RALỆNH:', ['RA', 'LỆNH:']],
    ['CỘNGHÒA', ['CỘNG', 'HÒA']],
  ])('splits %s', (merged, words) => {
    expect(splitMergedWord(merged)).toEqual(words);
  });

  it.each([
    'NGHIỆP',
    'TRƯỞNG',
    'NGƯỜI',
    'KHUYẾN',
    'HONDA',
    'YAMAHA',
    'CSĐT',
    'HĐND',
    'TAND',
    'Dânkhu',
    'QĐ-VKSKV4',
  ])('keeps %s', (word) => {
    expect(splitMergedWord(word)).toBeUndefined();
  });

  it('knows Vietnamese syllables with their tone marks', () => {
    expect(['nghiêng', 'quyết', 'giữa', 'khoản', 'Đức'].every(isSyllable)).toBe(true);
    expect(['dânkhu', 'ghoa', 'ka'].some(isSyllable)).toBe(false);
  });
});
