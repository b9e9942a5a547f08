import { describe, expect, it } from 'vitest';
import {
  buildTemplate,
  emptyMap,
  layoutMap,
  nodeSize,
  readingOrder,
  type MapModel,
  type MapNode,
} from '@hoso/mindmap';
import { FACTS, seqIds } from './fixtures';

const overlaps = (a: MapNode, b: MapNode) => {
  const sa = nodeSize(a);
  const sb = nodeSize(b);
  return a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height;
};

describe('layout', () => {
  it('tree layout spreads a template without overlaps, root left of its children', async () => {
    const m = await layoutMap(buildTemplate('report', FACTS, seqIds()), 'tree');
    const movable = m.nodes.filter((n) => n.kind !== 'group');
    for (let i = 0; i < movable.length; i++)
      for (let j = i + 1; j < movable.length; j++)
        expect(overlaps(movable[i], movable[j]), `${i}/${j}`).toBe(false);
    const root = m.nodes[0];
    const child = m.nodes.find((n) => n.kind === 'note' && n.title === 'Tóm tắt vụ án')!;
    expect(child.x).toBeGreaterThan(root.x);
  });

  it('radial layout places nodes without overlaps', async () => {
    const m = await layoutMap(buildTemplate('evidence', FACTS, seqIds()), 'radial');
    for (let i = 0; i < m.nodes.length; i++)
      for (let j = i + 1; j < m.nodes.length; j++) expect(overlaps(m.nodes[i], m.nodes[j])).toBe(false);
  });

  it('timeline orders events by date left to right, undated last', async () => {
    const base: MapModel = {
      ...emptyMap(),
      nodes: [
        { id: 'c', kind: 'event', x: 0, y: 0, title: 'Chuyển tiền lần 2', date: '2024-10-28' },
        { id: 'u', kind: 'event', x: 0, y: 0, title: 'Chưa rõ ngày' },
        { id: 'a', kind: 'event', x: 0, y: 0, title: 'Làm quen qua Zalo', date: '2024-09-01' },
        { id: 'b', kind: 'event', x: 0, y: 0, title: 'Chuyển tiền lần 1', date: '2024-10-14T09:30' },
        {
          id: 'ev',
          kind: 'evidence',
          x: 0,
          y: 0,
          title: 'Sao kê',
          link: { kind: 'page', pageId: 'p' },
          stance: 'for',
        },
      ],
      edges: [{ id: 'x', source: 'ev', target: 'b', kind: 'proves' }],
    };
    const m = await layoutMap(base, 'timeline');
    const x = (id: string) => m.nodes.find((n) => n.id === id)!.x;
    const y = (id: string) => m.nodes.find((n) => n.id === id)!.y;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect(x('c')).toBeLessThan(x('u'));
    expect(new Set(['a', 'b', 'c', 'u'].map(y)).size).toBe(1);
    // An undated event that precedes a dated one sits just before it.
    const chained = await layoutMap(
      { ...base, edges: [...base.edges, { id: 'p', source: 'u', target: 'b', kind: 'precedes' }] },
      'timeline',
    );
    const cx = (id: string) => chained.nodes.find((n) => n.id === id)!.x;
    expect([cx('a'), cx('u'), cx('b'), cx('c')]).toEqual(
      [...[cx('a'), cx('u'), cx('b'), cx('c')]].sort((p, q) => p - q),
    );
    // Evidence hangs under the event it proves.
    expect(x('ev')).toBe(x('b'));
    expect(y('ev')).toBeGreaterThan(y('b'));
  });

  it('pinned nodes keep their position through every layout', async () => {
    const t = buildTemplate('evidence', FACTS, seqIds());
    const pinnedId = t.nodes[2].id;
    const m0: MapModel = {
      ...t,
      nodes: t.nodes.map((n) => (n.id === pinnedId ? { ...n, x: -777, y: 555, pinned: true } : n)),
    };
    for (const kind of ['tree', 'radial', 'timeline'] as const) {
      const m = await layoutMap(m0, kind);
      expect(m.nodes.find((n) => n.id === pinnedId)).toMatchObject({ x: -777, y: 555, pinned: true });
      expect(m.nodes.some((n, i) => n.x !== m0.nodes[i].x || n.y !== m0.nodes[i].y)).toBe(true);
    }
  });

  it('a group frame is refitted around the nodes it held', async () => {
    const m0: MapModel = {
      ...emptyMap(),
      nodes: [
        { id: 'g', kind: 'group', x: -10, y: -10, width: 500, height: 200, title: 'Chứng cứ buộc tội' },
        { id: 'a', kind: 'note', tone: 'note', x: 0, y: 0, title: 'A' },
        { id: 'b', kind: 'note', tone: 'note', x: 250, y: 0, title: 'B' },
        { id: 'r', kind: 'note', tone: 'topic', x: 0, y: 600, title: 'Gốc' },
      ],
      edges: [
        { id: '1', source: 'r', target: 'a', kind: 'relates' },
        { id: '2', source: 'r', target: 'b', kind: 'relates' },
      ],
    };
    const m = await layoutMap(m0, 'tree');
    const g = m.nodes.find((n) => n.id === 'g')!;
    for (const id of ['a', 'b']) {
      const n = m.nodes.find((x) => x.id === id)!;
      expect(n.x).toBeGreaterThan(g.x);
      expect(n.y).toBeGreaterThan(g.y);
      expect(g.kind === 'group' && n.x + nodeSize(n).width < g.x + g.width).toBe(true);
    }
  });
});

describe('reading order', () => {
  it('starts at the central topic and visits every node once, frames skipped', async () => {
    const m = await layoutMap(buildTemplate('evidence', FACTS, seqIds()), 'tree');
    const withFrame: MapModel = {
      ...m,
      nodes: [...m.nodes, { id: 'g', kind: 'group', x: 0, y: 0, width: 10, height: 10, title: 'x' }],
    };
    const order = readingOrder(withFrame);
    expect(order[0]).toBe(m.nodes[0].id);
    expect(new Set(order).size).toBe(m.nodes.length);
    expect(order).not.toContain('g');
  });
});

describe('large maps', () => {
  it('the linear tree used past ELK_MAX_NODES places a 1 000-node map without overlaps, parents left of children', async () => {
    const nodes: MapNode[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `n${i}`,
      kind: 'note',
      tone: 'note',
      x: 0,
      y: 0,
      title: `${i}`,
    }));
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const edges = nodes.slice(1).map((n, j) => ({
      id: `e${j}`,
      source: `n${Math.floor(rnd() * (j + 1))}`,
      target: n.id,
      kind: 'relates' as const,
    }));
    const m = await layoutMap({ ...emptyMap(), nodes, edges }, 'tree');
    const pos = new Map(m.nodes.map((n) => [n.id, n]));
    for (const e of edges) expect(pos.get(e.source)!.x).toBeLessThan(pos.get(e.target)!.x);
    // Same column: no two nodes overlap vertically.
    const cols = new Map<number, number[]>();
    for (const n of m.nodes) cols.set(n.x, [...(cols.get(n.x) ?? []), n.y]);
    for (const ys of cols.values()) {
      ys.sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(80);
    }
  });
});
