import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HostEvent } from '@hoso/contracts';
import { createHost, type Host } from '../../main/src/services/host';
import { saneScanner } from '../../main/src/services/scanner/sane-scanner';
import { fakeRecognizer, tempDir } from './helpers';

/**
 * SANE's `test` backend (no hardware) with a config folder of the test's own (SANE_CONFIG_DIR):
 * dll.conf names `test`, and test.conf picks the test picture, which scanimage reads afresh on
 * every scan; /etc is never touched.
 */
export async function saneTestDevice(
  picture = 'Color pattern',
  options: { slow?: boolean } = {},
): Promise<{ dir: string; setPicture(p: string): void }> {
  const dir = path.join(await tempDir('hoso-sane-'), 'sane.d');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  // Slow: 8 KiB per read and 0.2 s after each, so a 100 dpi page takes a few seconds and a
  // cancel lands while the scanner is mid-page.
  const slow = options.slow
    ? 'read-limit true\nread-limit-size 8192\nread-delay true\nread-delay-duration 200000\n'
    : '';
  const setPicture = (p: string) =>
    writeFileSync(path.join(dir, 'test.conf'), `number_of_devices 2\ntest-picture "${p}"\n${slow}`);
  setPicture(picture);
  return { dir, setPicture };
}

/**
 * A host over `dataDir` that scans from that device, with every event it sends recorded;
 * `scanTmp` is where its private scan folders go (to check nothing is left there).
 */
export async function createScanningHost(
  dataDir: string,
  saneDir: string,
  scanTmp?: string,
): Promise<{ host: Host; events: HostEvent[] }> {
  const host = await createHost({
    dataDir,
    env: { exportUrl: (n) => n },
    recognize: fakeRecognizer({ pages: 1 }).recognize,
    scanner: saneScanner({ env: { SANE_CONFIG_DIR: saneDir }, tmp: scanTmp }),
  });
  const events: HostEvent[] = [];
  host.events.subscribe((e) => events.push(e));
  return { host, events };
}
