import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkSettings,
  ScanError,
  type ScannedPage,
  type Scanner,
  type ScannerDevice,
  type ScanSettings,
} from './scanner';
import { stopScanProcess } from './stop-process';

/**
 * Windows: NAPS2's console (`NAPS2.Console.exe`), a separate program the centre installs
 * (https://www.naps2.com). Chosen over WIA through PowerShell because:
 * - one command line reaches WIA, TWAIN and eSCL drivers alike (`--driver`): many production
 *   scanners ship TWAIN-only drivers, which PowerShell's WIA COM objects cannot reach at all;
 * - duplex is one option (`--source duplex`), where WIA needs the driver's own feeder/duplex
 *   property values (WIA_DPS_DOCUMENT_HANDLING_SELECT), which differ from driver to driver and
 *   fail silently when wrong;
 * - it writes one file per page (`$(nnnn)` in the output name), which is what the host stores.
 * Its pages come when the batch ends (NAPS2 saves after scanning), not one by one as with SANE.
 * Not run here (no Windows): the argument list and the parsing are unit-tested, the rest is the
 * same shape as sane-scanner.ts.
 */
export interface Naps2Options {
  /** Default: `NAPS2.Console.exe` in NAPS2's install folder. */
  command?: string;
  /** The drivers listed by `listDevices` (default WIA, TWAIN, eSCL). */
  drivers?: Naps2Driver[];
  /** Where the private scan folders are made. */
  tmp?: string;
  /** How long a cancelled NAPS2 gets to stop before it is killed (default 5 s). */
  stopGraceMs?: number;
}

export type Naps2Driver = 'wia' | 'twain' | 'escl';
const DRIVERS: readonly Naps2Driver[] = ['wia', 'twain', 'escl'];
const DEFAULT_COMMAND = 'C:\\Program Files\\NAPS2\\NAPS2.Console.exe';
/** NAPS2's placeholder for a page number: page-0001.png, page-0002.png, … */
const PAGE_FILE = 'page-$(nnnn).png';

/**
 * The command line of one scan: the device is `driver:name` as `listDevices` names it (NAPS2
 * matches the name inexactly, so a list entry always finds its scanner). `--noprofile` keeps the
 * GUI's last profile out of it; `--force` lets NAPS2 write into our fresh folder.
 */
export function naps2Arguments(settings: ScanSettings, outputPattern: string): string[] {
  const { driver, name } = splitDeviceId(settings.device);
  return [
    '--noprofile',
    '--driver',
    driver,
    '--device',
    name,
    '--source',
    settings.source === 'duplex' ? 'duplex' : settings.source === 'adf' ? 'feeder' : 'glass',
    '--bitdepth',
    settings.mode === 'lineart' ? 'bw' : settings.mode,
    '--dpi',
    String(settings.dpi),
    '-o',
    outputPattern,
    '--force',
    '--verbose',
  ];
}

/** `wia:Canon DR-C225` → driver and NAPS2's device name; a bare name means WIA. */
export function splitDeviceId(id: string): { driver: Naps2Driver; name: string } {
  const colon = id.indexOf(':');
  const driver = id.slice(0, colon) as Naps2Driver;
  if (colon > 0 && DRIVERS.includes(driver)) return { driver, name: id.slice(colon + 1) };
  return { driver: 'wia', name: id };
}

/**
 * `NAPS2.Console.exe --listdevices --driver X` prints one device name per line; blank lines and
 * NAPS2's own complaints (no device, driver unavailable) are not devices.
 */
export function parseNaps2DeviceList(output: string, driver: Naps2Driver): ScannerDevice[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !NOT_A_DEVICE.test(line))
    .map((name) => ({ id: `${driver}:${name}`, vendor: '', model: name, type: driver.toUpperCase() }));
}
const NOT_A_DEVICE = /^(no (scanning )?devices?|error|an error|the .* (driver|scanner)|usage:)/i;

/** What NAPS2 said when it failed: its last line, as the user's message. */
export function naps2Failure(output: string, code: number): ScanError {
  const last = output.trim().split(/\r?\n/).filter(Boolean).pop() ?? '';
  if (/no (scanning )?device|not found|could not be found/i.test(last))
    return new ScanError('no-device', last);
  if (/no pages|feeder.*empty|out of paper/i.test(last)) return new ScanError('no-pages', last);
  return new ScanError('device-failed', last || `NAPS2.Console.exe failed (${code})`);
}

export function naps2Scanner(options: Naps2Options = {}): Scanner {
  const command = options.command ?? DEFAULT_COMMAND;
  const run = (args: string[]) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    const keep = (d: Buffer) => (output = (output + d.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const exited = new Promise<number>((resolve, reject) => {
      child.on('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT'
            ? new ScanError('no-backend', `${command} is not installed (https://www.naps2.com)`)
            : err,
        ),
      );
      child.on('close', (code) => resolve(code ?? 1));
    });
    return { child, exited, output: () => output };
  };

  return {
    async listDevices(): Promise<ScannerDevice[]> {
      const devices: ScannerDevice[] = [];
      for (const driver of options.drivers ?? DRIVERS) {
        const r = run(['--listdevices', '--driver', driver]);
        // A driver that is not there (no TWAIN data source manager) lists nothing, not an error.
        if ((await r.exited) === 0) devices.push(...parseNaps2DeviceList(r.output(), driver));
      }
      return devices;
    },

    async *scan(settings: ScanSettings, signal?: AbortSignal): AsyncGenerator<ScannedPage> {
      checkSettings(settings);
      const dir = await mkdtemp(join(options.tmp ?? tmpdir(), 'hoso-scan-'));
      try {
        if (signal?.aborted) return;
        const r = run(naps2Arguments(settings, join(dir, PAGE_FILE)));
        const stop = () => void stopScanProcess(r.child, r.exited, options.stopGraceMs ?? 5000);
        signal?.addEventListener('abort', stop, { once: true });
        const code = await r.exited.finally(() => signal?.removeEventListener('abort', stop));
        // Cancelled: NAPS2 saves only when the batch ends, so no page of it was written.
        if (signal?.aborted) return;
        if (code !== 0) throw naps2Failure(r.output(), code);
        const files = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f)).sort();
        if (files.length === 0) throw naps2Failure(r.output() || 'no pages', code);
        const limit = settings.source === 'flatbed' ? 1 : (settings.maxPages ?? files.length);
        for (const [index, file] of files.slice(0, limit).entries()) {
          if (signal?.aborted) return;
          yield { index, file: join(dir, file) };
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
