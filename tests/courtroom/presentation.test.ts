import { describe, expect, it } from 'vitest';
import {
  addExhibit,
  addMark,
  addRedaction,
  PresentationModelSchema,
  clearMarks,
  emptyPresentation,
  makeExhibit,
  moveExhibit,
  redactionsForStep,
  removeExhibit,
  resolveJump,
  saveMarkedStepAsExhibit,
  stepPosition,
  type PresentationModel,
} from '@hoso/domain';

function fixture(): PresentationModel {
  let m = emptyPresentation();
  m = addExhibit(m, makeExhibit({ source: { kind: 'page', pageId: 'p12' }, folio: 12 }, 'a', 1));
  m = addExhibit(
    m,
    makeExhibit(
      {
        source: { kind: 'document', documentId: 'd1' },
        folio: 40,
        stepFolios: [40, 41, 42],
        title: 'Lời khai',
      },
      'b',
      2,
    ),
  );
  m = addExhibit(m, makeExhibit({ source: { kind: 'map', mapId: 'm1' }, title: 'Diễn biến vụ án' }, 'c', 3));
  m = addExhibit(
    m,
    makeExhibit({ source: { kind: 'image', fileHash: 'f', filePage: 0, name: 'anh.jpg' } }, 'd', 4),
  );
  return m;
}

describe('presentation model', () => {
  it('labels exhibits from their folio, document range or title', () => {
    const m = fixture();
    expect(m.exhibits.map((e) => e.label)).toEqual([
      'BL 12',
      'BL 40–42 · Lời khai',
      'Diễn biến vụ án',
      'Vật chứng số 4',
    ]);
    const region = makeExhibit(
      { source: { kind: 'region', pageId: 'p', region: [0, 0, 1, 1] }, folio: 7 },
      'r',
      1,
    );
    expect(region.label).toBe('BL 7 (trích)');
    const oneSheet = { kind: 'document' as const, documentId: 'd2' };
    expect(
      makeExhibit({ source: oneSheet, folio: 5, stepFolios: [5], title: 'Cáo trạng' }, 'y', 1).label,
    ).toBe('BL 5 · Cáo trạng');
    expect(
      makeExhibit({ source: { kind: 'page', pageId: 'p' }, folio: 3, label: '  Vật chứng số 3 ' }, 'x', 1)
        .label,
    ).toBe('Vật chứng số 3');
  });

  it('reorders, inserts and removes exhibits', () => {
    const m = fixture();
    expect(moveExhibit(m, 0, 2).exhibits.map((e) => e.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveExhibit(m, 3, 0).exhibits.map((e) => e.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveExhibit(m, 1, 99).exhibits.map((e) => e.id)).toEqual(['a', 'c', 'd', 'b']);
    expect(moveExhibit(m, 9, 0)).toBe(m);
    const inserted = addExhibit(m, makeExhibit({ source: { kind: 'page', pageId: 'x' } }, 'x', 5), 1);
    expect(inserted.exhibits.map((e) => e.id)).toEqual(['a', 'x', 'b', 'c', 'd']);
    expect(removeExhibit(m, 'b').exhibits.map((e) => e.id)).toEqual(['a', 'c', 'd']);
    // The original is never mutated (it may be the object Dexie handed us).
    expect(m.exhibits.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('one rule: number + Enter is that exhibit, number + B that folio (also inside a document)', () => {
    const m = fixture();
    expect(resolveJump(m, '12', 'folio')).toEqual({ index: 0, step: 0 });
    expect(resolveJump(m, '41', 'folio')).toEqual({ index: 1, step: 1 });
    expect(resolveJump(m, '3', 'exhibit')).toEqual({ index: 2, step: 0 });
    expect(resolveJump(m, '4', 'exhibit')).toEqual({ index: 3, step: 0 });
    expect(resolveJump(m, '5', 'exhibit')).toBeNull();
    expect(resolveJump(m, '0', 'exhibit')).toBeNull();
    expect(resolveJump(m, '', 'exhibit')).toBeNull();
    // Never the other kind as a fallback: a number means one thing (issue 9: "3" meant BL 3).
    expect(resolveJump(m, '12', 'exhibit')).toBeNull();
    expect(resolveJump(m, '2', 'folio')).toBeNull();
    expect(resolveJump(m, '1', 'exhibit')).toEqual({ index: 0, step: 0 });
  });

  it('steps through the pages of a document before moving on', () => {
    const steps = (i: number) => (i === 1 ? 3 : 1);
    let pos = { index: 0, step: 0 };
    const seen: string[] = [];
    for (let k = 0; k < 6; k++) {
      pos = stepPosition(pos, 1, 4, steps);
      seen.push(`${pos.index}.${pos.step}`);
    }
    expect(seen).toEqual(['1.0', '1.1', '1.2', '2.0', '3.0', '3.0']);
    expect(stepPosition({ index: 2, step: 0 }, -1, 4, steps)).toEqual({ index: 1, step: 2 });
    expect(stepPosition({ index: 0, step: 0 }, -1, 4, steps)).toEqual({ index: 0, step: 0 });
  });

  it('keeps marks and redactions per exhibit and step; Esc clears marks but never redactions', () => {
    let m = fixture();
    const stroke = (id: string, step: number) => ({
      id,
      tool: 'pen' as const,
      color: '#d00',
      width: 0.004,
      points: [
        [0.1, 0.1],
        [0.2, 0.2],
      ] as Array<[number, number]>,
      step,
    });
    m = addMark(m, 'b', stroke('m0', 0));
    m = addMark(m, 'b', stroke('m1', 1));
    m = addRedaction(m, 'b', { id: 'r1', box: [0.6, 0.5, 0.2, 0.4], step: 1 });
    const b = m.exhibits[1];
    expect(b.marks).toHaveLength(2);
    expect(m.exhibits[0].marks).toHaveLength(0);
    expect(redactionsForStep(b, 1)[0].box).toEqual([0.2, 0.4, 0.6, 0.5]);
    expect(redactionsForStep(b, 0)).toHaveLength(0);
    m = clearMarks(m, 'b', 1);
    expect(m.exhibits[1].marks.map((x) => x.id)).toEqual(['m0']);
    expect(m.exhibits[1].redactions).toHaveLength(1);
  });

  it('saves a marked document page as a new page exhibit right after it', () => {
    let m = fixture();
    m = addMark(m, 'b', {
      id: 'm',
      tool: 'highlighter',
      color: '#ff0',
      width: 0.02,
      points: [[0, 0]],
      step: 2,
    });
    m = addRedaction(m, 'b', { id: 'r', box: [0.1, 0.1, 0.3, 0.2], step: 2 });
    m = saveMarkedStepAsExhibit(m, 'b', 2, 'b2', 'p42');
    const copy = m.exhibits[2];
    expect(copy.id).toBe('b2');
    expect(copy.source).toEqual({ kind: 'page', pageId: 'p42' });
    expect(copy.label).toBe('BL 42 (đã đánh dấu)');
    expect(copy.marks.map((x) => x.step)).toEqual([0]);
    expect(copy.redactions.map((x) => x.step)).toEqual([0]);
    expect(resolveJump(m, '42', 'folio')).toEqual({ index: 1, step: 2 });
  });

  it('parses a stored model: later fields default, a foreign model does not parse', () => {
    expect(PresentationModelSchema.safeParse(undefined).success).toBe(false);
    expect(PresentationModelSchema.safeParse({ version: 2, exhibits: [] }).success).toBe(false);
    expect(PresentationModelSchema.parse(emptyPresentation())).toEqual(emptyPresentation());
    const m = PresentationModelSchema.parse({
      version: 1,
      exhibits: [{ id: 'a', label: 'x', source: { kind: 'page', pageId: 'p' } }],
    });
    expect(m.exhibits[0]).toMatchObject({ notes: '', marks: [], redactions: [], stamp: false });
  });
});
