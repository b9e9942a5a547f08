import type { ScanSettings } from './scanner';

/**
 * Windows: NAPS2's console (`NAPS2.Console.exe`), run as a separate program the unit installs.
 * Chosen over WIA through PowerShell because one command line reaches WIA, TWAIN and eSCL
 * drivers alike (many production scanners ship TWAIN-only drivers; WIA's feeder and duplex
 * properties differ from driver to driver and fail silently), and because it is maintained and
 * scripted by the same NAPS2 users the issue names. Not run here (no Windows); the argument list
 * is what a Windows Scanner would pass, behind the same Scanner interface. Its pages come when
 * the batch ends (`--split` writes one file per page), not one by one as with SANE.
 */
export function naps2Arguments(settings: ScanSettings, outputPattern: string): string[] {
  const [driver, ...name] = settings.device.split(':');
  return [
    '--driver',
    driver || 'wia',
    '--device',
    name.join(':'),
    '--source',
    settings.source === 'duplex' ? 'duplex' : settings.source === 'adf' ? 'feeder' : 'glass',
    '--bitdepth',
    settings.mode === 'lineart' ? 'bw' : settings.mode,
    '--dpi',
    String(settings.dpi),
    '--split',
    '-o',
    outputPattern,
    '--force',
  ];
}
