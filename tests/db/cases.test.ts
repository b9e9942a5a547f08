import { describe, expect, it } from 'vitest';
import type { MapModel } from '@hoso/mindmap';
import {
  createCase,
  createVolume,
  deleteCase,
  deleteVolume,
  listCases,
  listVolumes,
  purgeDeletedCases,
  renameVolume,
  reorderVolumes,
  restoreCase,
  updateCase,
  addImportedDocument,
  DbError,
  describeDbError,
} from '../../renderer/src/db';
import { freshDb, storedFile } from './fixtures';

describe('cases', () => {
  it('creates a case with the two default volumes', async () => {
    const db = freshDb();
    const c = await createCase({ number: '12/2025/HS', name: 'Trộm cắp xe máy' }, db);
    const vols = await listVolumes(c.id, db);
    expect(vols.map((v) => v.name)).toEqual(['Tập 1 — Tài liệu tố tụng', 'Tập 2 — Chứng cứ']);
    expect(c.stage).toBe('dieu-tra');
  });

  it('filters the list diacritic-insensitively on number, name, defendants and charges', async () => {
    const db = freshDb();
    await createCase(
      {
        number: '45/CT-VKSKV3',
        name: 'Lừa đảo qua Zalo',
        defendants: [{ name: 'Ma Văn Khánh', role: 'bi-can' }],
        charges: [{ article: 174, name: 'Lừa đảo chiếm đoạt tài sản' }],
        stage: 'truy-to',
      },
      db,
    );
    await createCase({ number: '127/QĐ', name: 'Trộm cắp tài sản', stage: 'dieu-tra' }, db);
    expect((await listCases({ text: 'lua dao' }, db)).map((c) => c.number)).toEqual(['45/CT-VKSKV3']);
    expect((await listCases({ text: 'van khanh' }, db)).length).toBe(1);
    expect((await listCases({ text: '174' }, db)).length).toBe(1);
    expect((await listCases({ text: 'TRỘM CẮP' }, db)).map((c) => c.number)).toEqual(['127/QĐ']);
    expect((await listCases({ stage: 'truy-to' }, db)).length).toBe(1);
    expect((await listCases({}, db)).length).toBe(2);
  });

  it('updates, soft-deletes, restores and purges with everything the case owns', async () => {
    const db = freshDb();
    const c = await createCase({ number: '1', name: 'A' }, db);
    const other = await createCase({ number: '2', name: 'B' }, db);
    const [v] = await listVolumes(c.id, db);
    await addImportedDocument(
      { caseId: c.id, volumeId: v.id, storedFile: storedFile('a.pdf', 2), importId: 'j1' },
      db,
    );
    await db.maps.add({
      id: 'm1',
      caseId: c.id,
      name: 'Sơ đồ',
      updatedAt: '',
      model: {} as unknown as MapModel,
    });

    const u = await updateCase(c.id, { prosecutor: 'Nguyễn Văn A' }, db);
    expect(u.prosecutor).toBe('Nguyễn Văn A');
    expect(u.updatedAt >= c.updatedAt).toBe(true);

    await deleteCase(c.id, db);
    expect((await listCases({}, db)).map((x) => x.id)).toEqual([other.id]);
    expect((await listCases({ onlyDeleted: true }, db)).map((x) => x.id)).toEqual([c.id]);
    await restoreCase(c.id, db);
    expect((await listCases({}, db)).length).toBe(2);

    await deleteCase(c.id, db);
    expect(await purgeDeletedCases(60_000, db)).toEqual([]); // deleted just now: kept for undo
    expect(await purgeDeletedCases(0, db)).toEqual([c.id]);
    expect(await db.cases.get(c.id)).toBeUndefined();
    for (const t of [db.volumes, db.documents, db.pages, db.imports, db.maps]) {
      expect(await t.where('caseId').equals(c.id).count()).toBe(0);
    }
    expect(await db.volumes.where('caseId').equals(other.id).count()).toBe(2);
  });

  it('rejects missing cases with NOT_FOUND', async () => {
    const db = freshDb();
    await expect(updateCase('nope', {}, db)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('volumes', () => {
  it('creates, renames, reorders; refuses to delete a volume holding documents', async () => {
    const db = freshDb();
    const c = await createCase({ number: '1', name: 'A' }, db);
    const v3 = await createVolume(c.id, 'Tập 3 — Tài liệu khác', db);
    expect(v3.order).toBe(2);
    await renameVolume(v3.id, 'Tập 3 — Đặc điểm nhân thân', db);
    const [v1, v2] = await listVolumes(c.id, db);
    await reorderVolumes(c.id, [v3.id, v1.id, v2.id], db);
    expect((await listVolumes(c.id, db)).map((v) => v.name)).toEqual([
      'Tập 3 — Đặc điểm nhân thân',
      'Tập 1 — Tài liệu tố tụng',
      'Tập 2 — Chứng cứ',
    ]);
    await expect(reorderVolumes(c.id, [v1.id], db)).rejects.toMatchObject({ code: 'INVALID_INPUT' });

    await addImportedDocument(
      { caseId: c.id, volumeId: v1.id, storedFile: storedFile('a.pdf', 1), importId: 'j' },
      db,
    );
    const err = await deleteVolume(v1.id, db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbError);
    expect((err as DbError).code).toBe('VOLUME_NOT_EMPTY');
    expect(describeDbError(err)).toMatch(/Tập này vẫn còn tài liệu/);
    await deleteVolume(v2.id, db);
    expect((await listVolumes(c.id, db)).length).toBe(2);
  });
});
