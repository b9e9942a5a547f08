import { afterEach, describe, expect, test } from 'vitest';
import { dispatch } from '../../main/src/services/dispatch';
import { createHost, type Host } from '../../main/src/services/host';
import { saneScanner } from '../../main/src/services/scanner/sane-scanner';
import { fakeRecognizer, tempDir, until } from './helpers';
import { createScanningHost, saneTestDevice } from './sane-test-device';

/** Scanning into a case through the host, from SANE's `test` backend (see sane-test-device.ts). */
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function scanHost(saneDir: string) {
  const opened = await createScanningHost(await tempDir('hoso-scan-data-'), saneDir);
  host = opened.host;
  return opened;
}

const request = {
  caseId: 'case-1',
  volumeId: 'vol-1',
  device: 'test:0',
  source: 'adf',
  mode: 'gray',
  dpi: 100,
} as const;

describe('scanning into a case (host, SANE test backend)', () => {
  test('lists the test devices over the command table', async () => {
    const { dir } = await saneTestDevice('Color pattern');
    const { host } = await scanHost(dir);
    const r = await dispatch(host.commands, 'listScanners', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.value as Array<{ id: string }>).map((d) => d.id)).toContain('test:0');
  });

  test('pages arrive one by one, stored like imports, each with its blank verdict', async () => {
    const sane = await saneTestDevice('Color pattern');
    const { host, events } = await scanHost(sane.dir);
    const started = await dispatch(host.commands, 'startScan', { ...request, maxPages: 3 });
    expect(started.ok).toBe(true);
    const scanId = started.ok ? (started.value as { scanId: string }).scanId : '';
    await until(() => events.some((e) => e.type === 'scan-finished'));
    const pages = events.filter((e) => e.type === 'scan-page');
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2]);
    for (const p of pages) {
      expect(p.scanId).toBe(scanId);
      expect(p.caseId).toBe('case-1');
      expect(p.blank).toBe(false);
      // In the store, named by its hash, readable back like any imported original.
      const file = await host.store.getFile(p.file.hash);
      expect(file.mime).toBe('image/png');
      expect(file.pages[0].dpi).toBe(100);
    }
    // Page 1 was announced before the batch ended (streamed, not collected).
    const first = events.findIndex((e) => e.type === 'scan-page');
    const finished = events.findIndex((e) => e.type === 'scan-finished');
    expect(first).toBeLessThan(finished);
    expect(events[finished]).toMatchObject({ type: 'scan-finished', pages: 3 });
    expect((events[finished] as { error?: unknown }).error).toBeUndefined();

    // A blank sheet (the test picture "Solid white", read afresh by the next scanimage run).
    sane.setPicture('Solid white');
    events.length = 0;
    await dispatch(host.commands, 'startScan', { ...request, maxPages: 1 });
    await until(() => events.some((e) => e.type === 'scan-finished'));
    const blank = events.filter((e) => e.type === 'scan-page');
    expect(blank.map((p) => p.blank)).toEqual([true]);
    const audit = await dispatch(host.commands, 'listAudit', {});
    expect(JSON.stringify(audit)).toContain('"scanner":"test:0"');
  });

  test('a second scan while one runs is refused as busy; an unknown device is reported', async () => {
    const { dir } = await saneTestDevice('Color pattern');
    const { host, events } = await scanHost(dir);
    const first = await dispatch(host.commands, 'startScan', { ...request, maxPages: 2 });
    const second = await dispatch(host.commands, 'startScan', { ...request, maxPages: 2 });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'SCANNER_BUSY' } });
    await until(() => events.some((e) => e.type === 'scan-finished'));
    events.length = 0;
    await dispatch(host.commands, 'startScan', { ...request, device: 'test:9' });
    await until(() => events.some((e) => e.type === 'scan-finished'));
    expect(events.at(-1)).toMatchObject({
      type: 'scan-finished',
      pages: 0,
      error: { code: 'SCANNER_NOT_FOUND' },
    });
  });

  test('scanimage missing is its own error', async () => {
    const dataDir = await tempDir('hoso-scan-data-');
    host = await createHost({
      dataDir,
      env: { exportUrl: (n) => n },
      recognize: fakeRecognizer({ pages: 1 }).recognize,
      scanner: saneScanner({ command: 'scanimage-not-installed' }),
    });
    const r = await dispatch(host.commands, 'listScanners', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'SCANNER_MISSING' } });
  });
});
