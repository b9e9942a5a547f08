import type { Box, Rotation } from '@hoso/contracts';
import type { StageView } from '../state/stage';

/** Pixel geometry of the stage: fitting an exhibit into a pane, rotation and crops. */

export interface Size {
  width: number;
  height: number;
}

/** Size of the image as shown upright after `rotation`. */
export function uprightSize(natural: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { width: natural.height, height: natural.width } : natural;
}

/** Aspect (w / h) of what an exhibit shows: the upright image, or its cropped region. */
export function contentAspect(natural: Size, rotation: Rotation, crop?: Box): number {
  const up = uprightSize(natural, rotation);
  const [x0, y0, x1, y1] = crop ?? [0, 0, 1, 1];
  const w = up.width * Math.max(0.001, x1 - x0);
  const h = up.height * Math.max(0.001, y1 - y0);
  return w / h;
}

/** The largest box of `aspect` that fits in `pane`, centred (object-fit: contain). */
export function fitBox(
  pane: Size,
  aspect: number,
  margin = 0,
): { left: number; top: number; width: number; height: number } {
  const pw = Math.max(0, pane.width - 2 * margin);
  const ph = Math.max(0, pane.height - 2 * margin);
  let width = pw;
  let height = pw / aspect;
  if (height > ph) {
    height = ph;
    width = ph * aspect;
  }
  return { left: (pane.width - width) / 2, top: (pane.height - height) / 2, width, height };
}

/** CSS transform showing the normalized point (cx, cy) at the centre, magnified `zoom` times. */
export function viewTransform(view: StageView, box: Size): string {
  if (view.zoom === 1 && view.cx === 0.5 && view.cy === 0.5) return 'none';
  const tx = (0.5 - view.cx) * box.width * view.zoom;
  const ty = (0.5 - view.cy) * box.height * view.zoom;
  return `translate(${tx}px, ${ty}px) scale(${view.zoom})`;
}

/** The box in 16:9 that an online-trial frame occupies inside a window. */
export function frame169(win: Size): { left: number; top: number; width: number; height: number } {
  return fitBox(win, 16 / 9);
}
