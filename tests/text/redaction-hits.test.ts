import { describe, expect, it } from 'vitest';
import {
  findRedactionHits,
  wordsOutsideBoxes,
  type LocatedWord,
  type RedactionRule,
} from '../../packages/text/src';

/** A line of words laid out left to right, 20 px per character, 10 px gaps. */
function line(text: string, y = 100): LocatedWord[] {
  let x = 50;
  return text.split(' ').map((t) => {
    const w: LocatedWord = { text: t, box: [x, y, x + 20 * [...t].length, y + 30] };
    x = w.box[2] + 10;
    return w;
  });
}

const hitTexts = (lines: LocatedWord[][], rule: RedactionRule) =>
  findRedactionHits(lines, [rule]).map((h) => h.text);

describe('redaction rules over OCR words', () => {
  it('phrases match without diacritics or case, on word boundaries, across OCR splits', () => {
    const page = [
      line('Bị can Nguyễn Văn A, sinh năm 1990'),
      line('và Nguyễn Văn An là anh em'),
      line('ông Nguy ễn VănA'),
    ];
    expect(hitTexts(page, { kind: 'text', phrase: 'nguyen van a' })).toEqual([
      'Nguyễn Văn A',
      'Nguy ễn VănA',
    ]);
    expect(hitTexts(page, { kind: 'text', phrase: 'NGUYỄN VĂN AN' })).toEqual(['Nguyễn Văn An']);
  });

  it('finds CCCD and CMND numbers, spaced by OCR, but not money', () => {
    const page = [
      line('CCCD số 001090012345 cấp ngày'),
      line('CMND: 0 2 5 3 4 5 6 7 8 do CA cấp'),
      line('số tiền 185.000.000 đồng và 100.000.000.000'),
      line('số 0010 9001 2345'),
    ];
    expect(hitTexts(page, { kind: 'preset', preset: 'cccd' })).toEqual([
      '001090012345',
      '0 2 5 3 4 5 6 7 8',
      '0010 9001 2345',
    ]);
  });

  it('finds phone numbers in local and +84 forms with spaces, dots and hyphens', () => {
    const page = [
      line('ĐT: 0912 345 678, nhà 024.3825.1234'),
      line('hoặc +84 912 345 678 và (+84)912-345-679'),
      line('SĐT:0987654321 số lượng 12345'),
    ];
    expect(hitTexts(page, { kind: 'preset', preset: 'phone' })).toEqual([
      '0912 345 678',
      '024.3825.1234',
      '+84 912 345 678',
      '(+84)912-345-679',
      '0987654321',
    ]);
  });

  it('finds vehicle plates', () => {
    const page = [
      line('xe ô tô BKS 51K-888.12 và xe máy 29A1-234.56, 59-X1 123.45 hoặc 30A-1234'),
      line('Điều 173 khoản 2'),
    ];
    expect(hitTexts(page, { kind: 'preset', preset: 'plate' })).toEqual([
      '51K-888.12',
      '29A1-234.56',
      '59-X1 123.45',
      '30A-1234',
    ]);
  });

  it('finds dates of birth after a cue, redacting only the date', () => {
    const page = [
      line('Nguyễn Văn A, sinh ngày 12/03/1990 tại Hà Nội'),
      line('Ngày sinh: 1 tháng 2 năm 1985; quyết định ngày 05/06/2024'),
      line('Trần Thị B, SN 1979, sinh nam 1980'),
    ];
    expect(hitTexts(page, { kind: 'preset', preset: 'dob' })).toEqual([
      '12/03/1990',
      '1 tháng 2 năm 1985',
      '1979',
      '1980',
    ]);
  });

  it('redacts part of a glued word and keeps the rest in the text layer', () => {
    const page = [line('SĐT:0987654321 gọi')];
    const [hit] = findRedactionHits(page, [{ kind: 'preset', preset: 'phone' }]);
    expect(hit.pieces).toEqual([{ word: 0, from: 4, to: 14 }]);
    const left = wordsOutsideBoxes(page, hit.boxes);
    expect(left.flat().map((w) => w.text)).toEqual(['SĐT:', 'gọi']);
  });

  it('user patterns run on the text as written', () => {
    const page = [line('Biên bản số 127/BB-CSĐT ngày 1/1/2024')];
    expect(hitTexts(page, { kind: 'pattern', source: String.raw`\d+/BB-CSĐT` })).toEqual(['127/BB-CSĐT']);
  });

  it('boxes take whole words and only from the lines they cover', () => {
    const page = [line('Nguyễn Văn A', 100), line('ở Hà Nội', 140)];
    const left = wordsOutsideBoxes(page, [[40, 95, 400, 128]]);
    expect(left.flat().map((w) => w.text)).toEqual(['ở', 'Hà', 'Nội']);
  });
});
