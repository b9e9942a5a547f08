import { describe, expect, it } from 'vitest';
import { aggregateEntities, applyPersonEdits, extractPage, pageWordsFromText } from '@hoso/entities';
import { buildTemplate, emptyMap, MapModelSchema, STANCE_TOPIC } from '@hoso/mindmap';
import {
  decideSuggestion,
  listDecisions,
  listPersonEdits,
  mergePersons,
  removePersonEdit,
  splitPerson,
} from '../../renderer/src/db/entities';
import {
  buildSuggestions,
  mapKindOf,
  withSuggestedNode,
} from '../../renderer/src/features/entities/suggestions';
import { freshDb } from './fixtures';

const entitiesOf = (...docs: string[]) =>
  aggregateEntities(docs.flatMap((text, i) => extractPage(pageWordsFromText(text, `p${i}`, `d${i}`))));

describe('person edits', () => {
  it('merges two entries, undoes the merge, splits a namesake off by document; stored in Dexie', async () => {
    const db = freshDb();
    const es = entitiesOf(
      'Bị can Ksor Y Phúc khai nhận.',
      'Bị can Ksor Y Phủc ký tên.',
      'Ông Ksor Y Phúc, trú tại buôn Ea Tu.',
    );
    const keys = es.filter((e) => e.kind === 'person').map((e) => e.key);
    // "Phủc" (a wrong tone mark, not a lost one) stays apart until the user merges it.
    expect(keys).toHaveLength(2);
    await mergePersons('c1', keys, db);
    let edits = await listPersonEdits('c1', db);
    const merged = applyPersonEdits(es, edits).filter((e) => e.kind === 'person');
    expect(merged).toHaveLength(1);
    expect(merged[0].documents.sort()).toEqual(['d0', 'd1', 'd2']);
    await removePersonEdit(edits[0].id, db);
    expect(await listPersonEdits('c1', db)).toEqual([]);
    const phuc = es.find((e) => e.kind === 'person' && e.documents.length === 2)!;
    await splitPerson('c1', phuc.key, 'd2', db);
    edits = await listPersonEdits('c1', db);
    const split = applyPersonEdits(es, edits).filter((e) => e.kind === 'person');
    expect(split).toHaveLength(3);
    expect(split.find((e) => e.splitFrom)?.documents).toEqual(['d2']);
    await expect(mergePersons('c1', [keys[0]], db)).rejects.toThrow();
  });
});

describe('map suggestions', () => {
  it('adds an accepted node once, linked to its page region; a rejection adds nothing', async () => {
    const db = freshDb();
    await db.maps.add({ id: 'm1', caseId: 'c1', name: 'Sơ đồ', updatedAt: '', model: emptyMap() });
    const es = entitiesOf(
      'Hồi 14 giờ 30 phút ngày 12/3/2024 bắt bị can Ksor Y Phúc, xe biển số 51K-888.12, thu 2.000.000 đồng.',
    );
    const suggestions = buildSuggestions(es, () => ({ folio: 7, label: 'BL 7' }));
    expect(suggestions.map((s) => s.group).sort()).toEqual(['event', 'evidence', 'evidence', 'person']);
    const plate = suggestions.find((s) => s.label.includes('51K-888.12'))!;
    const money = suggestions.find((s) => s.label.includes('2.000.000'))!;
    const add = (model: unknown) => withSuggestedNode(MapModelSchema.parse(model), plate);
    await decideSuggestion('c1', 'm1', plate.key, 'accepted', add, db);
    await decideSuggestion('c1', 'm1', plate.key, 'accepted', add, db); // a second click adds nothing
    await decideSuggestion('c1', 'm1', money.key, 'rejected', undefined, db);
    const model = MapModelSchema.parse((await db.maps.get('m1'))!.model);
    expect(model.nodes).toHaveLength(1);
    expect(model.nodes[0]).toMatchObject({
      kind: 'evidence',
      folio: 7,
      link: { kind: 'region', pageId: 'p0' },
    });
    expect((await listDecisions('c1', db)).map((d) => d.decision).sort()).toEqual(['accepted', 'rejected']);
    // A map of another case is refused, and nothing is recorded.
    await db.maps.add({ id: 'm2', caseId: 'c2', name: 'x', updatedAt: '', model: emptyMap() });
    await expect(decideSuggestion('c1', 'm2', plate.key, 'accepted', add, db)).rejects.toThrow();
    expect(await listDecisions('c1', db)).toHaveLength(2);
  });
});

describe('evidence map suggestions', () => {
  it('pre-fills the evidence papers with their pages; each accepted one joins "Chứng cứ buộc tội"', async () => {
    const db = freshDb();
    const facts = { number: '12/2026', name: 'Trộm cắp', charges: [], defendants: [] };
    const template = buildTemplate('evidence', facts);
    expect(mapKindOf(template)).toBe('evidence');
    expect(mapKindOf(buildTemplate('timeline', facts))).toBe('timeline');
    await db.maps.add({ id: 'm1', caseId: 'c1', name: 'Đánh giá chứng cứ', updatedAt: '', model: template });
    const es = entitiesOf(
      'Ngày 12/3/2024 bắt bị can Ksor Y Phúc, thu giữ xe biển số 51K-888.12.',
      'Người làm chứng Y Bih Mlô khai.',
    );
    const folios: Record<string, number> = { p0: 3, p1: 4, p2: 5, p9: 1 };
    const pageInfo = (id: string) => ({ folio: folios[id], label: `BL ${folios[id]}` });
    const papers = [
      {
        document: { id: 'd-qd', type: 'quyet-dinh' as const, title: 'Quyết định khởi tố vụ án' },
        pageIds: ['p9'],
      },
      {
        document: { id: 'd-bb', type: 'bien-ban' as const, title: 'Biên bản bắt người' },
        pageIds: ['p0', 'p1', 'p2'],
      },
      {
        document: { id: 'd-kl', type: 'ket-luan' as const, title: 'Bản kết luận điều tra' },
        pageIds: ['p9'],
      },
    ];
    const suggestions = buildSuggestions(es, pageInfo, 'evidence', papers);
    // Evidence papers first (procedure is not evidence), then items read from the text, then persons; no events.
    expect(suggestions[0]).toMatchObject({ key: 'document:d-bb', group: 'evidence', detail: 'BL 3 – BL 5' });
    expect(suggestions.map((s) => s.key)).not.toContain('document:d-qd');
    expect(suggestions.map((s) => s.key)).not.toContain('document:d-kl');
    expect(suggestions.some((s) => s.group === 'event')).toBe(false);
    expect(suggestions.find((s) => s.label.includes('51K-888.12'))?.group).toBe('evidence');

    const accept = (key: string) => {
      const s = suggestions.find((x) => x.key === key)!;
      return decideSuggestion(
        'c1',
        'm1',
        key,
        'accepted',
        (m) => withSuggestedNode(MapModelSchema.parse(m), s),
        db,
      );
    };
    const before = template.nodes.length;
    await accept('document:d-bb');
    const person = suggestions.find((s) => s.group === 'person' && s.label === 'Ksor Y Phúc')!;
    await accept(person.key);
    const plate = suggestions.find((s) => s.label.includes('51K-888.12'))!;
    await decideSuggestion('c1', 'm1', plate.key, 'rejected', undefined, db);
    const model = MapModelSchema.parse((await db.maps.get('m1'))!.model);
    expect(model.nodes).toHaveLength(before + 2); // the rejected plate added nothing
    const paper = model.nodes.find((n) => n.kind === 'evidence')!;
    expect(paper).toMatchObject({
      title: 'Biên bản bắt người',
      folio: 3,
      link: { kind: 'document', documentId: 'd-bb', pageId: 'p0' },
    });
    const topicOf = (title: string) => model.nodes.find((n) => n.kind === 'note' && n.title === title)!.id;
    expect(model.edges).toContainEqual(
      expect.objectContaining({ source: topicOf(STANCE_TOPIC.for), target: paper.id }),
    );
    const added = model.nodes.find((n) => n.kind === 'person' && n.name === 'Ksor Y Phúc')!;
    expect(model.edges).toContainEqual(
      expect.objectContaining({ source: topicOf('Người tham gia tố tụng'), target: added.id }),
    );
  });
});
