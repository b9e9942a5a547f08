import type { Box, OcrPage, Rotation } from '@hoso/contracts';
import type { Page } from '@hoso/domain';

/**
 * How a stored page image maps onto the OCR frame (contracts/ocr.ts): the frame is the source
 * image turned by `rotation` then straightened by `deskewDeg`, keeping the turned image's size.
 * We lay out a frame-sized box, centre the original image in it and rotate the image by
 * rotation + deskew around its centre; words then sit in frame pixels unchanged. The user's own
 * rotation turns the whole frame (image and words together) on top.
 */
export interface PageFrame {
  /** Frame size in image pixels (what word boxes refer to). */
  width: number;
  height: number;
  /** Original (stored) image size. */
  imageWidth: number;
  imageHeight: number;
  /** Clockwise degrees applied to the image inside the frame. */
  imageTurnDeg: number;
  /** User's extra quarter turns of the whole frame. */
  userRotation: Rotation;
}

type OcrFrame = Pick<OcrPage, 'widthPx' | 'heightPx' | 'rotation' | 'deskewDeg'>;

/** The page's frame; `ocr` defaults to the frame copied onto the page record when it was recognized. */
export function pageFrame(
  page: Pick<Page, 'widthPx' | 'heightPx' | 'rotation' | 'ocrFrame'>,
  ocr: OcrFrame | undefined = page.ocrFrame,
): PageFrame {
  if (!ocr) {
    return {
      width: page.widthPx,
      height: page.heightPx,
      imageWidth: page.widthPx,
      imageHeight: page.heightPx,
      imageTurnDeg: 0,
      userRotation: page.rotation,
    };
  }
  const quarter = ocr.rotation === 90 || ocr.rotation === 270;
  return {
    width: ocr.widthPx,
    height: ocr.heightPx,
    // The stored image is the unturned source: its sides are the frame's, swapped on quarter turns.
    imageWidth: quarter ? ocr.heightPx : ocr.widthPx,
    imageHeight: quarter ? ocr.widthPx : ocr.heightPx,
    imageTurnDeg: ocr.rotation + ocr.deskewDeg,
    userRotation: page.rotation,
  };
}

/** Size the frame occupies on screen after the user's rotation, in image pixels. */
export function displaySize(f: PageFrame): { width: number; height: number } {
  const quarter = f.userRotation === 90 || f.userRotation === 270;
  return quarter ? { width: f.height, height: f.width } : { width: f.width, height: f.height };
}

/** Maps a point on the displayed (user-rotated) page, in image pixels, back into the OCR frame. */
export function displayToFrame(f: PageFrame, x: number, y: number): [number, number] {
  switch (f.userRotation) {
    case 90:
      return [y, f.height - x];
    case 180:
      return [f.width - x, f.height - y];
    case 270:
      return [f.width - y, x];
    default:
      return [x, y];
  }
}

/** Normalized box from two corners, clamped to the frame. */
export function boxFromCorners(f: PageFrame, a: [number, number], b: [number, number]): Box {
  const clampX = (v: number) => Math.max(0, Math.min(f.width, v));
  const clampY = (v: number) => Math.max(0, Math.min(f.height, v));
  return [
    clampX(Math.min(a[0], b[0])),
    clampY(Math.min(a[1], b[1])),
    clampX(Math.max(a[0], b[0])),
    clampY(Math.max(a[1], b[1])),
  ];
}
