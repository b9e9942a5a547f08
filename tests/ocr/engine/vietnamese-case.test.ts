import { describe, expect, it } from 'vitest';
import { repairCapitalizedWord, repairVietnameseCase } from '../../../ocr/src/recognize/vietnamese-case';

describe('repairVietnameseCase', () => {
  it.each([
    ['LỪa,', 'Lừa,'],
    ['MỘt', 'Một'],
    ['đỎ,', 'đỏ,'],
    ['lƯỠi', 'lưỡi'],
    ['CƯỜng', 'Cường'],
    ['gồỒm:', 'gồm:'],
    ['tỪừ', 'từ'],
    ['"LừỪa', '"Lừa'],
  ])('repairs the model slip %s → %s', (slip, word) => {
    expect(repairVietnameseCase(slip)).toBe(word);
  });

  it.each(['CỘNG', 'Đức', 'ThS.', 'VKSKV3', '45/CT-VKSKV3', 'xoong', 'iPhone'])('keeps %s', (word) => {
    expect(repairVietnameseCase(word)).toBe(word);
  });
});

describe('repairCapitalizedWord', () => {
  it('lowers a marked capital inside running text', () => {
    expect(repairCapitalizedWord('Ở', 'sống', 'Hà')).toBe('ở');
    expect(repairCapitalizedWord('SỞ', 'của', 'Tư')).toBe('Sở');
    expect(repairCapitalizedWord('PƠ,', 'Ksor', 'sinh')).toBe('Pơ,');
  });

  it('keeps sentence starts, names in capitals and consonant abbreviations', () => {
    expect(repairCapitalizedWord('Ở', 'đó.', 'đây')).toBe('Ở');
    expect(repairCapitalizedWord('Ở', undefined, 'đây')).toBe('Ở');
    expect(repairCapitalizedWord('LÊ', 'ông', 'VĂN')).toBe('LÊ');
    expect(repairCapitalizedWord('QĐ', 'số', 'ngày')).toBe('QĐ');
    expect(repairCapitalizedWord('Y', 'tâm', 'tế')).toBe('Y');
  });
});
