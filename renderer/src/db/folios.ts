import { assignFolios as computeFolios, folioRange, type FolioMode } from '@hoso/domain';
import { getDb, type HosoDb } from './schema';
import { guard } from './errors';

/** Writes folios for a case; call inside a transaction over volumes, documents and pages. */
export async function applyFolios(db: HosoDb, caseId: string, mode: FolioMode): Promise<number> {
  const [volumes, documents, pages] = await Promise.all([
    db.volumes.where('caseId').equals(caseId).toArray(),
    db.documents.where('caseId').equals(caseId).toArray(),
    db.pages.where('caseId').equals(caseId).toArray(),
  ]);
  // Pages left out of the dossier (scanned blanks) take no folio until restored.
  const folios = computeFolios(
    volumes,
    documents,
    pages.filter((p) => !p.leftOut),
    mode,
  );
  let changed = 0;
  for (const p of pages) {
    const folio = folios.get(p.id);
    if (folio !== undefined && folio !== p.folio) {
      await db.pages.update(p.id, { folio });
      changed++;
    }
  }
  return changed;
}

/**
 * Gives every page without a folio the next numbers in dossier order; pages already numbered keep
 * theirs (folios may already be stamped on paper). Returns how many pages changed.
 */
export async function assignFolios(caseId: string, db: HosoDb = getDb()): Promise<number> {
  return guard(() =>
    db.transaction('rw', [db.volumes, db.documents, db.pages], () => applyFolios(db, caseId, 'append')),
  );
}

/** Renumbers the whole dossier 1..N: volumes → documents → pages, in their current order. */
export async function renumberFolios(caseId: string, db: HosoDb = getDb()): Promise<number> {
  return guard(() =>
    db.transaction('rw', [db.volumes, db.documents, db.pages], () => applyFolios(db, caseId, 'renumber')),
  );
}

/** First and last folio of a document (for the mục lục), or undefined when it has no numbered page. */
export async function documentFolioRange(
  documentId: string,
  db: HosoDb = getDb(),
): Promise<{ first: number; last: number } | undefined> {
  return folioRange(await db.pages.where('documentId').equals(documentId).toArray());
}
