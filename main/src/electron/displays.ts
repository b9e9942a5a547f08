import type { DisplayInfo } from '@hoso/contracts';

/** The part of Electron's Display that the courtroom needs. */
export type ScreenDisplay = {
  id: number;
  label?: string;
  bounds: { x: number; y: number; width: number; height: number };
  size?: { width: number; height: number };
};

export function toDisplayInfos(displays: ScreenDisplay[], primaryId: number): DisplayInfo[] {
  return displays.map((d, i) => ({
    id: String(d.id),
    label: d.label || `Màn hình ${i + 1}`,
    primary: d.id === primaryId,
    width: d.bounds.width,
    height: d.bounds.height,
  }));
}

/**
 * The display the audience window goes to: the one asked for; otherwise the first that is not the
 * primary (the projector); with a single display, undefined (→ a normal window beside the app).
 */
export function pickAudienceDisplay(
  displays: ScreenDisplay[],
  primaryId: number,
  requested?: string,
): ScreenDisplay | undefined {
  if (requested) {
    const wanted = displays.find((d) => String(d.id) === requested);
    if (wanted && (displays.length > 1 || wanted.id !== primaryId)) return wanted;
  }
  if (displays.length < 2) return undefined;
  return displays.find((d) => d.id !== primaryId);
}

/** BrowserWindow bounds/flags for the audience view on the chosen display (or none). */
export function audienceWindowPlacement(display: ScreenDisplay | undefined, fixed169: boolean) {
  if (!display) {
    // One display: a normal window the presenter can move or make full-screen.
    return { width: 1280, height: 720, fullscreen: false };
  }
  const { x, y, width, height } = display.bounds;
  if (fixed169) {
    // Online trials: a fixed 16:9 window for screen sharing, centred on that display.
    const w = Math.min(width, Math.round((height * 16) / 9), 1920);
    const h = Math.round((w * 9) / 16);
    return {
      x: x + Math.round((width - w) / 2),
      y: y + Math.round((height - h) / 2),
      width: w,
      height: h,
      fullscreen: false,
    };
  }
  return { x, y, width, height, fullscreen: true };
}
