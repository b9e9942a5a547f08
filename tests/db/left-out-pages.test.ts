import { describe, expect, it } from 'vitest';
import {
  addImportedDocument,
  applyOcrResult,
  correctWord,
  createCase,
  listVolumes,
  readIndexStats,
  restoreLeftOutPage,
  searchPages,
} from '../../renderer/src/db';
import { freshDb, storedFile, wordsFile } from './fixtures';

describe('scanned pages left out as blank', () => {
  it('take no folio until restored, then get the next one', async () => {
    const db = freshDb();
    const c = await createCase({ number: '1', name: 'A' }, db);
    const [v1] = await listVolumes(c.id, db);
    const add = (name: string, jobId: string, leftOut?: 'blank') =>
      addImportedDocument(
        { caseId: c.id, volumeId: v1.id, storedFile: storedFile(name, 1), importId: jobId, leftOut },
        db,
      );
    await add('quet-001.png', 'j1');
    const blank = await add('quet-002.png', 'j2', 'blank');
    await add('quet-003.png', 'j3');
    const folios = async () =>
      (await db.pages.where('caseId').equals(c.id).sortBy('fileName')).map((p) => [
        p.fileName,
        p.folio,
        p.leftOut,
      ]);
    expect(await folios()).toEqual([
      ['quet-001.png', 1, undefined],
      ['quet-002.png', undefined, 'blank'],
      ['quet-003.png', 2, undefined],
    ]);
    await restoreLeftOutPage(blank.pages[0].id, db);
    // Folios already given are kept (they may be stamped on paper); the restored page is appended.
    expect(await folios()).toEqual([
      ['quet-001.png', 1, undefined],
      ['quet-002.png', 3, undefined],
      ['quet-003.png', 2, undefined],
    ]);
  });

  it('are not indexed for search until restored; a restored page is found like any other', async () => {
    const db = freshDb();
    const c = await createCase({ number: '1', name: 'A' }, db);
    const [v1] = await listVolumes(c.id, db);
    const scanned = async (importId: string, text: string, leftOut?: 'blank') => {
      const { pages } = await addImportedDocument(
        {
          caseId: c.id,
          volumeId: v1.id,
          storedFile: storedFile(`${importId}.png`, 1),
          importId,
          leftOut,
        },
        db,
      );
      // OCR runs on every scanned page, blank ones too (a faint pencil note is kept as text).
      await applyOcrResult(importId, wordsFile([text], `${importId}.png`), db);
      return pages[0].id;
    };
    const front = await scanned('j1', 'Biên bản khám nghiệm hiện trường vụ trộm xe mô tô');
    const back = await scanned('j2', 'ghi chú bút chì: hiện trường', 'blank');
    const found = async (query: string) => (await searchPages({ query, caseId: c.id }, db)).hits;

    expect((await found('hien truong')).map((h) => h.pageId)).toEqual([front]);
    expect(await found('but chi')).toEqual([]);
    // Only the indexed page counts towards the ranking statistics.
    expect((await readIndexStats(db, c.id)).pages).toBe(1);
    // Correcting a word on the greyed page keeps it out of the index.
    await correctWord(back, { block: 0, line: 0, word: 0 }, 'Ghi', db);
    expect(await found('ghi chu')).toEqual([]);

    await restoreLeftOutPage(back, db);
    const hits = await found('hien truong');
    expect(hits.map((h) => h.pageId).sort()).toEqual([front, back].sort());
    expect(hits.find((h) => h.pageId === back)?.folio).toBe(2);
    expect((await found('ghi chu but chi')).map((h) => h.pageId)).toEqual([back]);
    expect((await readIndexStats(db, c.id)).pages).toBe(2);
    // A second "Khôi phục" (a double click) indexes nothing twice.
    await restoreLeftOutPage(back, db);
    expect((await found('but chi')).map((h) => h.pageId)).toEqual([back]);
    expect((await readIndexStats(db, c.id)).pages).toBe(2);
  });
});
