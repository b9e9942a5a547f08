import { useLiveQuery } from 'dexie-react-hooks';
import type { MapModel } from '@hoso/mindmap';
import { getDb, type HosoDb, type MapRecord } from '../../../db';
import { guard } from '../../../db/errors';

/**
 * The case's maps in Dexie (`maps` store). Every write is one transaction: a map is either saved
 * whole or not at all. Errors surface as DbError values (see db/errors.ts) the UI describes.
 */

export function useCaseMaps(caseId: string): MapRecord[] | undefined {
  return useLiveQuery(
    () =>
      getDb()
        .maps.where('caseId')
        .equals(caseId)
        .toArray()
        .then((maps) => maps.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
    [caseId],
  );
}

export async function createMap(
  caseId: string,
  name: string,
  model: MapModel,
  db: HosoDb = getDb(),
): Promise<MapRecord> {
  const record: MapRecord = {
    id: crypto.randomUUID(),
    caseId,
    name: name.normalize('NFC').trim() || 'Sơ đồ',
    updatedAt: new Date().toISOString(),
    model,
  };
  await guard(() => db.transaction('rw', db.maps, () => db.maps.add(record)));
  return record;
}

export async function renameMap(id: string, name: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.maps, () =>
      db.maps.update(id, { name: name.normalize('NFC').trim(), updatedAt: new Date().toISOString() }),
    ),
  );
}

export async function deleteMap(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() => db.transaction('rw', db.maps, () => db.maps.delete(id)));
}

export async function saveMapModel(id: string, model: MapModel, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.maps, async () => {
      const n = await db.maps.update(id, { model, updatedAt: new Date().toISOString() });
      if (!n) throw new Error(`map ${id} no longer exists`);
    }),
  );
}

export async function getMap(id: string, db: HosoDb = getDb()): Promise<MapRecord | undefined> {
  return db.maps.get(id);
}
