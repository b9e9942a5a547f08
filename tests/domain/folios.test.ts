import { describe, expect, it } from 'vitest';
import { assignFolios, effectiveWordsOf, folioRange, formatFolioRange, pageLines } from '@hoso/domain';
import { ocrPageFromText } from '../db/fixtures';

const volumes = [
  { id: 'v2', order: 1 },
  { id: 'v1', order: 0 },
];
const documents = [
  { id: 'd3', volumeId: 'v2', order: 0 },
  { id: 'd2', volumeId: 'v1', order: 1 },
  { id: 'd1', volumeId: 'v1', order: 0 },
];
const pages = [
  { id: 'p5', documentId: 'd3', order: 0 },
  { id: 'p4', documentId: 'd2', order: 1 },
  { id: 'p3', documentId: 'd2', order: 0 },
  { id: 'p2', documentId: 'd1', order: 1 },
  { id: 'p1', documentId: 'd1', order: 0 },
];

describe('assignFolios', () => {
  it('numbers volumes → documents → pages 1..N', () => {
    expect([...assignFolios(volumes, documents, pages)]).toEqual([
      ['p1', 1],
      ['p2', 2],
      ['p3', 3],
      ['p4', 4],
      ['p5', 5],
    ]);
  });

  it('append mode keeps existing folios and numbers new pages after the highest', () => {
    const numbered = pages.map((p) => (p.id === 'p3' ? p : { ...p, folio: Number(p.id.slice(1)) }));
    const m = assignFolios(volumes, documents, numbered, 'append');
    expect(m.get('p3')).toBe(6);
    expect(m.get('p5')).toBe(5);
  });

  it('formats folio ranges', () => {
    expect(formatFolioRange(folioRange([{ folio: 14 }, { folio: 12 }, {}]))).toBe('12–14');
    expect(formatFolioRange(folioRange([{ folio: 3 }]))).toBe('3');
    expect(folioRange([{}])).toBeUndefined();
  });
});

describe('effective words', () => {
  it('apply corrections (NFC), drop words corrected to empty, keep reading order', () => {
    const ocr = ocrPageFromText('Hoàng Văn Thẳng\n\nkhai nhận .');
    const words = effectiveWordsOf(ocr, [
      { block: 0, line: 0, word: 2, text: 'Thắng'.normalize('NFD') },
      { block: 1, line: 0, word: 2, text: ' ' },
    ]);
    expect(words.map((w) => w.text)).toEqual(['Hoàng', 'Văn', 'Thắng', 'khai', 'nhận']);
    expect(words[2].text).toBe('Thắng'.normalize('NFC'));
    expect(words[2].corrected).toBe(true);
    expect(words.map((w) => w.index)).toEqual([0, 1, 2, 3, 4]);
    expect(pageLines(ocr)).toEqual(['Hoàng Văn Thẳng', 'khai nhận .']);
  });
});
