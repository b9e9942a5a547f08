import type { HostError, OcrWordsFile, StoredFile } from '@hoso/contracts';
import { OcrWordsFileSchema } from '@hoso/contracts';
import {
  detectMetadata,
  pageLines,
  type CaseDocument,
  type DocumentMetadataField,
  type Page,
  type PageText,
} from '@hoso/domain';
import { getDb, type HosoDb, type ImportRecord } from './schema';
import { DbError, guard, notFound } from './errors';
import { announceTextChange } from './textChanges';
import { newId, nowIso } from './ids';
import { applyFolios } from './folios';
import { indexPageTexts, indexRestoredPages } from './searchIndex';

export interface ImportedDocumentInput {
  caseId: string;
  volumeId: string;
  storedFile: StoredFile;
  /**
   * Made by the renderer before the OCR job is queued (a new id, or the host's inbox entry id):
   * the ImportRecord's primary key and the job id the host is asked to use, so the record exists
   * before its job and a second recording of the same hand-off finds it.
   */
  importId: string;
  /** Defaults to the file name without extension. */
  title?: string;
  /**
   * The pages join one document of a batch (a scan): created with this id and title by the
   * batch's first recorded page; later pages are appended after its pages. (The inbox lists a
   * scan's pages in scan order and every window records them in list order, so appending keeps
   * scan order.)
   */
  batch?: { documentId: string; title: string };
  /** A scanned page judged blank: recorded but left out of the dossier until restored. */
  leftOut?: 'blank';
}

export interface ImportedDocument {
  document: CaseDocument;
  pages: Page[];
  record: ImportRecord;
}

function titleFromFileName(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, '')
      .normalize('NFC')
      .trim() || name
  );
}

/**
 * Creates the document, its pages (OCR queued, next folios) and the import record in one
 * transaction: a document appears with all its pages or not at all.
 */
export async function addImportedDocument(
  input: ImportedDocumentInput,
  db: HosoDb = getDb(),
): Promise<ImportedDocument> {
  const { caseId, volumeId, storedFile, importId, batch } = input;
  if (storedFile.pages.length === 0)
    throw new DbError('INVALID_INPUT', `${storedFile.name} has no pages`, storedFile.name);
  return guard(() =>
    db.transaction('rw', [db.cases, db.volumes, db.documents, db.pages, db.imports], async () => {
      const v = await db.volumes.get(volumeId);
      if (!v || v.caseId !== caseId) throw notFound('Volume', volumeId);
      const now = nowIso();
      const joined = batch ? await db.documents.get(batch.documentId) : undefined;
      const last = await db.documents
        .where('[volumeId+order]')
        .between([volumeId, -Infinity], [volumeId, Infinity])
        .last();
      const document: CaseDocument = joined ?? {
        id: batch?.documentId ?? newId(),
        caseId,
        volumeId,
        order: last ? last.order + 1 : 0,
        type: 'khac',
        title: (batch?.title ?? input.title)?.normalize('NFC').trim() || titleFromFileName(storedFile.name),
        createdAt: now,
        updatedAt: now,
      };
      const firstOrder = joined ? await db.pages.where('documentId').equals(joined.id).count() : 0;
      const pages: Page[] = storedFile.pages.map((fp, i) => ({
        id: newId(),
        caseId,
        documentId: document.id,
        order: firstOrder + i,
        fileHash: storedFile.hash,
        filePage: fp.index,
        fileName: storedFile.name,
        fileSize: storedFile.size,
        widthPx: fp.widthPx,
        heightPx: fp.heightPx,
        dpi: fp.dpi,
        rotation: 0,
        ocrStatus: 'queued',
        importId,
        ...(input.leftOut ? { leftOut: input.leftOut } : {}),
      }));
      const record: ImportRecord = {
        id: importId,
        caseId,
        documentId: document.id,
        volumeId: document.volumeId,
        fileHash: storedFile.hash,
        fileName: storedFile.name,
        pageCount: pages.length,
        state: 'queued',
        createdAt: now,
        updatedAt: now,
      };
      if (joined) await db.documents.update(document.id, { updatedAt: now });
      else await db.documents.add(document);
      await db.pages.bulkAdd(pages);
      // add, not put: an import recorded twice aborts the whole transaction instead of doubling it.
      await db.imports.add(record);
      await applyFolios(db, caseId, 'append');
      await db.cases.update(caseId, { updatedAt: now });
      return {
        document,
        pages: await db.pages.bulkGet(pages.map((p) => p.id)).then((ps) => ps as Page[]),
        record,
      };
    }),
  );
}

/** Pages of a case already imported from the same file (same SHA-256): the UI asks before importing again. */
export async function findPagesByFileHash(
  caseId: string,
  hash: string,
  db: HosoDb = getDb(),
): Promise<Page[]> {
  return (await db.pages.where('fileHash').equals(hash).toArray()).filter((p) => p.caseId === caseId);
}

/** Mirrors the host job's state (running / cancelled / queued again on retry) onto the record and its pages. */
export async function setImportState(
  jobId: string,
  state: ImportRecord['state'],
  db: HosoDb = getDb(),
): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.imports, db.pages], async () => {
      const r = await db.imports.get(jobId);
      if (!r) throw notFound('Import', jobId);
      await db.imports.update(jobId, {
        state,
        updatedAt: nowIso(),
        ...(state === 'failed' ? {} : { error: undefined }),
      });
      const pageStatus =
        state === 'running'
          ? 'running'
          : state === 'queued'
            ? 'queued'
            : state === 'cancelled'
              ? 'none'
              : undefined;
      if (pageStatus) {
        await db.pages
          .where('importId')
          .equals(jobId)
          .filter((p) => p.ocrStatus !== 'done')
          .modify({ ocrStatus: pageStatus });
      }
    }),
  );
}

export async function markImportFailed(jobId: string, error: HostError, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.imports, db.pages], async () => {
      const r = await db.imports.get(jobId);
      if (!r) throw notFound('Import', jobId);
      await db.imports.update(jobId, { state: 'failed', error, updatedAt: nowIso() });
      await db.pages
        .where('importId')
        .equals(jobId)
        .filter((p) => p.ocrStatus !== 'done')
        .modify({ ocrStatus: 'failed' });
    }),
  );
}

export async function getImport(id: string, db: HosoDb = getDb()): Promise<ImportRecord | undefined> {
  return db.imports.get(id);
}

export async function listImports(caseId: string, db: HosoDb = getDb()): Promise<ImportRecord[]> {
  return (await db.imports.where('caseId').equals(caseId).toArray()).sort((a, b) =>
    a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * Stores a finished OCR job: every page's words, status 'done', the search index, and metadata
 * detected on the document's first page (only fields the user has not edited and still empty).
 * One transaction: search never sees half a job.
 */
export async function applyOcrResult(
  jobId: string,
  result: OcrWordsFile,
  db: HosoDb = getDb(),
): Promise<void> {
  const parsed = OcrWordsFileSchema.safeParse(result);
  if (!parsed.success) throw new DbError('INVALID_INPUT', `OCR result of job ${jobId} is malformed`, jobId);
  const file = parsed.data;
  const stored: PageText[] = [];
  await guard(() =>
    db.transaction(
      'rw',
      [db.imports, db.documents, db.pages, db.pageTexts, db.terms, db.searchMeta],
      async () => {
        const record = await db.imports.get(jobId);
        if (!record) throw notFound('Import', jobId);
        const pages = await db.pages.where('importId').equals(jobId).toArray();
        const byFilePage = new Map(pages.map((p) => [p.filePage, p]));
        const texts: PageText[] = [];
        for (const ocr of file.pages) {
          const page = byFilePage.get(ocr.source.page) ?? byFilePage.get(ocr.index);
          if (!page) continue; // the user deleted this page while OCR ran
          const wordCount = ocr.blocks.reduce(
            (n, b) => n + b.lines.reduce((m, l) => m + l.words.length, 0),
            0,
          );
          const existing = await db.pageTexts.get(page.id);
          texts.push({ pageId: page.id, caseId: page.caseId, ocr, corrections: existing?.corrections ?? [] });
          await db.pages.update(page.id, {
            ocrStatus: 'done',
            meanConfidence: ocr.meanConfidence,
            wordCount,
            textOrigin: ocr.origin,
            ocrFrame: {
              widthPx: ocr.widthPx,
              heightPx: ocr.heightPx,
              dpi: ocr.dpi,
              rotation: ocr.rotation,
              deskewDeg: ocr.deskewDeg,
            },
          });
        }
        // Index first: it reads the old texts (a retried job) to drop their postings, and numbers the pages.
        await db.pageTexts.bulkPut(await indexPageTexts(db, texts));
        await db.imports.update(jobId, { state: 'done', error: undefined, updatedAt: nowIso() });
        await prefillMetadata(db, record.documentId, texts);
        stored.push(...texts);
      },
    ),
  );
  // After the commit: the dossier reader reads these pages (a retried job's new words too).
  if (stored.length)
    announceTextChange(
      db,
      stored[0].caseId,
      stored.map((t) => t.pageId),
    );
}

const DETECTED_FIELDS: DocumentMetadataField[] = ['type', 'number', 'date', 'issuer', 'title'];

async function prefillMetadata(db: HosoDb, documentId: string, texts: PageText[]): Promise<void> {
  const doc = await db.documents.get(documentId);
  if (!doc) return;
  const first = await db.pages
    .where('[documentId+order]')
    .between([documentId, -Infinity], [documentId, Infinity])
    .first();
  const text =
    texts.find((t) => t.pageId === first?.id) ?? (first ? await db.pageTexts.get(first.id) : undefined);
  if (!text) return;
  const found = detectMetadata(pageLines(text.ocr, text.corrections));
  const edited = new Set(doc.editedFields ?? []);
  const patch: Partial<CaseDocument> = {};
  for (const field of DETECTED_FIELDS) {
    const value = found[field];
    // Only what the user typed is kept; defaults (file name, 'khac') and earlier detections are replaced.
    if (value && !edited.has(field)) (patch as Record<string, unknown>)[field] = value;
  }
  if (Object.keys(patch).length) await db.documents.update(documentId, { ...patch, updatedAt: nowIso() });
}

/**
 * "Khôi phục": a page left out as blank goes back into the dossier, with the next folio, and its
 * text (if OCR has run) into the search index.
 */
export async function restoreLeftOutPage(pageId: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction(
      'rw',
      [db.cases, db.volumes, db.documents, db.pages, db.pageTexts, db.terms, db.searchMeta],
      async () => {
        const page = await db.pages.get(pageId);
        if (!page) throw notFound('Page', pageId);
        if (!page.leftOut) return;
        await db.pages.update(pageId, { leftOut: undefined });
        await indexRestoredPages(db, [pageId]);
        await applyFolios(db, page.caseId, 'append');
        await db.cases.update(page.caseId, { updatedAt: nowIso() });
      },
    ),
  );
}

/**
 * Takes back an import whose OCR job could not be queued (the host refused it): its pages, its
 * record, and its document when no other page is left in it. The pages have no text yet.
 */
export async function discardImport(importId: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.documents, db.pages, db.imports], async () => {
      const record = await db.imports.get(importId);
      if (!record) return;
      await db.pages.where('importId').equals(importId).delete();
      await db.imports.delete(importId);
      if ((await db.pages.where('documentId').equals(record.documentId).count()) === 0)
        await db.documents.delete(record.documentId);
    }),
  );
}
