import { describe, expect, it } from 'vitest';
import {
  buildTemplate,
  dropNode,
  nodeSize,
  nodesInGroup,
  setEvidenceStance,
  type MapNode,
} from '@hoso/mindmap';
import { FACTS, seqIds } from './fixtures';

function evidence(stance: 'for' | 'against' | 'neutral'): MapNode {
  return {
    id: 'dropped',
    kind: 'evidence',
    x: 0,
    y: 0,
    title: 'Biên bản thu giữ',
    stance,
    link: { kind: 'page', pageId: 'p1' },
  };
}

describe('dropping a node on the map', () => {
  const template = buildTemplate('evidence', FACTS, seqIds());
  const topic = (title: string) => template.nodes.find((n) => n.kind === 'note' && n.title === title)!;

  it('lands with its centre exactly at the drop point, even on top of another node', () => {
    const under = template.nodes[0];
    const at = { x: under.x + 10, y: under.y + 10 };
    const next = dropNode(template, evidence('for'), at, () => 'edge-1');
    const n = next.nodes.find((x) => x.id === 'dropped')!;
    const { width, height } = nodeSize(n);
    expect(n.x + width / 2).toBe(at.x);
    expect(n.y + height / 2).toBe(at.y);
  });

  it('joins its stance group: "Chứng cứ buộc tội" for Buộc tội, "Chứng cứ gỡ tội" for Gỡ tội', () => {
    for (const [stance, title] of [
      ['for', 'Chứng cứ buộc tội'],
      ['against', 'Chứng cứ gỡ tội'],
    ] as const) {
      const next = dropNode(template, evidence(stance), { x: 5000, y: 5000 }, () => 'edge-1');
      expect(next.edges).toHaveLength(template.edges.length + 1);
      expect(next.edges.at(-1)).toEqual({
        id: 'edge-1',
        source: topic(title).id,
        target: 'dropped',
        kind: 'relates',
      });
    }
    // Neutral evidence has no group to join.
    expect(dropNode(template, evidence('neutral'), { x: 0, y: 0 }).edges).toEqual(template.edges);
  });

  it("dropped inside a frame, it is one of the frame's nodes", () => {
    const frame: MapNode = {
      id: 'g',
      kind: 'group',
      x: 1000,
      y: 1000,
      width: 480,
      height: 300,
      title: 'Nhóm',
    };
    const model = { ...template, nodes: [...template.nodes, frame] };
    const next = dropNode(model, evidence('for'), { x: 1240, y: 1150 });
    expect(nodesInGroup(next, 'g').map((n) => n.id)).toEqual(['dropped']);
  });

  it('changing the stance moves the node to the other group, keeping its other links', () => {
    const dropped = dropNode(template, evidence('for'), { x: 0, y: 0 }, () => 'e-for');
    const other = {
      ...dropped,
      edges: [
        ...dropped.edges,
        { id: 'keep', source: 'dropped', target: template.nodes[0].id, kind: 'proves' as const },
      ],
    };
    const moved = setEvidenceStance(other, 'dropped', 'against', () => 'e-against');
    const links = moved.edges.filter((e) => e.source === 'dropped' || e.target === 'dropped');
    expect(links.map((e) => e.id).sort()).toEqual(['e-against', 'keep']);
    expect(links.find((e) => e.id === 'e-against')?.source).toBe(topic('Chứng cứ gỡ tội').id);
    expect(moved.nodes.find((n) => n.id === 'dropped')).toMatchObject({ stance: 'against' });
    const neutral = setEvidenceStance(moved, 'dropped', 'neutral');
    expect(neutral.edges.filter((e) => e.target === 'dropped')).toEqual([]);
  });
});
