import type { OcrPage } from '@hoso/contracts';
import { multiply, rotate, scale, translate, type Matrix } from './pdf-syntax';

/**
 * Where a page's scan goes on the PDF page. The page is the OCR frame (packages/contracts ocr.ts):
 * the stored scan turned clockwise by `rotation` quarter turns, then by `deskewDeg`, same size as
 * the turned scan. We turn the scan with the content matrix instead of re-encoding its pixels, and
 * the text layer is written straight in the frame, so both land in the same place in every viewer.
 */
export interface PageFrame {
  widthPt: number;
  heightPt: number;
  /** Points per frame pixel. */
  ptPerPx: number;
}

export function pageFrame(ocr: Pick<OcrPage, 'widthPx' | 'heightPx' | 'dpi'>): PageFrame {
  const ptPerPx = 72 / ocr.dpi;
  return { widthPt: ocr.widthPx * ptPerPx, heightPt: ocr.heightPx * ptPerPx, ptPerPx };
}

/**
 * The `cm` that draws a unit-square XObject (an image) of `contentWidthPt` × `contentHeightPt`
 * (its stored orientation) turned by rotation + deskew about the centre of the page.
 */
export function placementMatrix(
  frame: PageFrame,
  contentWidthPt: number,
  contentHeightPt: number,
  rotation: number,
  deskewDeg: number,
): Matrix {
  let m = translate(-0.5, -0.5);
  m = multiply(m, scale(contentWidthPt, contentHeightPt));
  // Clockwise on screen is negative in PDF's y-up space.
  m = multiply(m, rotate(-(rotation + deskewDeg)));
  return multiply(m, translate(frame.widthPt / 2, frame.heightPt / 2));
}

/** A frame pixel box → PDF user space (y up): left, bottom, width, height in points. */
export function boxToPdf(frame: PageFrame, box: [number, number, number, number]) {
  const [x0, y0, x1, y1] = box;
  return {
    left: x0 * frame.ptPerPx,
    bottom: frame.heightPt - y1 * frame.ptPerPx,
    width: (x1 - x0) * frame.ptPerPx,
    height: (y1 - y0) * frame.ptPerPx,
  };
}
