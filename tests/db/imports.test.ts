import { describe, expect, it } from 'vitest';
import {
  addImportedDocument,
  applyOcrResult,
  createCase,
  findPagesByFileHash,
  listImports,
  listPages,
  listVolumes,
  markImportFailed,
  movePages,
  searchPages,
  setImportState,
  describeDbError,
  type HosoDb,
} from '../../renderer/src/db';
import { freshDb, storedFile, wordsFile } from './fixtures';

async function setup(db: HosoDb) {
  const c = await createCase({ number: '1', name: 'A' }, db);
  const [v1, v2] = await listVolumes(c.id, db);
  return { c, v1, v2 };
}

describe('imports', () => {
  it('records the import and finds the same file again by hash', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    const f = storedFile('scan.pdf', 2);
    await addImportedDocument({ caseId: c.id, volumeId: v1.id, storedFile: f, importId: 'j1' }, db);
    const [r] = await listImports(c.id, db);
    expect(r).toMatchObject({ id: 'j1', state: 'queued', fileHash: f.hash, pageCount: 2 });
    expect((await findPagesByFileHash(c.id, f.hash, db)).length).toBe(2);
    expect(await findPagesByFileHash(c.id, 'f'.repeat(64), db)).toEqual([]);
    const other = await createCase({ number: '2', name: 'B' }, db);
    expect(await findPagesByFileHash(other.id, f.hash, db)).toEqual([]);
  });

  it('a failing step leaves no half-imported document', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    db.pages.hook('creating', (_key, page) => {
      if (page.filePage === 1) throw new Error('disk error on page 2');
    });
    await expect(
      addImportedDocument(
        { caseId: c.id, volumeId: v1.id, storedFile: storedFile('bad.pdf', 3), importId: 'jx' },
        db,
      ),
    ).rejects.toMatchObject({ code: 'UNKNOWN' });
    expect(await db.documents.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('maps a quota error to QUOTA_EXCEEDED with a Vietnamese message, writing nothing', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    db.imports.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('a.pdf', 1), importId: 'jq' },
      db,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(describeDbError(err)).toMatch(/Bộ nhớ của ứng dụng đã đầy/);
    expect(describeDbError(err, 'en')).toMatch(/Storage is full/);
    expect(await db.pages.count()).toBe(0);
  });

  it('applies an OCR result atomically: text, status, index, detected metadata', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    const { document } = await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('lenh.pdf', 2), importId: 'j1' },
      db,
    );
    await setImportState('j1', 'running', db);
    expect((await listPages(document.id, db)).map((p) => p.ocrStatus)).toEqual(['running', 'running']);
    await applyOcrResult(
      'j1',
      wordsFile([
        'CÔNG AN KHU VỰC 4 - LẠNG SƠN\nSố: 33/LTG-CSĐT\nLạng Sơn, ngày 13 tháng 3 năm 2025\n\nLỆNH TẠM GIAM\n\nTạm giam đối với bị can Hoàng Văn Thắng',
        'Thời hạn tạm giam là 02 tháng',
      ]),
      db,
    );
    const pages = await listPages(document.id, db);
    expect(pages.map((p) => p.ocrStatus)).toEqual(['done', 'done']);
    expect(pages[0].wordCount).toBeGreaterThan(10);
    expect(pages[0].ocrFrame).toEqual({ widthPx: 2480, heightPx: 3508, dpi: 300, rotation: 0, deskewDeg: 0 });
    expect((await db.imports.get('j1'))!.state).toBe('done');
    expect(await db.documents.get(document.id)).toMatchObject({
      type: 'lenh',
      number: '33/LTG-CSĐT',
      date: '2025-03-13',
      issuer: 'CÔNG AN KHU VỰC 4 - LẠNG SƠN',
      title: 'Lệnh tạm giam',
    });
    expect((await searchPages({ query: 'thoi han tam giam' }, db)).hits.map((h) => h.pageId)).toEqual([
      pages[1].id,
    ]);
    // A retried job re-indexes instead of doubling the postings.
    await applyOcrResult('j1', wordsFile(['Trang một', 'Thời hạn tạm giam là 02 tháng']), db);
    expect((await searchPages({ query: 'tam giam' }, db)).total).toBe(1);
    expect((await searchPages({ query: 'hoang van thang' }, db)).total).toBe(0);
  });

  it('finds pages moved to another document while OCR ran', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    const a = await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('a.pdf', 2), importId: 'ja' },
      db,
    );
    const b = await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('b.pdf', 1), importId: 'jb' },
      db,
    );
    await movePages([a.pages[1].id], b.document.id, 0, db);
    await applyOcrResult('ja', wordsFile(['trang đầu', 'trang đã chuyển']), db);
    const hit = (await searchPages({ query: 'da chuyen' }, db)).hits[0];
    expect(hit.pageId).toBe(a.pages[1].id);
    expect(hit.documentId).toBe(b.document.id);
  });

  it('marks a failed import and its pages, keeping the error for the user', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    const { document } = await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('hong.pdf', 1), importId: 'jf' },
      db,
    );
    await markImportFailed('jf', { code: 'CORRUPT_IMAGE', message: 'cannot decode', file: 'hong.pdf' }, db);
    expect((await db.imports.get('jf'))!).toMatchObject({
      state: 'failed',
      error: { code: 'CORRUPT_IMAGE' },
    });
    expect((await listPages(document.id, db))[0].ocrStatus).toBe('failed');
    await setImportState('jf', 'queued', db); // retry
    expect((await db.imports.get('jf'))!.error).toBeUndefined();
    expect((await listPages(document.id, db))[0].ocrStatus).toBe('queued');
    await expect(markImportFailed('nope', { code: 'X', message: '' }, db)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('rejects a malformed OCR result without touching the pages', async () => {
    const db = freshDb();
    const { c, v1 } = await setup(db);
    const { document } = await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('a.pdf', 1), importId: 'j' },
      db,
    );
    await expect(applyOcrResult('j', { format: 'nope' } as never, db)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await listPages(document.id, db))[0].ocrStatus).toBe('queued');
  });
});
