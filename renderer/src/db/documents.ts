import type { CaseDocument, DocumentMetadataField } from '@hoso/domain';
import { getDb, type HosoDb } from './schema';
import { DbError, guard, notFound } from './errors';
import { newId, nowIso } from './ids';
import { removePagePostings } from './searchIndex';
import { announceTextChange } from './textChanges';

export type DocumentPatch = Partial<Pick<CaseDocument, DocumentMetadataField>>;

const ALL_TABLES = (db: HosoDb) => [
  db.volumes,
  db.documents,
  db.pages,
  db.pageTexts,
  db.terms,
  db.searchMeta,
];

export async function getDocument(id: string, db: HosoDb = getDb()): Promise<CaseDocument | undefined> {
  return db.documents.get(id);
}

/** Documents by id, in the order asked (undefined where one is gone). */
export async function getDocuments(
  ids: string[],
  db: HosoDb = getDb(),
): Promise<(CaseDocument | undefined)[]> {
  return db.documents.bulkGet(ids);
}

/** Documents of a volume in order. */
export async function listDocuments(volumeId: string, db: HosoDb = getDb()): Promise<CaseDocument[]> {
  return db.documents
    .where('[volumeId+order]')
    .between([volumeId, -Infinity], [volumeId, Infinity])
    .toArray();
}

/** Documents of a case, by volume order then document order. */
export async function listCaseDocuments(caseId: string, db: HosoDb = getDb()): Promise<CaseDocument[]> {
  const [volumes, docs] = await Promise.all([
    db.volumes.where('caseId').equals(caseId).toArray(),
    db.documents.where('caseId').equals(caseId).toArray(),
  ]);
  const vOrder = new Map(volumes.map((v) => [v.id, v.order]));
  return docs.sort(
    (a, b) => (vOrder.get(a.volumeId) ?? 0) - (vOrder.get(b.volumeId) ?? 0) || a.order - b.order,
  );
}

/** User edit of a document's metadata; edited fields are never overwritten by OCR detection. */
export async function updateDocument(
  id: string,
  patch: DocumentPatch,
  db: HosoDb = getDb(),
): Promise<CaseDocument> {
  return guard(() =>
    db.transaction('rw', db.documents, async () => {
      const d = await db.documents.get(id);
      if (!d) throw notFound('Document', id);
      const clean: DocumentPatch = {};
      for (const [k, v] of Object.entries(patch) as [DocumentMetadataField, string | undefined][]) {
        (clean as Record<string, string | undefined>)[k] =
          typeof v === 'string' ? v.normalize('NFC').trim() : v;
      }
      const edited = new Set([...(d.editedFields ?? []), ...(Object.keys(clean) as DocumentMetadataField[])]);
      const next: CaseDocument = { ...d, ...clean, editedFields: [...edited], updatedAt: nowIso() };
      await db.documents.put(next);
      return next;
    }),
  );
}

/** Rewrites order 0..n-1 of a volume's documents following `ids` (ids not listed keep their relative order after). */
async function writeDocumentOrder(db: HosoDb, volumeId: string, ids: string[]): Promise<void> {
  const current = await listDocuments(volumeId, db);
  const listed = new Set(ids);
  const order = [...ids, ...current.map((d) => d.id).filter((id) => !listed.has(id))];
  await Promise.all(order.map((id, i) => db.documents.update(id, { order: i, volumeId })));
}

export async function reorderDocuments(volumeId: string, ids: string[], db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.documents, async () => {
      const current = new Set((await listDocuments(volumeId, db)).map((d) => d.id));
      if (!ids.every((id) => current.has(id))) {
        throw new DbError('INVALID_INPUT', 'reorderDocuments: a document is not in this volume');
      }
      await writeDocumentOrder(db, volumeId, ids);
    }),
  );
}

/** Moves a document to `toIndex` of a volume (the same one or another of the case). */
export async function moveDocument(
  id: string,
  toVolumeId: string,
  toIndex: number,
  db: HosoDb = getDb(),
): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.volumes, db.documents], async () => {
      const d = await db.documents.get(id);
      if (!d) throw notFound('Document', id);
      const v = await db.volumes.get(toVolumeId);
      if (!v || v.caseId !== d.caseId) throw notFound('Volume', toVolumeId);
      const target = (await listDocuments(toVolumeId, db)).map((x) => x.id).filter((x) => x !== id);
      target.splice(Math.max(0, Math.min(toIndex, target.length)), 0, id);
      await writeDocumentOrder(db, toVolumeId, target);
      if (d.volumeId !== toVolumeId) {
        await writeDocumentOrder(
          db,
          d.volumeId,
          (await listDocuments(d.volumeId, db)).filter((x) => x.id !== id).map((x) => x.id),
        );
      }
    }),
  );
}

async function pageIdsOf(db: HosoDb, documentId: string): Promise<string[]> {
  return (
    await db.pages
      .where('[documentId+order]')
      .between([documentId, -Infinity], [documentId, Infinity])
      .toArray()
  ).map((p) => p.id);
}

/** Splits a document: the page `atPageId` and those after it become a new document right after it. */
export async function splitDocument(
  documentId: string,
  atPageId: string,
  db: HosoDb = getDb(),
): Promise<CaseDocument> {
  const moved: string[] = [];
  const doc = await guard(() =>
    db.transaction('rw', ALL_TABLES(db), async () => {
      const d = await db.documents.get(documentId);
      if (!d) throw notFound('Document', documentId);
      const ids = await pageIdsOf(db, documentId);
      const at = ids.indexOf(atPageId);
      if (at <= 0)
        throw new DbError('INVALID_INPUT', 'split needs a page after the first page of the document');
      const now = nowIso();
      const created: CaseDocument = {
        id: newId(),
        caseId: d.caseId,
        volumeId: d.volumeId,
        order: d.order + 1,
        type: 'khac',
        title: `${d.title} (2)`,
        createdAt: now,
        updatedAt: now,
      };
      await db.documents.add(created);
      const siblings = (await listDocuments(d.volumeId, db)).map((x) => x.id).filter((x) => x !== created.id);
      siblings.splice(siblings.indexOf(documentId) + 1, 0, created.id);
      await writeDocumentOrder(db, d.volumeId, siblings);
      await Promise.all(
        ids.slice(at).map((pid, i) => db.pages.update(pid, { documentId: created.id, order: i })),
      );
      moved.push(...ids.slice(at));
      return (await db.documents.get(created.id))!;
    }),
  );
  announceTextChange(db, doc.caseId, moved); // short forms of names link within a document
  return doc;
}

/** Appends the pages of `sourceIds` (in that order) to the target document and deletes the sources. */
export async function mergeDocuments(
  targetId: string,
  sourceIds: string[],
  db: HosoDb = getDb(),
): Promise<void> {
  const moved: string[] = [];
  let caseId = '';
  await guard(() =>
    db.transaction('rw', ALL_TABLES(db), async () => {
      const target = await db.documents.get(targetId);
      if (!target) throw notFound('Document', targetId);
      let order = (await pageIdsOf(db, targetId)).length;
      caseId = target.caseId;
      const touchedVolumes = new Set<string>();
      for (const sid of sourceIds.filter((s) => s !== targetId)) {
        const s = await db.documents.get(sid);
        if (!s) throw notFound('Document', sid);
        if (s.caseId !== target.caseId) throw new DbError('INVALID_INPUT', 'documents of different cases');
        for (const pid of await pageIdsOf(db, sid)) {
          await db.pages.update(pid, { documentId: targetId, order: order++ });
          moved.push(pid);
        }
        await db.documents.delete(sid);
        touchedVolumes.add(s.volumeId);
      }
      for (const vid of touchedVolumes) await writeDocumentOrder(db, vid, []);
    }),
  );
  announceTextChange(db, caseId, moved); // short forms of names link within a document
}

/** Deletes a document with its pages, their OCR text and their search postings. */
export async function deleteDocument(id: string, db: HosoDb = getDb()): Promise<void> {
  const gone = await guard(() =>
    db.transaction('rw', ALL_TABLES(db), async () => {
      const d = await db.documents.get(id);
      if (!d) throw notFound('Document', id);
      const pageIds = await db.pages.where('documentId').equals(id).primaryKeys();
      await removePagePostings(db, pageIds);
      await db.pageTexts.bulkDelete(pageIds);
      await db.pages.bulkDelete(pageIds);
      await db.documents.delete(id);
      await writeDocumentOrder(db, d.volumeId, []);
      return { caseId: d.caseId, pageIds };
    }),
  );
  announceTextChange(db, gone.caseId, gone.pageIds); // their readings are dropped
}
