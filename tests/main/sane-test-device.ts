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
): Promise<{ dir: string; setPicture(p: string): void }> {
  const dir = path.join(await tempDir('hoso-sane-'), 'sane.d');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  const setPicture = (p: string) =>
    writeFileSync(path.join(dir, 'test.conf'), `number_of_devices 2\ntest-picture "${p}"\n`);
  setPicture(picture);
  return { dir, setPicture };
}

/** A host over `dataDir` that scans from that device, with every event it sends recorded. */
export async function createScanningHost(
  dataDir: string,
  saneDir: string,
): Promise<{ host: Host; events: HostEvent[] }> {
  const host = await createHost({
    dataDir,
    env: { exportUrl: (n) => n },
    recognize: fakeRecognizer({ pages: 1 }).recognize,
    scanner: saneScanner({ env: { SANE_CONFIG_DIR: saneDir } }),
  });
  const events: HostEvent[] = [];
  host.events.subscribe((e) => events.push(e));
  return { host, events };
}
