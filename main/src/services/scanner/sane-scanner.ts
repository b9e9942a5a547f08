import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  checkSettings,
  ScanError,
  type ScannedPage,
  type Scanner,
  type ScannerDevice,
  type ScanSettings,
} from './scanner';
import { stopScanProcess } from './stop-process';

/** What SANE drivers call the sources and modes HoSo offers (names differ from driver to driver). */
const SOURCE_NAMES = {
  flatbed: /flatbed|platen/i,
  adf: /^(adf( front)?|automatic document feeder|adf simplex|feeder|document feeder)$/i,
  duplex: /duplex/i,
} as const;
const MODE_NAMES = {
  color: /^colou?r$/i,
  gray: /^gr[ae]y(scale)?$/i,
  lineart: /^(lineart|binary|black ?& ?white|halftone)$/i,
};

export interface SaneOptions {
  /** `scanimage`; tests may name another. */
  command?: string;
  /** Extra environment, e.g. SANE_CONFIG_DIR for a config folder of one's own. */
  env?: NodeJS.ProcessEnv;
  /** Where the private scan folders are made. */
  tmp?: string;
  /** How long a cancelled scanimage gets to stop on SIGTERM before SIGKILL (default 5 s). */
  stopGraceMs?: number;
}

/**
 * Linux scanning through SANE's `scanimage`: `-f` lists devices, `-A` tells which sources and
 * modes a device has, `--batch --batch-print` scans page after page, printing each file's name
 * when that page is complete, which is when we announce it.
 */
export function saneScanner(options: SaneOptions = {}): Scanner {
  const command = options.command ?? 'scanimage';
  const env = { ...process.env, ...options.env };

  const run = (args: string[]) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    const exited = new Promise<number>((resolve, reject) => {
      child.on('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT'
            ? new ScanError('no-backend', `${command} is not installed (Debian: apt install sane-utils)`)
            : err,
        ),
      );
      child.on('close', (code) => resolve(code ?? 1));
    });
    return { child, exited, stderr: () => stderr };
  };

  const output = async (args: string[]): Promise<string> => {
    const r = run(args);
    let out = '';
    r.child.stdout.on('data', (d) => (out += d));
    const code = await r.exited;
    if (code !== 0)
      throw new ScanError('device-failed', lastLine(r.stderr()) || `${command} failed (${code})`);
    return out;
  };

  return {
    async listDevices(): Promise<ScannerDevice[]> {
      const out = await output(['-f', '%d\t%v\t%m\t%t%n']);
      return out
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [id, vendor, model, type] = line.split('\t');
          return { id, vendor, model, type };
        });
    },

    async *scan(settings: ScanSettings, signal?: AbortSignal): AsyncGenerator<ScannedPage> {
      checkSettings(settings);
      const capabilities = await output(['-d', settings.device, '-A']).catch((err: Error) => {
        throw new ScanError('no-device', `scanner ${settings.device}: ${err.message}`);
      });
      const source = pick(capabilities, 'source', SOURCE_NAMES[settings.source]);
      const mode = pick(capabilities, 'mode', MODE_NAMES[settings.mode]);
      if (settings.source !== 'flatbed' && !source)
        throw new ScanError(
          'unsupported',
          `scanner ${settings.device} has no ${settings.source === 'duplex' ? 'duplex' : 'document feeder'} source`,
        );
      if (!mode)
        throw new ScanError('unsupported', `scanner ${settings.device} has no ${settings.mode} mode`);
      // Private to this user (mkdtemp makes it 0700): another account cannot read the pages.
      const dir = await mkdtemp(join(options.tmp ?? tmpdir(), 'hoso-scan-'));
      const args = [
        '-d',
        settings.device,
        '--mode',
        mode,
        '--resolution',
        String(settings.dpi),
        '--format=png',
      ];
      if (source) args.push('--source', source);
      const maxPages = settings.source === 'flatbed' ? 1 : settings.maxPages;
      args.push(`--batch=${join(dir, 'page-%04d.png')}`, '--batch-print');
      if (maxPages) args.push(`--batch-count=${maxPages}`);
      if (signal?.aborted) return void (await rm(dir, { recursive: true, force: true }));
      const r = run(args);
      // Cancelling stops scanimage at once, even while the caller is still storing a page.
      let stopped: Promise<unknown> | undefined;
      const stop = () => (stopped ??= stopScanProcess(r.child, r.exited, options.stopGraceMs ?? 5000));
      signal?.addEventListener('abort', stop, { once: true });
      let index = 0;
      try {
        for await (const line of createInterface({ input: r.child.stdout })) {
          // A page printed after the cancel is not handed out: the count reported is what was kept.
          if (signal?.aborted) break;
          if (!line.startsWith(dir)) continue;
          yield { index: index++, file: line };
        }
        const code = await r.exited.catch((err) => {
          if (signal?.aborted) return 0;
          throw err;
        });
        // scanimage ends a batch with "out of documents"; only a batch without pages is an error.
        if (index === 0 && !signal?.aborted)
          throw new ScanError(
            code === 0 ? 'no-pages' : 'device-failed',
            lastLine(r.stderr()) || 'the scanner gave no page (is the feeder empty?)',
          );
      } finally {
        signal?.removeEventListener('abort', stop);
        await stop();
        // The caller has taken the pages it wanted by now; what is left (a page scanimage was
        // still writing when it was stopped, its `.part` file) goes with the folder.
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** The first value of `--name a|b|c [default]` in `scanimage -A` matching `wanted`. */
function pick(capabilities: string, option: string, wanted: RegExp): string | undefined {
  const line = capabilities.split('\n').find((l) => l.trim().startsWith(`--${option} `));
  if (!line) return undefined;
  const list = line
    .trim()
    .slice(option.length + 3)
    .replace(/\s*\[.*$/, '');
  return list.split('|').find((v) => wanted.test(v.trim()));
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? '';
}
