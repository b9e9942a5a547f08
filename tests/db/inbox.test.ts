import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { InboxEntry } from '@hoso/contracts';
import { describe, expect, it } from 'vitest';
import {
  createCase,
  HosoDb,
  listDocuments,
  listPages,
  listVolumes,
  recordInboxEntry,
} from '../../renderer/src/db';
import { freshDb, storedFile } from './fixtures';

/**
 * The renderer's half of the durable hand-off (issue 12, item 3): an inbox entry is recorded
 * once, keyed by its id, however many windows or runs take it.
 */
const scanId = 'scan-0b7d6c1e-2f4a-4e52-9a53-6a1f0c2d9e11';
let n = 0;
function entry(over: Partial<InboxEntry> = {}): InboxEntry {
  n++;
  return {
    id: `0000000${n}-1111-4222-8333-444455556666`.slice(-36),
    origin: 'scan',
    file: storedFile(`quet-${n}.png`, 1),
    storedAt: '2026-12-03T07:05:00.000Z',
    ...over,
  };
}

async function caseWithVolume(db: HosoDb) {
  const c = await createCase({ number: '1', name: 'A' }, db);
  const [v] = await listVolumes(c.id, db);
  return { caseId: c.id, volumeId: v.id };
}

describe('recording inbox entries', () => {
  it('two windows (two connections to one database) taking the same entry at once record it once', async () => {
    // Two tabs of one origin share one IndexedDB: two Dexie instances on one factory and name.
    const factory = new IDBFactory();
    const name = `tabs-${Math.random().toString(36).slice(2)}`;
    const tabA = new HosoDb(name, { indexedDB: factory, IDBKeyRange });
    const tabB = new HosoDb(name, { indexedDB: factory, IDBKeyRange });
    const target = await caseWithVolume(tabA);
    const e = entry({ origin: 'watch-folder', path: '/scans/a.pdf' });
    const rec = { entry: e, ...target, skipDuplicates: true };
    const outcomes = await Promise.all([recordInboxEntry(rec, tabA), recordInboxEntry(rec, tabB)]);
    expect(outcomes.sort()).toEqual(['already-recorded', 'recorded']);
    expect(await tabB.imports.count()).toBe(1);
    expect((await tabB.imports.toCollection().first())?.id).toBe(e.id);
    expect(await tabB.pages.count()).toBe(1);
    expect(await listDocuments(target.volumeId, tabB)).toHaveLength(1);
    // A later run (a reload before the ack reached the host) finds the record too.
    expect(await recordInboxEntry(rec, tabA)).toBe('already-recorded');
    expect(await tabA.pages.count()).toBe(1);
    tabA.close();
    tabB.close();
  });

  it('the pages of one scan become one document, in scan order, blanks kept but left out', async () => {
    const db = freshDb();
    const target = await caseWithVolume(db);
    const pages = [0, 1, 2].map((index) => entry({ scanId, index, target, blank: index === 1 }));
    const rec = (e: InboxEntry) => ({
      entry: e,
      ...target,
      skipDuplicates: false,
      batchTitle: 'Bản quét 03/12/2026 14:05',
    });
    for (const e of pages) await recordInboxEntry(rec(e), db);
    // Page 1 again (a second window): nothing new.
    expect(await recordInboxEntry(rec(pages[1]), db)).toBe('already-recorded');
    const docs = await listDocuments(target.volumeId, db);
    expect(docs.map((d) => [d.id, d.title, d.type])).toEqual([[scanId, 'Bản quét 03/12/2026 14:05', 'khac']]);
    const inDoc = await listPages(scanId, db);
    expect(inDoc.map((p) => [p.fileName, p.order, p.leftOut, p.folio])).toEqual([
      ['quet-' + (n - 2) + '.png', 0, undefined, 1],
      ['quet-' + (n - 1) + '.png', 1, 'blank', undefined],
      ['quet-' + n + '.png', 2, undefined, 2],
    ]);
    expect((await db.imports.toArray()).map((r) => r.id).sort()).toEqual(pages.map((p) => p.id).sort());
  });

  it('a watched-folder file already in the case is not recorded again; each file is its own document', async () => {
    const db = freshDb();
    const target = await caseWithVolume(db);
    const first = entry({ origin: 'watch-folder' });
    const again = entry({ origin: 'watch-folder', file: first.file });
    const other = entry({ origin: 'watch-folder' });
    expect(await recordInboxEntry({ entry: first, ...target, skipDuplicates: true }, db)).toBe('recorded');
    expect(await recordInboxEntry({ entry: again, ...target, skipDuplicates: true }, db)).toBe('duplicate');
    expect(await recordInboxEntry({ entry: other, ...target, skipDuplicates: true }, db)).toBe('recorded');
    expect((await listDocuments(target.volumeId, db)).map((d) => d.title)).toEqual([
      first.file.name.replace('.png', ''),
      other.file.name.replace('.png', ''),
    ]);
  });
});
