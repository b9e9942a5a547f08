import { describe, expect, it } from 'vitest';
import {
  addImportedDocument,
  assignFolios,
  createCase,
  deleteDocument,
  deletePages,
  documentFolioRange,
  listCasePages,
  listDocuments,
  listPages,
  listVolumes,
  mergeDocuments,
  moveDocument,
  movePages,
  renumberFolios,
  reorderDocuments,
  reorderPages,
  rotatePage,
  splitDocument,
  updateDocument,
  applyOcrResult,
  searchPages,
  indexStats,
  readIndexStats,
} from '../../renderer/src/db';
import type { HosoDb } from '../../renderer/src/db';
import { freshDb, storedFile, wordsFile } from './fixtures';

async function dossier(db: HosoDb) {
  const c = await createCase({ number: '1', name: 'A' }, db);
  const [v1, v2] = await listVolumes(c.id, db);
  const a = await addImportedDocument(
    { caseId: c.id, volumeId: v1.id, storedFile: storedFile('quyet-dinh.pdf', 3), importId: 'ja' },
    db,
  );
  const b = await addImportedDocument(
    { caseId: c.id, volumeId: v1.id, storedFile: storedFile('bien-ban.pdf', 2), importId: 'jb' },
    db,
  );
  const e = await addImportedDocument(
    { caseId: c.id, volumeId: v2.id, storedFile: storedFile('anh.jpg', 1), importId: 'je' },
    db,
  );
  return { c, v1, v2, a: a.document, b: b.document, e: e.document };
}

const folios = async (db: HosoDb, caseId: string) =>
  (await listCasePages(caseId, db)).map((p) => `${p.fileName}#${p.filePage}:${p.folio}`);

describe('documents and pages', () => {
  it('imports a document with its pages and next folios, titled after the file', async () => {
    const db = freshDb();
    const { c, a, b } = await dossier(db);
    expect(a.title).toBe('quyet-dinh');
    expect(a.type).toBe('khac');
    expect(await folios(db, c.id)).toEqual([
      'quyet-dinh.pdf#0:1',
      'quyet-dinh.pdf#1:2',
      'quyet-dinh.pdf#2:3',
      'bien-ban.pdf#0:4',
      'bien-ban.pdf#1:5',
      'anh.jpg#0:6',
    ]);
    expect(await documentFolioRange(b.id, db)).toEqual({ first: 4, last: 5 });
    const pages = await listPages(a.id, db);
    expect(pages.every((p) => p.ocrStatus === 'queued' && p.importId === 'ja')).toBe(true);
  });

  it('appends folios for new pages without renumbering stamped ones; renumbers on demand', async () => {
    const db = freshDb();
    const { c, v1, a, b } = await dossier(db);
    // A document added to volume 1 later gets the next folios (7, 8) even though it sits before volume 2.
    await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('late.pdf', 2), importId: 'jl' },
      db,
    );
    expect((await folios(db, c.id)).slice(5)).toEqual(['late.pdf#0:7', 'late.pdf#1:8', 'anh.jpg#0:6']);
    expect(await assignFolios(c.id, db)).toBe(0);
    await reorderDocuments(v1.id, [b.id, a.id], db);
    expect(await renumberFolios(c.id, db)).toBeGreaterThan(0);
    expect(await folios(db, c.id)).toEqual([
      'bien-ban.pdf#0:1',
      'bien-ban.pdf#1:2',
      'quyet-dinh.pdf#0:3',
      'quyet-dinh.pdf#1:4',
      'quyet-dinh.pdf#2:5',
      'late.pdf#0:6',
      'late.pdf#1:7',
      'anh.jpg#0:8',
    ]);
  });

  it('moves a document to another volume at an index', async () => {
    const db = freshDb();
    const { v1, v2, a, b, e } = await dossier(db);
    await moveDocument(a.id, v2.id, 0, db);
    expect((await listDocuments(v2.id, db)).map((d) => [d.id, d.order])).toEqual([
      [a.id, 0],
      [e.id, 1],
    ]);
    expect((await listDocuments(v1.id, db)).map((d) => [d.id, d.order])).toEqual([[b.id, 0]]);
  });

  it('reorders, moves, rotates and deletes pages; empty documents disappear', async () => {
    const db = freshDb();
    const { v1, a, b } = await dossier(db);
    const [p0, p1, p2] = await listPages(a.id, db);
    await reorderPages(a.id, [p2.id, p0.id, p1.id], db);
    expect((await listPages(a.id, db)).map((p) => p.id)).toEqual([p2.id, p0.id, p1.id]);

    const [q0, q1] = await listPages(b.id, db);
    await movePages([q1.id, q0.id], a.id, 1, db);
    expect((await listPages(a.id, db)).map((p) => p.id)).toEqual([p2.id, q1.id, q0.id, p0.id, p1.id]);
    expect(await db.documents.get(b.id)).toBeUndefined();
    expect((await listDocuments(v1.id, db)).map((d) => d.order)).toEqual([0]);

    expect(await rotatePage(p0.id, 1, db)).toBe(90);
    expect(await rotatePage(p0.id, -2, db)).toBe(270);
    expect(await rotatePage(p0.id, 5, db)).toBe(0);

    await deletePages([p2.id, q1.id], db);
    expect((await listPages(a.id, db)).map((p) => [p.id, p.order])).toEqual([
      [q0.id, 0],
      [p0.id, 1],
      [p1.id, 2],
    ]);
  });

  it('splits a document at a page and merges documents back', async () => {
    const db = freshDb();
    const { v1, a, b } = await dossier(db);
    const [, p1, p2] = await listPages(a.id, db);
    const created = await splitDocument(a.id, p1.id, db);
    expect((await listPages(created.id, db)).map((p) => p.id)).toEqual([p1.id, p2.id]);
    expect((await listDocuments(v1.id, db)).map((d) => d.id)).toEqual([a.id, created.id, b.id]);
    await expect(splitDocument(a.id, (await listPages(a.id, db))[0].id, db)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });

    await mergeDocuments(a.id, [b.id, created.id], db);
    expect((await listPages(a.id, db)).map((p) => p.fileName)).toEqual([
      'quyet-dinh.pdf',
      'bien-ban.pdf',
      'bien-ban.pdf',
      'quyet-dinh.pdf',
      'quyet-dinh.pdf',
    ]);
    expect((await listDocuments(v1.id, db)).map((d) => [d.id, d.order])).toEqual([[a.id, 0]]);
  });

  it('deletes a document with its pages, texts and postings', async () => {
    const db = freshDb();
    const { c, a } = await dossier(db);
    await applyOcrResult('ja', wordsFile(['Hồ sơ vụ án', 'trang hai', 'trang ba']), db);
    expect((await searchPages({ query: 'ho so' }, db)).total).toBe(1);
    expect(await readIndexStats(db, c.id)).toEqual({ pages: 3, tokens: 8 });
    await deleteDocument(a.id, db);
    expect(await readIndexStats(db)).toEqual({ pages: 0, tokens: 0 });
    expect(await db.pages.where('documentId').equals(a.id).count()).toBe(0);
    expect(await db.pageTexts.where('caseId').equals(c.id).count()).toBe(0);
    expect((await indexStats(db)).entries).toBe(0);
    expect((await searchPages({ query: 'ho so' }, db)).total).toBe(0);
  });

  it('keeps user-typed metadata fields across OCR detection', async () => {
    const db = freshDb();
    const { a } = await dossier(db);
    await updateDocument(a.id, { number: '99/QĐ', title: 'Quyết định của tôi' }, db);
    await applyOcrResult(
      'ja',
      wordsFile([
        'CÔNG AN TỈNH GIA LAI\nSố: 14/BB-CSĐT\nĐak Pơ, ngày 20 tháng 11 năm 2024\n\nBIÊN BẢN GHI LỜI KHAI',
        'x',
        'y',
      ]),
      db,
    );
    const d = (await db.documents.get(a.id))!;
    expect(d).toMatchObject({
      number: '99/QĐ',
      title: 'Quyết định của tôi',
      type: 'loi-khai',
      date: '2024-11-20',
    });
    expect(d.issuer).toBe('CÔNG AN TỈNH GIA LAI');
  });
});
