import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * SANE's `test` backend (no hardware) configured in a folder of the test's own, for
 * SANE_CONFIG_DIR: dll.conf names `test`, and test.conf picks the test picture, which scanimage
 * reads afresh on every scan; /etc is never touched. `slow`: 8 KiB per read and 0.2 s after each,
 * so a page takes a few seconds and a cancel or a reload lands while the scanner is mid-batch.
 */
export function writeSaneTestConfig(dir: string, picture: string, slow = false): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  const delay = slow
    ? 'read-limit true\nread-limit-size 8192\nread-delay true\nread-delay-duration 200000\n'
    : '';
  writeFileSync(path.join(dir, 'test.conf'), `number_of_devices 2\ntest-picture "${picture}"\n${delay}`);
}
