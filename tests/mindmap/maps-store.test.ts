import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTemplate, readStoredModel, removeElements } from '@hoso/mindmap';
import { HosoDb } from '../../renderer/src/db/schema';
import {
  createMap,
  deleteMap,
  describeDbError,
  getMap,
  listCaseMaps,
  renameMap,
  saveMapModel,
} from '../../renderer/src/db';
import { FACTS, seqIds } from './fixtures';

let db: HosoDb;
beforeEach(() => {
  db = new HosoDb(`maps-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('maps in Dexie', () => {
  it('creates, saves every change, renames and deletes a map', async () => {
    const model = buildTemplate('evidence', FACTS, seqIds());
    const rec = await createMap('case-1', '  Đánh giá chứng cứ ', model, db);
    expect(rec.name).toBe('Đánh giá chứng cứ');
    const edited = removeElements(model, [model.nodes[0].id]);
    await saveMapModel(rec.id, edited, db);
    const back = await getMap(rec.id, db);
    expect(readStoredModel(back?.model)).toEqual(edited);
    expect(back!.updatedAt >= rec.updatedAt).toBe(true);
    await renameMap(rec.id, 'Diễn biến', db);
    expect((await getMap(rec.id, db))?.name).toBe('Diễn biến');
    await deleteMap(rec.id, db);
    expect(await getMap(rec.id, db)).toBeUndefined();
  });

  it('saving a map that was deleted fails instead of recreating half a record', async () => {
    const rec = await createMap('case-1', 'x', buildTemplate('empty', FACTS), db);
    await deleteMap(rec.id, db);
    await expect(saveMapModel(rec.id, buildTemplate('empty', FACTS), db)).rejects.toThrow();
    expect(await db.maps.count()).toBe(0);
  });
});

describe('a damaged map', () => {
  it('is listed (to be deleted) but opening it is a DAMAGED_RECORD with a Vietnamese message', async () => {
    const rec = await createMap('case-1', 'Diễn biến', buildTemplate('empty', FACTS), db);
    await db.maps.update(rec.id, { model: { nodes: 'nope' } as never });
    expect(await listCaseMaps('case-1', db)).toEqual([
      expect.objectContaining({ id: rec.id, name: 'Diễn biến', damaged: true, nodeCount: 0 }),
    ]);
    const error = await getMap(rec.id, db).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DAMAGED_RECORD' });
    expect(describeDbError(error)).toMatch(/^Dữ liệu đã lưu bị hỏng .*\(sơ đồ «Diễn biến»\)$/);
    await deleteMap(rec.id, db);
    expect(await listCaseMaps('case-1', db)).toEqual([]);
  });
});
