/**
 * Scanning straight from a scanner. One interface, one backend per platform: SANE's `scanimage`
 * on Linux (sane-scanner.ts), NAPS2's console on Windows (naps2-scanner.ts). Pages are files in a
 * private temp folder, announced as each one is finished, so the host can store, thumbnail and
 * OCR page 1 while page 2 is still in the feeder.
 */
export interface ScannerDevice {
  /** The backend's device name, e.g. `epson2:net:10.0.0.7` (SANE). */
  id: string;
  vendor: string;
  model: string;
  type: string;
}

export type ScanSource = 'flatbed' | 'adf' | 'duplex';
export type ScanMode = 'color' | 'gray' | 'lineart';

export interface ScanSettings {
  device: string;
  source: ScanSource;
  mode: ScanMode;
  /** Dots per inch, 75–1200. */
  dpi: number;
  /** Stop after this many pages (flatbed: 1). */
  maxPages?: number;
}

export interface ScannedPage {
  /** 0-based, in feed order (duplex: front, back, front, …). */
  index: number;
  /** A PNG in the scan's private folder; the caller moves or copies it, the folder goes after. */
  file: string;
}

export interface Scanner {
  listDevices(): Promise<ScannerDevice[]>;
  /** Pages as they are finished; the scan stops when the signal aborts. */
  scan(settings: ScanSettings, signal?: AbortSignal): AsyncIterable<ScannedPage>;
}

/** A problem the user can act on (no device, feeder empty, an option the scanner lacks). */
export class ScanError extends Error {
  constructor(
    readonly code: 'no-device' | 'unsupported' | 'device-failed' | 'no-pages' | 'no-backend',
    message: string,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}

export function checkSettings(settings: ScanSettings): void {
  if (!/^[^-\s][^\s]{0,200}$/.test(settings.device))
    throw new ScanError('no-device', `'${settings.device}' is not a scanner name`);
  if (!Number.isInteger(settings.dpi) || settings.dpi < 75 || settings.dpi > 1200)
    throw new ScanError('unsupported', `resolution ${settings.dpi} dpi: choose 75 to 1200`);
}
