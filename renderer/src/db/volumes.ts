import type { Volume } from '@hoso/domain';
import { getDb, type HosoDb } from './schema';
import { DbError, guard, notFound } from './errors';
import { newId } from './ids';

/** The two volumes every new case starts with. */
export const DEFAULT_VOLUME_NAMES = ['Tập 1 — Tài liệu tố tụng', 'Tập 2 — Chứng cứ'];

export async function listVolumes(caseId: string, db: HosoDb = getDb()): Promise<Volume[]> {
  return db.volumes.where('[caseId+order]').between([caseId, -Infinity], [caseId, Infinity]).toArray();
}

export async function createVolume(caseId: string, name: string, db: HosoDb = getDb()): Promise<Volume> {
  return guard(() =>
    db.transaction('rw', [db.cases, db.volumes], async () => {
      if (!(await db.cases.get(caseId))) throw notFound('Case', caseId);
      const existing = await listVolumes(caseId, db);
      const v: Volume = {
        id: newId(),
        caseId,
        order: existing.length ? existing[existing.length - 1].order + 1 : 0,
        name: name.normalize('NFC').trim() || `Tập ${existing.length + 1}`,
      };
      await db.volumes.add(v);
      return v;
    }),
  );
}

export async function renameVolume(id: string, name: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.volumes, async () => {
      const n = await db.volumes.update(id, { name: name.normalize('NFC').trim() });
      if (n === 0) throw notFound('Volume', id);
    }),
  );
}

/** Sets the volumes' order to that of `ids` (which must list all of the case's volumes). */
export async function reorderVolumes(caseId: string, ids: string[], db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', db.volumes, async () => {
      const existing = await listVolumes(caseId, db);
      const known = new Set(existing.map((v) => v.id));
      if (ids.length !== known.size || !ids.every((id) => known.has(id))) {
        throw new DbError('INVALID_INPUT', 'reorderVolumes needs every volume of the case exactly once');
      }
      await Promise.all(ids.map((id, order) => db.volumes.update(id, { order })));
    }),
  );
}

/** Deletes an empty volume; a volume still holding documents throws VOLUME_NOT_EMPTY. */
export async function deleteVolume(id: string, db: HosoDb = getDb()): Promise<void> {
  await guard(() =>
    db.transaction('rw', [db.volumes, db.documents], async () => {
      const v = await db.volumes.get(id);
      if (!v) throw notFound('Volume', id);
      const docs = await db.documents.where('volumeId').equals(id).count();
      if (docs > 0)
        throw new DbError('VOLUME_NOT_EMPTY', `Volume "${v.name}" holds ${docs} documents`, v.name);
      await db.volumes.delete(id);
    }),
  );
}
