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
  /** Revision of the text read (`entityRevisionOf`): another one means read the page again. */
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

export async function listEntityPages(caseId: string, db: HosoDb = getDb()): Promise<EntityPageRecord[]> {
  return db.entityPages.where('caseId').equals(caseId).toArray();
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
