import type { PageText } from '@hoso/domain';
import type { Mention, PersonEdit } from '@hoso/entities';
import type { MapModel } from '@hoso/mindmap';
import { guard } from './errors';
import { getMap } from './maps';
import { getDb, type HosoDb } from './schema';

/**
 * Case intelligence in Dexie: what the dossier reader found on each page (a cache keyed by the
 * page's text version, so only new or corrected pages are read again), the user's merges and
 * splits of persons, and the prosecutor's decisions on map suggestions. Every write is one
 * transaction.
 */
export interface EntityPageRecord {
  pageId: string;
  caseId: string;
  documentId: string;
  /** Signature of the words read (OCR + corrections): a change means read the page again. */
  version: string;
  mentions: Mention[];
}

export type EntityEditRecord = PersonEdit & { caseId: string; createdAt: string };

export interface EntityDecisionRecord {
  /** `${mapId}|${suggestion key}` */
  id: string;
  caseId: string;
  mapId: string;
  key: string;
  decision: 'accepted' | 'rejected';
  decidedAt: string;
}

/**
 * Each text-bearing page of a case with its document and text version (`versionOf` hashes what a
 * reading depends on): what the reader watches to know which pages to read again.
 */
export async function casePageTextVersions(
  caseId: string,
  versionOf: (text: PageText, documentId: string) => string,
  db: HosoDb = getDb(),
): Promise<Map<string, { documentId: string; version: string }>> {
  const pages = await db.pages.where('caseId').equals(caseId).toArray();
  const docOf = new Map(pages.map((p) => [p.id, p.documentId]));
  const out = new Map<string, { documentId: string; version: string }>();
  await db.pageTexts
    .where('caseId')
    .equals(caseId)
    .each((t) => {
      const documentId = docOf.get(t.pageId);
      if (documentId) out.set(t.pageId, { documentId, version: versionOf(t, documentId) });
    });
  return out;
}

export async function listEntityPages(caseId: string, db: HosoDb = getDb()): Promise<EntityPageRecord[]> {
  return db.entityPages.where('caseId').equals(caseId).toArray();
}

/** Stores fresh readings and drops those of pages no longer in the case, in one transaction. */
export async function saveEntityPages(
  caseId: string,
  records: readonly EntityPageRecord[],
  livePageIds: ReadonlySet<string>,
  db: HosoDb = getDb(),
): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.entityPages, async () => {
      const stale = (await db.entityPages.where('caseId').equals(caseId).primaryKeys()).filter(
        (id) => !livePageIds.has(id),
      );
      if (stale.length) await db.entityPages.bulkDelete(stale);
      if (records.length) await db.entityPages.bulkPut([...records]);
    }),
  );
}

export async function listPersonEdits(caseId: string, db: HosoDb = getDb()): Promise<EntityEditRecord[]> {
  const edits = await db.entityEdits.where('caseId').equals(caseId).toArray();
  return edits.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function mergePersons(caseId: string, keys: string[], db: HosoDb = getDb()): Promise<void> {
  if (new Set(keys).size < 2) throw new Error('merge needs two persons or more');
  const record: EntityEditRecord = {
    id: crypto.randomUUID(),
    caseId,
    kind: 'merge',
    keys: [...keys],
    createdAt: new Date().toISOString(),
  };
  await guard(() => db.transaction('rw', db.entityEdits, () => db.entityEdits.add(record)));
}

export async function splitPerson(
  caseId: string,
  key: string,
  documentId: string,
  db: HosoDb = getDb(),
): Promise<void> {
  const record: EntityEditRecord = {
    id: crypto.randomUUID(),
    caseId,
    kind: 'split',
    key,
    documentId,
    createdAt: new Date().toISOString(),
  };
  await guard(() => db.transaction('rw', db.entityEdits, () => db.entityEdits.add(record)));
}

/** Undoes a merge (the "Tách" of a merged entry). */
export async function removePersonEdit(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() => db.transaction('rw', db.entityEdits, () => db.entityEdits.delete(id)));
}

export async function listDecisions(caseId: string, db: HosoDb = getDb()): Promise<EntityDecisionRecord[]> {
  return db.entityDecisions.where('caseId').equals(caseId).toArray();
}

/**
 * Accepting a suggestion adds its node to the map and records the decision in the same
 * transaction: the node is never added twice, never added without the prosecutor's click.
 */
export async function decideSuggestion(
  caseId: string,
  mapId: string,
  key: string,
  decision: EntityDecisionRecord['decision'],
  addToMap?: (model: MapModel) => MapModel,
  db: HosoDb = getDb(),
): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.entityDecisions, db.maps], async () => {
      const id = `${mapId}|${key}`;
      if (await db.entityDecisions.get(id)) return;
      if (decision === 'accepted' && addToMap) {
        const map = await getMap(mapId, db);
        if (!map || map.caseId !== caseId) throw new Error(`map ${mapId} no longer exists`);
        await db.maps.put({ ...map, model: addToMap(map.model), updatedAt: new Date().toISOString() });
      }
      await db.entityDecisions.put({ id, caseId, mapId, key, decision, decidedAt: new Date().toISOString() });
    }),
  );
}
