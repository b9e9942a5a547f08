import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { saneScanner } from '../../main/src/services/scanner/sane-scanner';
import { stopScanProcess } from '../../main/src/services/scanner/stop-process';
import { ScanError } from '../../main/src/services/scanner/scanner';

/**
 * Scanning through SANE's `test` backend (no hardware). Debian's dll.conf does not list `test`,
 * so the test writes a SANE config folder of its own and points SANE_CONFIG_DIR at it; /etc is
 * never touched.
 */
const dir = mkdtempSync(join(tmpdir(), 'hoso-sane-'));
const config = join(dir, 'sane.d');
mkdirSync(config, { recursive: true });
writeFileSync(join(config, 'dll.conf'), 'test\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scanner() {
  return saneScanner({ env: { SANE_CONFIG_DIR: config }, tmp: dir });
}

describe('SANE scanner (scanimage, test backend)', () => {
  it('lists the test devices', async () => {
    const devices = await scanner().listDevices();
    expect(devices.map((d) => d.id)).toContain('test:0');
    expect(devices[0]).toMatchObject({ vendor: 'Noname', model: 'frontend-tester' });
  });

  it('scans a feeder batch page by page into a private folder, each page complete when announced', async () => {
    const pages: Array<{ index: number; width: number; dpi?: number; mode: number }> = [];
    let folder = '';
    for await (const page of scanner().scan({
      device: 'test:0',
      source: 'adf',
      mode: 'gray',
      dpi: 150,
      maxPages: 3,
    })) {
      folder = join(page.file, '..');
      expect(statSync(folder).mode & 0o077).toBe(0);
      const meta = await sharp(readFileSync(page.file)).metadata();
      pages.push({ index: page.index, width: meta.width, dpi: meta.density, mode: meta.channels ?? 0 });
    }
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2]);
    // The test device's default frame is 80 mm wide: 80 / 25.4 × 150 ≈ 472 px.
    for (const p of pages) expect(Math.abs(p.width - 472)).toBeLessThan(4);
    expect(pages[0].mode).toBe(1);
    expect(existsSync(folder)).toBe(false);
  });

  it('colour at another resolution', async () => {
    const seen: number[] = [];
    for await (const page of scanner().scan({
      device: 'test:0',
      source: 'flatbed',
      mode: 'color',
      dpi: 100,
    })) {
      const meta = await sharp(readFileSync(page.file)).metadata();
      seen.push(meta.channels ?? 0);
    }
    expect(seen).toEqual([3]);
  });

  it('a cancel mid-batch stops scanimage and removes the page it was writing', async () => {
    const slow = join(dir, 'slow.d');
    mkdirSync(slow, { recursive: true });
    writeFileSync(join(slow, 'dll.conf'), 'test\n');
    writeFileSync(
      join(slow, 'test.conf'),
      'read-limit true\nread-limit-size 8192\nread-delay true\nread-delay-duration 200000\n',
    );
    const tmp = mkdtempSync(join(dir, 'cancel-'));
    const abort = new AbortController();
    const seen: number[] = [];
    const pages = saneScanner({ env: { SANE_CONFIG_DIR: slow }, tmp }).scan(
      { device: 'test:0', source: 'adf', mode: 'gray', dpi: 100 },
      abort.signal,
    );
    for await (const page of pages) {
      seen.push(page.index);
      abort.abort();
    }
    expect(seen).toEqual([0]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('stopping: SIGTERM is waited for; a process that ignores it gets SIGKILL after the grace', async () => {
    const started = async (command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
      const child = spawn(command, args, {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const exited = once(child, 'close').then(([code]) => Number(code));
      // Running once it has written something: scanimage its first image bytes.
      await once(child.stdout!, 'data');
      child.stdout!.resume();
      return { child, exited };
    };
    const scan = await started('scanimage', ['-d', 'test:0', '--format=png'], {
      SANE_CONFIG_DIR: join(dir, 'slow.d'),
    });
    expect(await stopScanProcess(scan.child, scan.exited, 10_000)).toBe('SIGTERM');
    // A driver stuck in a read does not stop on SIGTERM; this stand-in ignores it outright.
    const stuck = await started(process.execPath, [
      '-e',
      "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000);",
    ]);
    expect(await stopScanProcess(stuck.child, stuck.exited, 200)).toBe('SIGKILL');
    expect(stuck.child.signalCode).toBe('SIGKILL');
    expect(await stopScanProcess(stuck.child, stuck.exited, 200)).toBe('exited');
  });

  it('clear errors: no duplex on the test device, no black-and-white mode, an unknown device, a bad dpi', async () => {
    const s = scanner();
    const attempt = async (settings: Parameters<typeof s.scan>[0]) => {
      for await (const _ of s.scan(settings)) void _;
    };
    await expect(attempt({ device: 'test:0', source: 'duplex', mode: 'gray', dpi: 150 })).rejects.toThrow(
      /has no duplex source/,
    );
    await expect(attempt({ device: 'test:0', source: 'adf', mode: 'lineart', dpi: 150 })).rejects.toThrow(
      /has no lineart mode/,
    );
    await expect(
      attempt({ device: 'nosuch:0', source: 'adf', mode: 'gray', dpi: 150 }),
    ).rejects.toBeInstanceOf(ScanError);
    await expect(attempt({ device: '--help', source: 'adf', mode: 'gray', dpi: 150 })).rejects.toThrow(
      /not a scanner name/,
    );
    await expect(attempt({ device: 'test:0', source: 'adf', mode: 'gray', dpi: 5000 })).rejects.toThrow(
      /75 to 1200/,
    );
  });
});
