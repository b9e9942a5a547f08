/**
 * Resolution to lay a page out at. Many PNGs record none (sharp then reports 72) and some scanners
 * write nonsense; an A4 scan at 300 dpi read as 72 dpi would become a 34-inch page. When the
 * recorded value is missing or gives an implausible paper size, infer it from the pixel size
 * against common paper sizes.
 */
const PAPERS_IN: [number, number][] = [
  [8.27, 11.69], // A4
  [8.5, 11], // Letter
  [8.5, 14], // Legal
  [11.69, 16.54], // A3
  [5.83, 8.27], // A5
];
const COMMON_DPI = [100, 150, 200, 240, 300, 400, 600, 1200];

export function isPlausibleDpi(widthPx: number, heightPx: number, dpi: number | undefined): boolean {
  if (!dpi || !Number.isFinite(dpi) || dpi < 70 || dpi > 2400) return false;
  const longIn = Math.max(widthPx, heightPx) / dpi;
  const shortIn = Math.min(widthPx, heightPx) / dpi;
  // Up to A3 plus margin; at least a small receipt/photo.
  return longIn <= 18 && shortIn >= 2;
}

export function inferDpi(widthPx: number, heightPx: number, recorded?: number): number {
  if (recorded && recorded !== 72 && isPlausibleDpi(widthPx, heightPx, recorded)) return recorded;
  const long = Math.max(widthPx, heightPx);
  const short = Math.min(widthPx, heightPx);
  // A-series papers share one aspect ratio, so prefer the usual sizes in order (A4, Letter, …)
  // when they fit within 2 %, and only then the closest aspect within 6 %.
  let best: { dpi: number; err: number } | undefined;
  for (const [w, h] of PAPERS_IN) {
    const aspectErr = Math.abs(long / short - h / w) / (h / w);
    const dpi = (long / h + short / w) / 2;
    if (aspectErr <= 0.02) {
      best = { dpi, err: aspectErr };
      break;
    }
    if (aspectErr <= 0.06 && (!best || aspectErr < best.err)) best = { dpi, err: aspectErr };
  }
  // Unknown paper shape: a 72 that still gives a plausible size is kept, else assume 300.
  let dpi = best?.dpi ?? (recorded && isPlausibleDpi(widthPx, heightPx, recorded) ? recorded : 300);
  const snap = COMMON_DPI.find((d) => Math.abs(d - dpi) / d < 0.04);
  if (snap) dpi = snap;
  return Math.round(dpi * 100) / 100;
}
