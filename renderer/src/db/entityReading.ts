import type { OcrPage } from '@hoso/contracts';
import type { Mention } from '@hoso/entities';
import type { PageText, WordCorrection } from '@hoso/domain';
import type { EntityPageRecord } from './entities';
import { guard } from './errors';
import { getDb, type HosoDb } from './schema';

/**
 * Keeps `db.entityPages` in step with the pages' text: a page whose text revision (its OCR words,
 * the user's corrections, its document) differs from the one its cached reading was made from is
 * read again; a fresh one is not. Runs in the background of the case view, so the Nhân vật tab
 * finds the readings ready.
 */

/** One page handed to the reader (the worker in the app, `extractPage` in-thread in tests). */
export interface PageToRead {
  pageId: string;
  documentId: string;
  ocr: OcrPage;
  corrections: WordCorrection[];
}
export type PageReader = (pages: PageToRead[]) => Promise<{ pageId: string; mentions: Mention[] }[]>;

/**
 * The text revision of a page, as a short hash of what the reader sees: every OCR word with its
 * box (a hit keeps the box it was read at), the corrections and the document (short forms of
 * names link to full names of the same document). A re-OCR that changes one word or moves one
 * box changes it; reopening the case does not. Hashing the content, not counting writes, means
 * every path that writes text (OCR, correction, a restored bundle) is covered.
 */
export function entityRevisionOf(t: Pick<PageText, 'ocr' | 'corrections'>, documentId: string): string {
  let h = 2166136261;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    h = Math.imul(h ^ 31, 16777619); // a separator, so "ab|c" and "a|bc" differ
  };
  feed(documentId);
  for (const b of t.ocr.blocks) {
    feed('¶');
    for (const l of b.lines) {
      feed('↵');
      for (const w of l.words) {
        feed(w.text);
        feed(w.box.join(','));
      }
    }
  }
  feed(JSON.stringify(t.corrections));
  return (h >>> 0).toString(36);
}

export interface StalePage {
  pageId: string;
  documentId: string;
  revision: string;
}

/**
 * Pages of the case with text whose cached reading is missing or of another revision; `only`
 * limits the check to the pages a write just touched (the whole case is checked on opening it).
 */
export async function staleEntityPages(
  caseId: string,
  only?: readonly string[],
  db: HosoDb = getDb(),
): Promise<StalePage[]> {
  return db.transaction('r', [db.pages, db.pageTexts, db.entityPages], async () => {
    const pages = only
      ? (await db.pages.bulkGet([...only])).filter((p) => p?.caseId === caseId)
      : await db.pages.where('caseId').equals(caseId).toArray();
    const docOf = new Map(pages.map((p) => [p!.id, p!.documentId]));
    const records = only
      ? await db.entityPages.bulkGet([...docOf.keys()])
      : await db.entityPages.where('caseId').equals(caseId).toArray();
    const cached = new Map(records.flatMap((r) => (r ? [[r.pageId, r.version] as const] : [])));
    const stale: StalePage[] = [];
    const check = (t: PageText | undefined) => {
      const documentId = t && docOf.get(t.pageId);
      if (!t || !documentId) return;
      const revision = entityRevisionOf(t, documentId);
      if (cached.get(t.pageId) !== revision) stale.push({ pageId: t.pageId, documentId, revision });
    };
    if (only) (await db.pageTexts.bulkGet([...docOf.keys()])).forEach(check);
    else await db.pageTexts.where('caseId').equals(caseId).each(check);
    return stale;
  });
}

export interface RefreshOptions {
  /** Only these pages (those a write just touched); the whole case when absent. */
  only?: readonly string[];
  /** Pages per reading (one worker message, one transaction). */
  chunk?: number;
  /** Awaited between chunks: the app waits for an idle moment so typing and scrolling stay smooth. */
  pause?: () => Promise<void>;
  /** Checked between chunks: a newer refresh or leaving the case stops this one. */
  cancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RefreshResult {
  /** Pages handed to the reader. */
  read: number;
  /** Readings stored (a page changed while it was being read is not stored: it stays stale). */
  stored: number;
  /** Readings dropped because their page left the case or lost its text. */
  dropped?: number;
}

/**
 * Reads the stale pages of a case in chunks and stores their readings. Each chunk is stored in one
 * transaction that checks each page's revision again, so a page corrected while the reader ran
 * keeps no reading of its old text; readings of pages no longer in the case are dropped.
 */
export async function refreshEntityPages(
  caseId: string,
  read: PageReader,
  options: RefreshOptions = {},
  db: HosoDb = getDb(),
): Promise<RefreshResult> {
  const { only, chunk = 40, pause, cancelled = () => false, onProgress } = options;
  const stale = await staleEntityPages(caseId, only, db);
  const result: RefreshResult = { read: 0, stored: 0, dropped: 0 };
  for (let i = 0; i < stale.length && !cancelled(); i += chunk) {
    onProgress?.(i, stale.length);
    const slice = stale.slice(i, i + chunk);
    const texts = await db.pageTexts.bulkGet(slice.map((s) => s.pageId));
    const pages: PageToRead[] = slice.flatMap((s, k) => {
      const t = texts[k];
      return t
        ? [{ pageId: s.pageId, documentId: s.documentId, ocr: t.ocr, corrections: t.corrections }]
        : [];
    });
    const readings = await read(pages);
    result.read += pages.length;
    result.stored += await storeReadings(caseId, slice, readings, db);
    if (pause && i + chunk < stale.length) await pause();
  }
  if (!cancelled()) result.dropped = await dropGonePages(caseId, db);
  onProgress?.(stale.length, stale.length);
  return result;
}

async function storeReadings(
  caseId: string,
  slice: readonly StalePage[],
  readings: readonly { pageId: string; mentions: Mention[] }[],
  db: HosoDb,
): Promise<number> {
  const wanted = new Map(slice.map((s) => [s.pageId, s]));
  return guard(() =>
    db.transaction('rw', [db.pages, db.pageTexts, db.entityPages], async () => {
      const ids = readings.map((r) => r.pageId);
      const [pages, texts] = await Promise.all([db.pages.bulkGet(ids), db.pageTexts.bulkGet(ids)]);
      const records: EntityPageRecord[] = [];
      readings.forEach((r, k) => {
        const s = wanted.get(r.pageId);
        const page = pages[k];
        const text = texts[k];
        if (!s || !page || !text || page.caseId !== caseId) return;
        // Read from the text as it was when the chunk started; stored only if that is still the text.
        if (entityRevisionOf(text, page.documentId) !== s.revision) return;
        records.push({
          pageId: r.pageId,
          caseId,
          documentId: page.documentId,
          version: s.revision,
          mentions: r.mentions,
        });
      });
      if (records.length) await db.entityPages.bulkPut(records);
      return records.length;
    }),
  );
}

async function dropGonePages(caseId: string, db: HosoDb): Promise<number> {
  return guard(() =>
    db.transaction('rw', [db.pages, db.pageTexts, db.entityPages], async () => {
      // Keys only: a 2 000-page case's words are not loaded to find the few pages that went.
      const [ids, pageIds, textIds] = await Promise.all([
        db.entityPages.where('caseId').equals(caseId).primaryKeys(),
        db.pages.where('caseId').equals(caseId).primaryKeys(),
        db.pageTexts.where('caseId').equals(caseId).primaryKeys(),
      ]);
      const live = new Set(pageIds);
      const withText = new Set(textIds);
      const gone = ids.filter((id) => !live.has(id) || !withText.has(id));
      if (gone.length) await db.entityPages.bulkDelete(gone);
      return gone.length;
    }),
  );
}
