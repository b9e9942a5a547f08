/**
 * Schema upgrade 2 → 3: the search index's counters move from `settings` to `searchMeta`. The old
 * database is made with the version-2 schema exactly as it shipped, holding an index the current
 * code built, with its counters written where version 2 kept them.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  addImportedDocument,
  applyOcrResult,
  createCase,
  HosoDb,
  listVolumes,
  readIndexStats,
  searchPages,
} from '../../renderer/src/db';
import { freshDb, storedFile, wordsFile } from './fixtures';

const TEXTS = [
  'Căn cứ khoản 1 Điều 173 Bộ luật Hình sự năm 2015 về tội trộm cắp tài sản',
  'Hồ sơ vụ án gồm 02 tập. Bị can khai nhận hành vi trộm cắp tài sản. Hồ sơ được chuyển',
  'Điều tra viên ghi lời khai người làm chứng. Ho so.',
];

/** The stores of versions 1 and 2, as they shipped (no searchMeta). */
function openVersion2(name: string, indexedDB: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  db.version(1).stores({
    cases: 'id, number, updatedAt, deletedAt',
    volumes: 'id, caseId, [caseId+order]',
    documents: 'id, caseId, volumeId, [volumeId+order]',
    pages: 'id, caseId, documentId, fileHash, importId, [documentId+order], [caseId+folio], ocrStatus',
    pageTexts: 'pageId, caseId, docNo',
    imports: 'id, caseId, documentId, state',
    terms: '[term+caseId+seg], caseId',
    maps: 'id, caseId, updatedAt',
    presentations: 'id, caseId, updatedAt',
    settings: 'key',
  });
  db.version(2).stores({
    entityPages: 'pageId, caseId',
    entityEdits: 'id, caseId',
    entityDecisions: 'id, caseId, mapId',
  });
  return db;
}

async function indexedCase(db: HosoDb, texts: string[], jobId: string) {
  const c = await createCase({ number: jobId, name: 'Vụ án' }, db);
  const [v] = await listVolumes(c.id, db);
  await addImportedDocument(
    { caseId: c.id, volumeId: v.id, storedFile: storedFile('hs.pdf', texts.length), importId: jobId },
    db,
  );
  await applyOcrResult(jobId, wordsFile(texts), db);
  return c;
}

const STORES = ['cases', 'volumes', 'documents', 'pages', 'pageTexts', 'imports', 'terms'] as const;

describe('schema upgrade 2 → 3 (searchMeta)', () => {
  it('moves the counters out of settings in one upgrade; search answers exactly as before', async () => {
    // An index built by the data layer, and what its searches return.
    const built = freshDb();
    const c1 = await indexedCase(built, TEXTS, 'j1');
    const c2 = await indexedCase(built, TEXTS.slice(0, 2), 'j2');
    const queries = ['ho so', 'dieu 173', '"trom cap tai san"'];
    const expected = await Promise.all(queries.map((query) => searchPages({ query }, built)));
    const stats1 = await readIndexStats(built, c1.id);
    const nextDocNo = (await built.searchMeta.get('nextDocNo')) as { value: number };
    expect(stats1.pages).toBe(3);

    // The same data in a version-2 database: counters in `settings`, beside a user preference.
    const factory = new IDBFactory();
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const old = openVersion2(name, factory);
    await old.open();
    for (const store of STORES) await old.table(store).bulkPut(await built.table(store).toArray());
    await old.table('settings').bulkPut([
      { key: 'search.nextDocNo', value: nextDocNo.value },
      { key: `search.stats:${c1.id}`, value: stats1 },
      { key: `search.stats:${c2.id}`, value: await readIndexStats(built, c2.id) },
      { key: 'search.stats:damaged', value: 'not a counter' },
      { key: 'ocr.lang', value: 'vie+eng' },
    ]);
    expect(old.verno).toBe(2);
    old.close();

    const upgraded = new HosoDb(name, { indexedDB: factory, IDBKeyRange });
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    // Counters moved; the user's preference stayed; the damaged counter was dropped, not moved.
    expect((await upgraded.settings.toArray()).map((r) => r.key)).toEqual(['ocr.lang']);
    expect(await upgraded.searchMeta.get('nextDocNo')).toEqual(nextDocNo);
    expect(await readIndexStats(upgraded, c1.id)).toEqual(stats1);
    expect(await readIndexStats(upgraded)).toEqual(await readIndexStats(built));
    expect(await upgraded.searchMeta.get('stats:damaged')).toBeUndefined();

    for (const [i, query] of queries.entries()) {
      const r = await searchPages({ query }, upgraded);
      expect(r.total).toBe(expected[i].total);
      expect(r.hits.map((h) => [h.pageId, h.score])).toEqual(
        expected[i].hits.map((h) => [h.pageId, h.score]),
      );
    }

    // Indexing continues the numbering: a new page gets the next docNo, not 1.
    await indexedCase(upgraded, ['Biên bản khám nghiệm hiện trường'], 'j3');
    const fresh = await upgraded.pageTexts.where('docNo').equals(nextDocNo.value).first();
    expect(fresh?.ocr.blocks[0].lines[0].words[0].text).toBe('Biên');
    upgraded.close();
  });

  it('a version-2 database without any index opens and starts numbering at 1', async () => {
    const factory = new IDBFactory();
    const old = openVersion2('empty-v2', factory);
    await old.open();
    await old.table('settings').put({ key: 'watch.caseId', value: null });
    old.close();
    const db = new HosoDb('empty-v2', { indexedDB: factory, IDBKeyRange });
    await indexedCase(db, ['Hồ sơ'], 'j1');
    expect((await db.pageTexts.toArray()).map((t) => t.docNo)).toEqual([1]);
    expect(await db.settings.toArray()).toEqual([{ key: 'watch.caseId', value: null }]);
    db.close();
  });
});
