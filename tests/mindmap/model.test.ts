import { describe, expect, it } from 'vitest';
import {
  alignNodes,
  commit,
  connect,
  copyFragment,
  emptyMap,
  findNodes,
  freeSpot,
  moveNodes,
  nodeSize,
  pasteFragment,
  reconnect,
  redo,
  removeElements,
  startHistory,
  toggleElementEvidence,
  undo,
  type MapModel,
} from '@hoso/mindmap';
import { seqIds } from './fixtures';

function sample(): MapModel {
  return {
    ...emptyMap(),
    nodes: [
      { id: 'p', kind: 'person', x: 0, y: 0, name: 'Ma Văn Khánh', role: 'bi-can', birthYear: 1990 },
      {
        id: 'e',
        kind: 'evidence',
        x: 300,
        y: 0,
        title: 'Sao kê tài khoản',
        link: { kind: 'page', pageId: 'pg1' },
        folio: 12,
        stance: 'for',
      },
      {
        id: 'law',
        kind: 'provision',
        x: 600,
        y: 40,
        code: 'BLHS',
        article: 174,
        clause: 2,
        point: 'c',
        title: 'Lừa đảo chiếm đoạt tài sản',
        elements: [{ id: 'el1', text: 'Dùng thủ đoạn gian dối', evidenceIds: [] }],
      },
    ],
    edges: [],
  };
}

describe('map operations', () => {
  it('connects nodes once, never to themselves, and reconnects an edge', () => {
    const ids = seqIds('edge');
    const first = connect(sample(), 'e', 'law', 'proves', ids);
    let model = first.model;
    expect(first.edge?.id).toBe('edge1');
    expect(connect(model, 'e', 'law', 'proves', ids).edge).toBeNull();
    expect(connect(model, 'e', 'e', 'relates', ids).edge).toBeNull();
    expect(connect(model, 'e', 'nope', 'relates', ids).edge).toBeNull();
    model = reconnect(model, 'edge1', 'p', 'law');
    expect(model.edges[0]).toMatchObject({ source: 'p', target: 'law', kind: 'proves' });
  });

  it('deleting an evidence node removes its edges and its links from the elements checklist', () => {
    let model = connect(sample(), 'e', 'law', 'proves', seqIds('x')).model;
    model = toggleElementEvidence(model, 'law', 'el1', 'e');
    const law = model.nodes.find((n) => n.id === 'law');
    expect(law?.kind === 'provision' && law.elements[0].evidenceIds).toEqual(['e']);
    model = removeElements(model, ['e']);
    expect(model.edges).toHaveLength(0);
    const after = model.nodes.find((n) => n.id === 'law');
    expect(after?.kind === 'provision' && after.elements[0].evidenceIds).toEqual([]);
  });

  it('moving by hand pins; undo and redo walk the history', () => {
    const m0 = sample();
    let h = startHistory(m0);
    h = commit(h, moveNodes(m0, new Map([['p', { x: 50, y: 60 }]])));
    expect(h.present.nodes[0]).toMatchObject({ x: 50, y: 60, pinned: true });
    h = undo(h);
    expect(h.present).toBe(m0);
    h = redo(h);
    expect(h.present.nodes[0]).toMatchObject({ x: 50, y: 60 });
    expect(undo(undo(h)).present).toBe(m0);
  });

  it('aligns left and distributes horizontally', () => {
    const m = alignNodes(sample(), ['p', 'e', 'law'], 'top');
    expect(new Set(m.nodes.map((n) => n.y))).toEqual(new Set([0]));
    const left = alignNodes(sample(), ['p', 'law'], 'left');
    expect(left.nodes.find((n) => n.id === 'law')?.x).toBe(0);
    const spread = alignNodes(
      { ...sample(), nodes: sample().nodes.map((n, i) => ({ ...n, x: [0, 250, 1000][i] })) },
      ['p', 'e', 'law'],
      'distribute-x',
    );
    const [a, b, c] = spread.nodes;
    const gap1 = b.x - (a.x + nodeSize(a).width);
    const gap2 = c.x - (b.x + nodeSize(b).width);
    expect(gap1).toBeCloseTo(gap2);
  });

  it('copy/paste gives fresh ids, keeps inner edges and inner element links only', () => {
    let model = connect(sample(), 'e', 'law', 'proves', seqIds('x')).model;
    model = toggleElementEvidence(model, 'law', 'el1', 'e');
    const frag = copyFragment(model, ['law', 'e']);
    const pasted = pasteFragment(model, frag, { x: 20, y: 20 }, seqIds('copy'));
    expect(pasted.ids).toEqual(['copy1', 'copy2']);
    expect(pasted.model.nodes).toHaveLength(5);
    expect(pasted.model.edges.at(-1)).toMatchObject({ source: 'copy1', target: 'copy2' });
    const law2 = pasted.model.nodes.find((n) => n.id === 'copy2');
    expect(law2?.kind === 'provision' && law2.elements[0].evidenceIds).toEqual(['copy1']);
    const onlyLaw = pasteFragment(model, copyFragment(model, ['law']), { x: 0, y: 0 }, seqIds('y'));
    const law3 = onlyLaw.model.nodes.find((n) => n.id === 'y1');
    expect(law3?.kind === 'provision' && law3.elements[0].evidenceIds).toEqual([]);
  });

  it('finds nodes without diacritics, title matches first', () => {
    const m = sample();
    expect(findNodes(m, 'ma van khanh')).toEqual(['p']);
    expect(findNodes(m, 'dieu 174')).toEqual(['law']);
    expect(findNodes(m, 'BL 12')).toEqual(['e']);
    expect(findNodes(m, 'gian doi')).toEqual(['law']);
    expect(findNodes(m, 'không có')).toEqual([]);
  });
});

describe('placing new nodes', () => {
  it('finds a free spot near the drop point instead of covering a node', () => {
    const m = sample();
    const n = { id: 'new', kind: 'note' as const, tone: 'note' as const, x: 0, y: 0, title: 'Mới' };
    const spot = freeSpot(m, n, { x: 10, y: 10 });
    const moved = { ...n, ...spot };
    for (const o of m.nodes) {
      const s = nodeSize(o);
      const overlap =
        moved.x < o.x + s.width && o.x < moved.x + 220 && moved.y < o.y + s.height && o.y < moved.y + 80;
      expect(overlap).toBe(false);
    }
    expect(Math.hypot(spot.x - 10, spot.y - 10)).toBeLessThan(400);
    expect(freeSpot(m, n, { x: 2000, y: 2000 })).toEqual({ x: 2000, y: 2000 });
  });
});
