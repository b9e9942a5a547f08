import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostEvent, InboxEntry } from '@hoso/contracts';
import { afterEach, describe, expect, test } from 'vitest';
import { dataPaths } from '../../main/src/services/data-dir';
import { dispatch } from '../../main/src/services/dispatch';
import type { Host } from '../../main/src/services/host';
import { Inbox } from '../../main/src/services/inbox';
import { makeImage, tempDir, until } from './helpers';
import { createScanningHost, saneTestDevice } from './sane-test-device';

/**
 * The host's inbox (issue 12, item 3): scanned pages wait in a file of the data folder until the
 * renderer acks them, across restarts of the host; a damaged inbox file is reported, never emptied.
 * Pages come from SANE's `test` backend with a config folder of the test's own.
 */
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function openHost(dataDir: string, saneDir: string) {
  await host?.close();
  const opened = await createScanningHost(dataDir, saneDir);
  host = opened.host;
  return opened;
}

const scanRequest = {
  caseId: 'case-1',
  volumeId: 'vol-1',
  device: 'test:0',
  source: 'adf',
  mode: 'gray',
  dpi: 75,
} as const;

async function call<T>(h: Host, name: Parameters<typeof dispatch>[1], input: unknown = {}): Promise<T> {
  const r = await dispatch(h.commands, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function scanPages(h: Host, events: HostEvent[], pages: number) {
  await call(h, 'startScan', { ...scanRequest, maxPages: pages });
  await until(() => events.some((e) => e.type === 'scan-finished'));
  return events.find((e) => e.type === 'scan-finished');
}

describe('the inbox of stored pages awaiting the dossier', () => {
  test('scanned pages wait in the inbox across host restarts until acked', async () => {
    const root = await tempDir('hoso-inbox-');
    const dataDir = path.join(root, 'data');
    const sane = (await saneTestDevice()).dir;
    const first = await openHost(dataDir, sane);
    expect(await scanPages(first.host, first.events, 2)).toMatchObject({ pages: 2, blanks: 0 });
    const listed = await call<InboxEntry[]>(first.host, 'listInbox');
    expect(listed).toHaveLength(2);
    const hashes = first.events.flatMap((e) => (e.type === 'scan-page' ? [e.file.hash] : []));
    expect(listed.map((e) => e.file.hash)).toEqual(hashes);
    for (const [i, entry] of listed.entries())
      expect(entry).toMatchObject({
        origin: 'scan',
        target: { caseId: 'case-1', volumeId: 'vol-1' },
        blank: false,
        index: i,
      });

    // A new host object over the same folder (the app restarted, no window ever listened).
    const second = await openHost(dataDir, sane);
    expect(await call<InboxEntry[]>(second.host, 'listInbox')).toEqual(listed);
    expect(await call(second.host, 'ack', { ids: [listed[0].id] })).toEqual({ removed: 1 });
    // A second ack of the same id (another tab, a retry) is harmless.
    expect(await call(second.host, 'ack', { ids: [listed[0].id] })).toEqual({ removed: 0 });
    expect(await call<InboxEntry[]>(second.host, 'listInbox')).toEqual([listed[1]]);

    const third = await openHost(dataDir, sane);
    expect(await call<InboxEntry[]>(third.host, 'listInbox')).toEqual([listed[1]]);
    expect(await call(third.host, 'ack', { ids: [listed[1].id] })).toEqual({ removed: 1 });
    expect(await call<InboxEntry[]>(third.host, 'listInbox')).toEqual([]);
    // The file on disk says the same.
    expect(JSON.parse(await readFile(Inbox.fileOf(dataPaths(dataDir)), 'utf8'))).toEqual([]);
  });

  test('a torn inbox file is reported, left as it was, and stops new pages instead of losing them', async () => {
    const root = await tempDir('hoso-inbox-');
    const dataDir = path.join(root, 'data');
    const sane = (await saneTestDevice()).dir;
    const first = await openHost(dataDir, sane);
    await scanPages(first.host, first.events, 1);
    await first.host.close();
    host = undefined;
    // What a filesystem that reordered writes can leave after a power cut: half the file.
    const file = Inbox.fileOf(dataPaths(dataDir));
    const whole = await readFile(file, 'utf8');
    const torn = whole.slice(0, Math.floor(whole.length / 2));
    await writeFile(file, torn);

    const { host: h, events } = await openHost(dataDir, sane);
    const listed = await dispatch(h.commands, 'listInbox', {});
    expect(listed.ok).toBe(false);
    if (!listed.ok) {
      expect(listed.error.code).toBe('INBOX_DAMAGED');
      expect(listed.error.message).toContain(file);
      expect(listed.error.message).toMatch(/left it untouched/);
    }
    expect(await call(h, 'hostNotices')).toMatchObject([{ code: 'INBOX_DAMAGED', file }]);
    // A page scanned now is stored, but the scan says why it cannot be handed over.
    expect(await scanPages(h, events, 1)).toMatchObject({ error: { code: 'INBOX_DAMAGED' } });
    expect((await dispatch(h.commands, 'ack', { ids: [crypto.randomUUID()] })).ok).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(torn);
  });

  test('a file that is valid JSON but not an inbox is damaged too', async () => {
    const root = await tempDir('hoso-inbox-');
    const paths = dataPaths(path.join(root, 'data'));
    mkdirSync(paths.inbox, { recursive: true });
    await writeFile(Inbox.fileOf(paths), JSON.stringify([{ id: 'x' }]));
    const inbox = await Inbox.open(paths);
    expect(inbox.problem).toMatchObject({ code: 'INBOX_DAMAGED' });
    expect(() => inbox.list()).toThrow(/does not match the expected format/);
  });

  test("the renderer's import id makes a retried enqueue return the same job", async () => {
    const root = await tempDir('hoso-inbox-');
    const { host: h } = await openHost(path.join(root, 'data'), (await saneTestDevice()).dir);
    const file = await h.storeFile('page.png', await makeImage('png'));
    const importId = crypto.randomUUID();
    const request = { fileHash: file.hash, fileName: file.name, importId };
    const a = await call<{ id: string }>(h, 'enqueueOcr', request);
    const b = await call<{ id: string }>(h, 'enqueueOcr', request);
    expect(a.id).toBe(importId);
    expect(b.id).toBe(importId);
    expect((await call<Array<{ id: string }>>(h, 'listJobs')).filter((j) => j.id === importId)).toHaveLength(
      1,
    );
    const other = await h.storeFile('other.jpg', await makeImage('jpeg'));
    const wrong = await dispatch(h.commands, 'enqueueOcr', { ...request, fileHash: other.hash });
    expect(wrong.ok).toBe(false);
  });
});
