import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostBridge } from '@hoso/contracts';
import type { Page } from '@hoso/domain';
import { setBridgeForTests } from '../../renderer/src/bridge';
import { HosoDb, setDb } from '../../renderer/src/db/schema';
import { adhocFromLink, draftFromRef, rotateBox } from '../../renderer/src/features/courtroom/data/drafts';
import {
  forgetResolvedContent,
  resolveStep,
  stepCountOf,
} from '../../renderer/src/features/courtroom/data/exhibitContent';
import { addRefToPresentation } from '../../renderer/src/features/courtroom/data/presentations';
import {
  changePresentation,
  createPresentation,
  describeDbError,
  loadPresentation,
  listPresentations,
} from '../../renderer/src/db';
import { removeExhibit } from '@hoso/domain';

let db: HosoDb;

function page(id: string, folio: number, order: number, extra: Partial<Page> = {}): Page {
  return {
    id,
    caseId: 'c1',
    documentId: 'd1',
    order,
    folio,
    fileHash: 'a'.repeat(64),
    filePage: order,
    fileName: 'ket-luan.tif',
    widthPx: 2480,
    heightPx: 3508,
    rotation: 0,
    ocrStatus: 'done',
    ...extra,
  };
}

beforeEach(async () => {
  db = new HosoDb(`courtroom-${Math.random()}`);
  setDb(db);
  forgetResolvedContent();
  setBridgeForTests({
    pageImageUrl: (hash: string, n: number) => `/img/${hash.slice(0, 4)}/${n}`,
  } as HostBridge);
  await db.documents.add({
    id: 'd1',
    caseId: 'c1',
    volumeId: 'v1',
    order: 0,
    type: 'ket-luan',
    title: 'Kết luận giám định',
    createdAt: '2026-01-01',
  });
  await db.pages.bulkAdd([page('p3', 3, 0), page('p4', 4, 1, { rotation: 90 })]);
});

afterEach(async () => {
  setBridgeForTests(undefined);
  setDb(null);
  db.close();
  await db.delete();
});

describe('exhibits from the dossier', () => {
  it('turns a viewer region in OCR pixels into a normalized box of the upright page', async () => {
    const draft = await draftFromRef({
      kind: 'region',
      caseId: 'c1',
      pageId: 'p3',
      region: [248, 351, 1240, 702],
    });
    expect(draft?.folio).toBe(3);
    const [x0, y0, x1, y1] = draft!.source.kind === 'region' ? draft!.source.region : [0, 0, 0, 0];
    expect([x0, y0, x1, y1].map((n) => Number(n.toFixed(3)))).toEqual([0.1, 0.1, 0.5, 0.2]);
    // The user turned page 4 a quarter clockwise: the box turns with it.
    const turned = await draftFromRef({
      kind: 'region',
      caseId: 'c1',
      pageId: 'p4',
      region: [248, 351, 1240, 702],
    });
    const r = turned!.source.kind === 'region' ? turned!.source.region : [0, 0, 0, 0];
    expect(r.map((n) => Number(n.toFixed(3)))).toEqual([0.8, 0.1, 0.9, 0.5]);
    const back = rotateBox(rotateBox([0.1, 0.2, 0.3, 0.4], 90), 270);
    expect(back.map((n) => Number(n.toFixed(6)))).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('adds a whole document that steps through its pages, and jumps into it by folio', async () => {
    const list = await createPresentation('c1', 'Phiên tòa 12/3');
    expect(await addRefToPresentation(list.id, { kind: 'document', caseId: 'c1', documentId: 'd1' })).toBe(
      true,
    );
    expect(await addRefToPresentation(list.id, { kind: 'page', caseId: 'c1', pageId: 'gone' })).toBe(false);
    const model = (await loadPresentation(list.id))!.model;
    expect(model.exhibits).toHaveLength(1);
    const doc = model.exhibits[0];
    expect(doc.label).toBe('BL 3–4 · Kết luận giám định');
    expect(doc.stepFolios).toEqual([3, 4]);
    expect(await stepCountOf(doc.source)).toBe(2);
    const second = await resolveStep(doc.source, 1);
    expect(second).toMatchObject({ kind: 'image', url: `/img/aaaa/1`, rotation: 90, folio: 4 });
    // A deleted page reports itself instead of showing another page.
    await db.pages.delete('p3');
    forgetResolvedContent();
    expect(await resolveStep({ kind: 'page', pageId: 'p3' }, 0)).toEqual({ kind: 'missing', reason: 'page' });
  });

  it('changes a list in one transaction and returns null for a deleted list', async () => {
    const list = await createPresentation('c1', '');
    expect(list.name).toBe('Danh mục trình chiếu');
    await addRefToPresentation(list.id, { kind: 'page', pageId: 'p3' });
    const after = await changePresentation(list.id, (m) => removeExhibit(m, m.exhibits[0].id));
    expect(after?.exhibits).toEqual([]);
    await db.presentations.delete(list.id);
    expect(await changePresentation(list.id, (m) => m)).toBeNull();
  });

  it('a damaged list is listed and named, opens with a Vietnamese message, and is never written over', async () => {
    const list = await createPresentation('c1', 'Phiên tòa');
    const stored = (await db.presentations.get(list.id))!;
    await db.presentations.put({ ...stored, model: { version: 1, exhibits: [{ id: 'x' }] } as never });
    expect((await listPresentations('c1')).map((l) => l.name)).toEqual(['Phiên tòa']);
    const loaded = (await loadPresentation(list.id))!;
    expect(loaded.model.exhibits).toEqual([]);
    expect(loaded.damaged?.code).toBe('DAMAGED_RECORD');
    expect(describeDbError(loaded.damaged)).toMatch(/^Dữ liệu đã lưu bị hỏng .*\(danh mục «Phiên tòa»\)$/);
    await expect(changePresentation(list.id, (m) => m)).rejects.toMatchObject({ code: 'DAMAGED_RECORD' });
    expect((await db.presentations.get(list.id))!.model).toEqual({ version: 1, exhibits: [{ id: 'x' }] });
  });

  it('opens a map evidence link as an ad-hoc page with a callout on its region', async () => {
    const opened = await adhocFromLink(
      { kind: 'region', pageId: 'p3', region: [0, 0, 1240, 1754] },
      'Dao gấp',
    );
    expect(opened?.adhoc).toEqual({
      source: { kind: 'page', pageId: 'p3' },
      label: 'BL 3 · Dao gấp',
      folio: 3,
    });
    expect(opened?.callout).toEqual([0, 0, 0.5, 0.5]);
    expect(await adhocFromLink({ kind: 'page', pageId: 'nope' }, 'x')).toBeNull();
  });
});
