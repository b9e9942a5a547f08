import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { saneScanner } from '../../main/src/services/scanner/sane-scanner';
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
