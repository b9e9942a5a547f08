import path from 'node:path';
import type { HostEvent } from '@hoso/contracts';
import { createHost, type Host } from '../../main/src/services/host';
import { saneScanner } from '../../main/src/services/scanner/sane-scanner';
import { writeSaneTestConfig } from '../scan/sane-test-config';
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
  const setPicture = (p: string) => writeSaneTestConfig(dir, p, options.slow);
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
