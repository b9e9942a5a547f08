import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectDate, detectMetadata, detectNumber, type DetectedMetadata } from '@hoso/domain';

const CORPUS = '/work/shared/corpus';
const FIXTURES = join(import.meta.dirname, 'fixtures');

const EXPECTED: Record<string, DetectedMetadata> = {
  '01-quyet-dinh-khoi-to': {
    type: 'quyet-dinh',
    number: '127/QĐ-VKSKV4',
    date: '2025-03-14',
    issuer: 'VIỆN KIỂM SÁT NHÂN DÂN KHU VỰC 4 - LẠNG SƠN',
    title: 'Quyết định phê chuẩn quyết định khởi tố bị can',
  },
  '02-bien-ban-loi-khai': {
    type: 'loi-khai',
    number: '14/BB-CSĐT',
    date: '2024-11-20',
    issuer: 'CÔNG AN TỈNH GIA LAI',
    title: 'Biên bản ghi lời khai (Người làm chứng)',
  },
  '03-ket-luan-giam-dinh': {
    type: 'ket-luan',
    number: '3081/KLGĐ-PY',
    date: '2024-12-02',
    issuer: 'VIỆN PHÁP Y QUỐC GIA',
    title: 'Bản kết luận giám định pháp y về thương tích',
  },
  '04-bien-ban-thu-giu': {
    type: 'bien-ban',
    number: '09/BB-TG',
    date: '2024-11-18',
    issuer: 'CÔNG AN HUYỆN ĐAK PƠ',
    title: 'Biên bản thu giữ vật chứng',
  },
  '05-cao-trang': {
    type: 'cao-trang',
    number: '45/CT-VKSKV3',
    date: '2025-06-09',
    issuer: 'VIỆN KIỂM SÁT NHÂN DÂN KHU VỰC 3 - TUYÊN QUANG',
    title: 'Cáo trạng',
  },
  '06-lenh-tam-giam': {
    type: 'lenh',
    number: '33/LTG-CSĐT',
    date: '2025-03-13',
    issuer: 'CÔNG AN KHU VỰC 4 - LẠNG SƠN',
    title: 'Lệnh tạm giam',
  },
};

describe('detectMetadata on the corpus', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ground truth text (two header columns read one after the other)`, () => {
      const lines = readFileSync(join(CORPUS, name, 'truth.txt'), 'utf8').split('\n');
      expect(detectMetadata(lines)).toEqual(expected);
    });
    // Tesseract 5 (psm 3) on the v1 scan merges the two header columns into shared lines.
    it(`${name}: OCR text of the scanned page (header columns merged)`, () => {
      const lines = readFileSync(join(FIXTURES, `${name}.ocr-v1.txt`), 'utf8').split('\n');
      expect(detectMetadata(lines)).toEqual(expected);
    });
  }

  it('reads NFD input and OCR-dropped tone marks in the dateline', () => {
    expect(detectDate('Hà Nội, ngay 2 thang 12 nam 2024'.normalize('NFD'))).toBe('2024-12-02');
    expect(detectNumber('Số : 211/QĐ-CSĐT'.normalize('NFD'))).toBe('211/QĐ-CSĐT');
  });

  it('prefers the header dateline over dates cited in the body', () => {
    const text = 'Căn cứ Quyết định ngày 25 tháng 11 năm 2024;\nHà Nội, ngày 02 tháng 12 năm 2024';
    expect(detectDate(text)).toBe('2024-12-02');
  });

  it('rejects impossible dates and leaves unknown papers untyped, titled by their first line', () => {
    expect(detectDate('ngày 41 tháng 13 năm 2024')).toBeUndefined();
    expect(detectMetadata(['Ảnh chụp hiện trường', 'Ghi chú'])).toEqual({ title: 'Ảnh chụp hiện trường' });
  });

  it('does not take the operative "QUYẾT ĐỊNH:" heading as a title', () => {
    const m = detectMetadata(['CÔNG AN TỈNH X', 'Số: 1/QĐ', 'Xét đề nghị của …', 'QUYẾT ĐỊNH:', 'Điều 1. …']);
    expect(m.type).toBeUndefined();
    expect(m.number).toBe('1/QĐ');
  });
});
