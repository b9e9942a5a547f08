import { describe, expect, it } from 'vitest';
import { emptyMap, type MapModel } from '@hoso/mindmap';
import {
  addImportedDocument,
  applyOcrResult,
  bundleFileHashes,
  correctWord,
  createCase,
  effectiveWords,
  exportCaseData,
  getPageText,
  importCaseData,
  listCases,
  listVolumes,
  searchPages,
  updateDocument,
  type HosoDb,
} from '../../renderer/src/db';
import { freshDb, storedFile, wordsFile } from './fixtures';

async function sample(db: HosoDb) {
  const c = await createCase(
    { number: '45/2025', name: 'Lừa đảo', defendants: [{ name: 'Ma Văn Khánh', role: 'bi-can' }] },
    db,
  );
  const [v1] = await listVolumes(c.id, db);
  const { document, pages } = await addImportedDocument(
    { caseId: c.id, volumeId: v1.id, storedFile: storedFile('cao-trang.pdf', 2), importId: 'j1' },
    db,
  );
  await applyOcrResult(
    'j1',
    wordsFile(['CÁO TRẠNG\n\nbị can Ma Văn Khánh', 'chuyển khoản 120.000.000 đồng']),
    db,
  );
  await updateDocument(document.id, { title: 'Cáo trạng số 45' }, db);
  const w = effectiveWords(await getPageText(pages[1].id, db)).find((x) => x.text === 'đồng')!;
  await correctWord(pages[1].id, w, 'đồng.', db);
  await db.maps.add({
    id: 'map-1',
    caseId: c.id,
    name: 'Sơ đồ',
    updatedAt: '',
    // An evidence node pointing at a page: a copy with fresh ids must point at the copy's page.
    model: {
      ...emptyMap(),
      nodes: [
        {
          id: 'n1',
          kind: 'evidence',
          x: 0,
          y: 0,
          title: 'Cáo trạng',
          link: { kind: 'page', pageId: pages[0].id },
          stance: 'for',
        },
      ],
    } satisfies MapModel,
  });
  return { c, document, pages };
}

describe('case bundle data', () => {
  it('round-trips through JSON into a fresh database, search rebuilt', async () => {
    const src = freshDb();
    const { c, pages } = await sample(src);
    const data = await exportCaseData(c.id, src);
    expect(data.schemaVersion).toBe(1);
    expect(bundleFileHashes(data)).toHaveLength(1);
    const json = JSON.parse(JSON.stringify(data));
    const dst = freshDb();
    const r = await importCaseData(json, {}, dst);
    expect(r).toEqual({ caseId: c.id, renamedIds: false, pages: 2 });
    expect(await exportCaseData(c.id, dst)).toEqual({ ...data, exportedAt: expect.any(String) });
    expect((await searchPages({ query: 'ma van khanh' }, dst)).hits.map((h) => h.pageId)).toEqual([
      pages[0].id,
    ]);
    // The correction travelled too.
    expect((await getPageText(pages[1].id, dst))!.corrections).toHaveLength(1);
  });

  it('imports a second copy with fresh ids (references inside maps follow) or rejects it', async () => {
    const db = freshDb();
    const { c, pages } = await sample(db);
    const data = await exportCaseData(c.id, db);
    await expect(importCaseData(data, { onConflict: 'reject' }, db)).rejects.toMatchObject({
      code: 'CASE_EXISTS',
    });
    const r = await importCaseData(data, { onConflict: 'new-ids' }, db);
    expect(r.renamedIds).toBe(true);
    expect(r.caseId).not.toBe(c.id);
    const copy = await exportCaseData(r.caseId, db);
    expect(copy.case.name).toBe('Lừa đảo (bản sao)');
    expect(copy.pages.map((p) => p.id)).not.toContain(pages[0].id);
    expect(copy.maps[0].model.nodes[0]).toMatchObject({
      link: { kind: 'page', pageId: copy.pages.find((p) => p.filePage === 0)!.id },
    });
    expect((await listCases({}, db)).length).toBe(2);
    expect((await searchPages({ query: 'khanh', caseId: r.caseId }, db)).total).toBe(1);
    expect((await searchPages({ query: 'khanh' }, db)).total).toBe(2);
  });

  it('rejects malformed or dangling data with INVALID_BUNDLE and writes nothing', async () => {
    const db = freshDb();
    const { c } = await sample(db);
    const data = await exportCaseData(c.id, db);
    const dst = freshDb();
    await expect(importCaseData({ ...data, pages: 'x' }, {}, dst)).rejects.toMatchObject({
      code: 'INVALID_BUNDLE',
    });
    const dangling = { ...data, pages: data.pages.map((p) => ({ ...p, documentId: 'missing' })) };
    await expect(importCaseData(dangling, {}, dst)).rejects.toMatchObject({ code: 'INVALID_BUNDLE' });
    // A map model that would not open (a hostile or damaged bundle) is refused, not stored.
    const badMap = { ...data, maps: [{ ...data.maps[0], model: { nodes: [{ pageId: 'x' }] } }] };
    await expect(importCaseData(badMap, {}, dst)).rejects.toMatchObject({
      code: 'INVALID_BUNDLE',
      message: expect.stringContaining('maps.0.model'),
    });
    await expect(importCaseData({ ...data, schemaVersion: 99 }, {}, dst)).rejects.toMatchObject({
      code: 'UNSUPPORTED_BUNDLE_VERSION',
    });
    expect(await dst.cases.count()).toBe(0);
    expect(await dst.pages.count()).toBe(0);
  });
});
