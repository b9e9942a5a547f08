import { describe, expect, it } from 'vitest';
import { buildTemplate, MapModelSchema, provisionCitation, TEMPLATES } from '@hoso/mindmap';
import { FACTS, seqIds } from './fixtures';

describe('templates', () => {
  it('every template builds a valid model', () => {
    for (const t of TEMPLATES)
      expect(MapModelSchema.safeParse(buildTemplate(t.id, FACTS, seqIds())).success).toBe(true);
    expect(buildTemplate('empty', FACTS).nodes).toHaveLength(0);
  });

  it('evidence evaluation: defendants, the charge with its elements, for/against, issues, handling', () => {
    const m = buildTemplate('evidence', FACTS, seqIds());
    const person = m.nodes.find((n) => n.kind === 'person');
    expect(person).toMatchObject({ name: 'Ma Văn Khánh', role: 'bi-can', birthYear: 1990 });
    const law = m.nodes.find((n) => n.kind === 'provision');
    if (law?.kind !== 'provision') throw new Error('no provision');
    expect(provisionCitation(law)).toBe('điểm c khoản 2 Điều 174 BLHS');
    expect(law.elements.map((e) => e.text)).toContain('Dùng thủ đoạn gian dối');
    const titles = m.nodes.flatMap((n) => ('title' in n ? [n.title] : []));
    for (const t of [
      'Tóm tắt vụ án',
      'Chứng cứ buộc tội',
      'Chứng cứ gỡ tội',
      'Vấn đề cần làm rõ',
      'Đề xuất hướng giải quyết',
    ])
      expect(titles).toContain(t);
    expect(m.nodes.find((n) => n.kind === 'note' && n.title === 'Vấn đề cần làm rõ')).toMatchObject({
      tone: 'issue',
    });
  });

  it('timeline: key dates become events chained in date order', () => {
    const m = buildTemplate('timeline', FACTS, seqIds());
    const events = m.nodes.filter((n) => n.kind === 'event');
    expect(events.map((e) => e.kind === 'event' && e.date)).toEqual([undefined, '2025-05-26', '2025-06-09']);
    const precedes = m.edges.filter((e) => e.kind === 'precedes');
    expect(precedes).toHaveLength(2);
    expect(precedes[1]).toMatchObject({ source: events[1].id, target: events[2].id });
  });

  it('a charge with an unknown article gets the four generic elements', () => {
    const m = buildTemplate('evidence', { ...FACTS, charges: [{ article: 999, name: 'Tội thử' }] }, seqIds());
    const law = m.nodes.find((n) => n.kind === 'provision');
    expect(law?.kind === 'provision' && law.elements).toHaveLength(4);
  });
});
