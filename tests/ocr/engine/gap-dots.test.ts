import { describe, expect, it } from 'vitest';
import type { OcrWord } from '@hoso/contracts';
import { dropGapDots } from '../../../ocr/src/recognize/gap-dots';

const word = (text: string, x0: number, x1: number): OcrWord => ({
  text,
  box: [x0, 100, x1, 150],
  confidence: 90,
});

describe('dropGapDots', () => {
  it('drops dots read into the gap between two header columns', () => {
    const [khu, cong] = dropGapDots([word('KHU..', 900, 1030), word('CỘNG', 1400, 1560)], 50);
    expect(khu.text).toBe('KHU');
    expect(khu.box[2]).toBeLessThan(1030);
    expect(cong.text).toBe('CỘNG');
    expect(dropGapDots([word('SƠN...', 700, 860)], 50)[0].text).toBe('SƠN');
    expect(dropGapDots([word('KHU.', 900, 1030), word('CỘNG', 1400, 1560)], 50)[0].text).toBe('KHU');
    expect(dropGapDots([word('HÀ', 700, 760), word('NỘI.', 780, 860)], 50)[1].text).toBe('NỘI.');
  });

  it('keeps dots of running text and of words followed closely', () => {
    expect(dropGapDots([word('v.v...', 100, 200)], 50)[0].text).toBe('v.v...');
    expect(dropGapDots([word('KHU..', 900, 1030), word('VỰC', 1050, 1150)], 50)[0].text).toBe('KHU..');
  });
});
