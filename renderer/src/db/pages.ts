import {
  dossierOrder,
  effectiveWordsOf,
  type AddressedWord,
  type Page,
  type PageText,
  type WordAddress,
} from '@hoso/domain';
import type { Rotation } from '@hoso/contracts';
import { getDb, type HosoDb } from './schema';
import { DbError, guard, notFound } from './errors';
import { announceTextChange } from './textChanges';
import { indexPageTexts, removePagePostings } from './searchIndex';

/** Pages of a document in order. */
export async function listPages(documentId: string, db: HosoDb = getDb()): Promise<Page[]> {
  return db.pages
    .where('[documentId+order]')
    .between([documentId, -Infinity], [documentId, Infinity])
    .toArray();
}

/** All pages of a case in dossier order (volumes → documents → pages). */
export async function listCasePages(caseId: string, db: HosoDb = getDb()): Promise<Page[]> {
  const [volumes, documents, pages] = await Promise.all([
    db.volumes.where('caseId').equals(caseId).toArray(),
    db.documents.where('caseId').equals(caseId).toArray(),
    db.pages.where('caseId').equals(caseId).toArray(),
  ]);
  const byId = new Map(pages.map((p) => [p.id, p]));
  return dossierOrder(volumes, documents, pages).map((id) => byId.get(id)!);
}

export async function getPage(id: string, db: HosoDb = getDb()): Promise<Page | undefined> {
  return db.pages.get(id);
}

/** Pages by id, in the order asked (undefined where one is gone). */
export async function getPages(ids: string[], db: HosoDb = getDb()): Promise<(Page | undefined)[]> {
  return db.pages.bulkGet(ids);
}

/** The page's OCR words and corrections (undefined until OCR is done). */
export async function getPageText(pageId: string, db: HosoDb = getDb()): Promise<PageText | undefined> {
  return db.pageTexts.get(pageId);
}

/** Page texts by page id, in the order asked (undefined where OCR is not done). */
export async function getPageTexts(
  pageIds: string[],
  db: HosoDb = getDb(),
): Promise<(PageText | undefined)[]> {
  return db.pageTexts.bulkGet(pageIds);
}

/** Words in reading order with corrections applied: what search, the viewer overlay and export use. */
export function effectiveWords(text: Pick<PageText, 'ocr' | 'corrections'> | undefined): AddressedWord[] {
  return text ? effectiveWordsOf(text.ocr, text.corrections) : [];
}

/** Page with the case's folio found by number (jump to "BL 127"). */
export async function findPageByFolio(
  caseId: string,
  folio: number,
  db: HosoDb = getDb(),
): Promise<Page | undefined> {
  return db.pages.where('[caseId+folio]').equals([caseId, folio]).first();
}

async function writePageOrder(db: HosoDb, documentId: string, ids: string[]): Promise<void> {
  const listed = new Set(ids);
  const rest = (await listPages(documentId, db)).map((p) => p.id).filter((id) => !listed.has(id));
  await Promise.all([...ids, ...rest].map((id, order) => db.pages.update(id, { order, documentId })));
}

export async function reorderPages(
  documentId: string,
  pageIds: string[],
  db: HosoDb = getDb(),
): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.pages, async () => {
      const current = new Set((await listPages(documentId, db)).map((p) => p.id));
      if (!pageIds.every((id) => current.has(id)))
        throw new DbError('INVALID_INPUT', 'a page is not in this document');
      await writePageOrder(db, documentId, pageIds);
    }),
  );
}

/**
 * Moves pages (in the given order) into a document at `toIndex`. Documents left without pages are
 * deleted: a document is its pages.
 */
export async function movePages(
  pageIds: string[],
  toDocumentId: string,
  toIndex: number,
  db: HosoDb = getDb(),
): Promise<void> {
  const caseId = await guard(() =>
    db.transaction('rw', [db.documents, db.pages], async () => {
      const target = await db.documents.get(toDocumentId);
      if (!target) throw notFound('Document', toDocumentId);
      const pages = await db.pages.bulkGet(pageIds);
      const sources = new Set<string>();
      pages.forEach((p, i) => {
        if (!p) throw notFound('Page', pageIds[i]);
        if (p.caseId !== target.caseId) throw new DbError('INVALID_INPUT', 'pages of another case');
        sources.add(p.documentId);
      });
      const moving = new Set(pageIds);
      const staying = (await listPages(toDocumentId, db)).map((p) => p.id).filter((id) => !moving.has(id));
      staying.splice(Math.max(0, Math.min(toIndex, staying.length)), 0, ...pageIds);
      await writePageOrder(db, toDocumentId, staying);
      for (const docId of sources) {
        if (docId === toDocumentId) continue;
        const left = await listPages(docId, db);
        if (left.length === 0) await deleteEmptyDocument(db, docId);
        else await writePageOrder(db, docId, []);
      }
      return target.caseId;
    }),
  );
  announceTextChange(db, caseId, pageIds); // short forms of names link within a document
}

async function deleteEmptyDocument(db: HosoDb, documentId: string): Promise<void> {
  const d = await db.documents.get(documentId);
  await db.documents.delete(documentId);
  if (!d) return;
  const siblings = await db.documents
    .where('[volumeId+order]')
    .between([d.volumeId, -Infinity], [d.volumeId, Infinity])
    .toArray();
  await Promise.all(siblings.map((s, order) => db.documents.update(s.id, { order })));
}

/** Turns a page by quarter turns (positive: clockwise), on top of what OCR applied. */
export async function rotatePage(
  pageId: string,
  quarterTurnsDelta: number,
  db: HosoDb = getDb(),
): Promise<Rotation> {
  return guard(() =>
    db.transaction('rw', db.pages, async () => {
      const p = await db.pages.get(pageId);
      if (!p) throw notFound('Page', pageId);
      const rotation = ((((p.rotation / 90 + quarterTurnsDelta) % 4) + 4) % 4) * 90;
      await db.pages.update(pageId, { rotation: rotation as Rotation });
      return rotation as Rotation;
    }),
  );
}

/** Deletes pages with their text and postings; documents left empty are deleted. Folios keep their gaps until renumbered. */
export async function deletePages(ids: string[], db: HosoDb = getDb()): Promise<void> {
  const deleted = await guard(() =>
    db.transaction('rw', [db.documents, db.pages, db.pageTexts, db.terms, db.searchMeta], async () => {
      const pages = (await db.pages.bulkGet(ids)).filter((p): p is Page => !!p);
      const docs = new Set(pages.map((p) => p.documentId));
      await removePagePostings(db, ids);
      await db.pageTexts.bulkDelete(ids);
      await db.pages.bulkDelete(ids);
      for (const docId of docs) {
        if ((await listPages(docId, db)).length === 0) await deleteEmptyDocument(db, docId);
        else await writePageOrder(db, docId, []);
      }
      return pages;
    }),
  );
  if (deleted[0]) announceTextChange(db, deleted[0].caseId, ids); // their readings are dropped
}

/**
 * Stores the user's correction of one OCR word (NFC) and re-indexes the page in the same
 * transaction, so search finds the corrected word at once. An empty text removes the word.
 */
/** Replaces the page's export redaction boxes (frame pixels), in one transaction. */
export async function setExportRedactions(
  pageId: string,
  boxes: Array<[number, number, number, number]>,
  db: HosoDb = getDb(),
): Promise<void> {
  return guard(() =>
    db.transaction('rw', db.pages, async () => {
      const p = await db.pages.get(pageId);
      if (!p) throw notFound('Page', pageId);
      const valid = boxes.filter((b) => b.every(Number.isFinite) && b[2] > b[0] && b[3] > b[1]);
      await db.pages.update(pageId, { exportRedactions: valid.length > 0 ? valid : undefined });
    }),
  );
}

export async function correctWord(
  pageId: string,
  address: WordAddress,
  text: string,
  db: HosoDb = getDb(),
): Promise<PageText> {
  const saved = await guard(() =>
    db.transaction('rw', [db.pages, db.pageTexts, db.terms, db.searchMeta], async () => {
      const t = await db.pageTexts.get(pageId);
      if (!t) throw notFound('Page text', pageId);
      const w = t.ocr.blocks[address.block]?.lines[address.line]?.words[address.word];
      if (!w)
        throw new DbError('INVALID_INPUT', `no word at ${address.block}/${address.line}/${address.word}`);
      const nfc = text.normalize('NFC').trim();
      const others = t.corrections.filter(
        (c) => !(c.block === address.block && c.line === address.line && c.word === address.word),
      );
      // Typing the OCR text back removes the correction instead of storing a no-op.
      const corrections =
        nfc === w.text
          ? others
          : [...others, { block: address.block, line: address.line, word: address.word, text: nfc }];
      const next: PageText = { ...t, corrections };
      // Index first: it reads the old text to drop its postings, and keeps the page's index number.
      const [indexed] = await indexPageTexts(db, [next]);
      await db.pageTexts.put(indexed);
      return indexed;
    }),
  );
  announceTextChange(db, saved.caseId, [pageId]); // after the commit: the reader reads the corrected text
  return saved;
}
