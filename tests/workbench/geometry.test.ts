import { describe, expect, test } from 'vitest';
import type { OcrPage } from '@hoso/contracts';
import { boxFromCorners, displaySize, displayToFrame, pageFrame } from '../../renderer/src/shared/pageFrame';
import { hitWordIndices } from '../../renderer/src/features/viewer/hits';

const ocr = (rotation: 0 | 90 | 180 | 270, deskewDeg = 0) =>
  ({ widthPx: 2480, heightPx: 3508, rotation, deskewDeg }) as Pick<
    OcrPage,
    'widthPx' | 'heightPx' | 'rotation' | 'deskewDeg'
  >;

describe('page frame (image placed so OCR boxes line up)', () => {
  test('a page scanned sideways: the stored image has the frame sides swapped and turns by 90°', () => {
    const f = pageFrame({ widthPx: 3508, heightPx: 2480, rotation: 0 }, ocr(90, 1.5));
    expect(f).toMatchObject({
      width: 2480,
      height: 3508,
      imageWidth: 3508,
      imageHeight: 2480,
      imageTurnDeg: 91.5,
    });
  });

  test('without OCR the frame is the image itself', () => {
    expect(pageFrame({ widthPx: 100, heightPx: 200, rotation: 0 })).toMatchObject({
      width: 100,
      imageTurnDeg: 0,
    });
  });

  test("the user's quarter turn swaps the displayed size and maps clicks back into the frame", () => {
    const f = pageFrame({ widthPx: 2480, heightPx: 3508, rotation: 90 }, ocr(0));
    expect(displaySize(f)).toEqual({ width: 3508, height: 2480 });
    // Top-right corner on screen is the frame's top-left after a clockwise turn.
    expect(displayToFrame(f, 3508, 0)).toEqual([0, 0]);
    const g = pageFrame({ widthPx: 2480, heightPx: 3508, rotation: 180 }, ocr(0));
    expect(displayToFrame(g, 10, 20)).toEqual([2470, 3488]);
  });

  test('a dragged rectangle becomes a normalized box clamped to the page', () => {
    const f = pageFrame({ widthPx: 100, heightPx: 100, rotation: 0 });
    expect(boxFromCorners(f, [80, 90], [-5, 10])).toEqual([0, 10, 80, 90]);
  });
});

describe('search hits on a page', () => {
  const words = ['QUYẾT', 'ĐỊNH', 'PHÊ', 'CHUẨN', 'khởi', 'tố', 'bị', 'can', 'Điều', '173.'];
  test('without diacritics, every term is found', () => {
    expect([...hitWordIndices(words, 'phe chuan dieu')].sort((a, b) => a - b)).toEqual([2, 3, 8]);
  });
  test('a quoted phrase hits only adjacent words', () => {
    expect([...hitWordIndices(words, '"khoi to"')]).toEqual([4, 5]);
    expect(hitWordIndices(words, '"to khoi"').size).toBe(0);
  });
  test('numbers match across punctuation', () => {
    expect([...hitWordIndices(words, 'dieu 173')].sort()).toEqual([8, 9]);
  });
});
