import {
  nodeDetails,
  nodeSize,
  nodeTitle,
  type EdgeKind,
  type MapEdge,
  type MapModel,
  type MapNode,
} from './model';

/**
 * Pure editing operations: each takes a model and returns a new one (never mutates), so the
 * editor can keep every committed state for undo/redo and save exactly what the user sees.
 */

export type IdFactory = () => string;

let counter = 0;
/** Default id source: random enough for one user's maps, no crypto dependency in the package. */
export const newId: IdFactory = () =>
  `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function addNodes(model: MapModel, nodes: MapNode[]): MapModel {
  return { ...model, nodes: [...model.nodes, ...nodes] };
}

/** Replaces fields of one node; `kind` and `id` cannot change. */
export function updateNode<N extends MapNode>(
  model: MapModel,
  id: string,
  patch: Partial<Omit<N, 'id' | 'kind'>>,
): MapModel {
  return {
    ...model,
    nodes: model.nodes.map((n) =>
      n.id === id ? ({ ...n, ...patch, id: n.id, kind: n.kind } as MapNode) : n,
    ),
  };
}

/** Moves nodes to new positions. Moves made by hand pin the node so later layouts keep it. */
export function moveNodes(
  model: MapModel,
  positions: ReadonlyMap<string, { x: number; y: number }>,
  options: { pin: boolean } = { pin: true },
): MapModel {
  return {
    ...model,
    nodes: model.nodes.map((n) => {
      const p = positions.get(n.id);
      if (!p) return n;
      return { ...n, x: p.x, y: p.y, ...(options.pin ? { pinned: true } : {}) };
    }),
  };
}

export function setPinned(model: MapModel, ids: Iterable<string>, pinned: boolean): MapModel {
  const set = new Set(ids);
  return {
    ...model,
    nodes: model.nodes.map((n) => (set.has(n.id) ? { ...n, pinned: pinned || undefined } : n)),
  };
}

/** Deletes nodes and edges; edges of deleted nodes go too, and so do element links to deleted evidence. */
export function removeElements(
  model: MapModel,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): MapModel {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  return {
    ...model,
    nodes: model.nodes
      .filter((n) => !goneNodes.has(n.id))
      .map((n) =>
        n.kind === 'provision' && n.elements.some((e) => e.evidenceIds.some((id) => goneNodes.has(id)))
          ? {
              ...n,
              elements: n.elements.map((e) => ({
                ...e,
                evidenceIds: e.evidenceIds.filter((id) => !goneNodes.has(id)),
              })),
            }
          : n,
      ),
    edges: model.edges.filter(
      (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
    ),
  };
}

/** Connects two nodes; refuses self loops and an identical edge that already exists. */
export function connect(
  model: MapModel,
  source: string,
  target: string,
  kind: EdgeKind,
  makeId: IdFactory = newId,
): { model: MapModel; edge: MapEdge | null } {
  if (source === target) return { model, edge: null };
  const ids = new Set(model.nodes.map((n) => n.id));
  if (!ids.has(source) || !ids.has(target)) return { model, edge: null };
  if (model.edges.some((e) => e.source === source && e.target === target && e.kind === kind))
    return { model, edge: null };
  const edge: MapEdge = { id: makeId(), source, target, kind };
  return { model: { ...model, edges: [...model.edges, edge] }, edge };
}

export function updateEdge(model: MapModel, id: string, patch: Partial<Omit<MapEdge, 'id'>>): MapModel {
  return { ...model, edges: model.edges.map((e) => (e.id === id ? { ...e, ...patch, id } : e)) };
}

/** Moves an edge's ends to other nodes (React Flow "reconnect"). */
export function reconnect(model: MapModel, id: string, source: string, target: string): MapModel {
  if (source === target) return model;
  return updateEdge(model, id, { source, target });
}

/** Links (or unlinks) an evidence node to an element of the offence on a provision node. */
export function toggleElementEvidence(
  model: MapModel,
  provisionId: string,
  elementId: string,
  evidenceId: string,
): MapModel {
  return {
    ...model,
    nodes: model.nodes.map((n) => {
      if (n.id !== provisionId || n.kind !== 'provision') return n;
      return {
        ...n,
        elements: n.elements.map((e) => {
          if (e.id !== elementId) return e;
          const has = e.evidenceIds.includes(evidenceId);
          return {
            ...e,
            evidenceIds: has ? e.evidenceIds.filter((x) => x !== evidenceId) : [...e.evidenceIds, evidenceId],
          };
        }),
      };
    }),
  };
}

export type Alignment =
  'left' | 'right' | 'top' | 'bottom' | 'center-x' | 'center-y' | 'distribute-x' | 'distribute-y';

/** Aligns or distributes the given nodes by their boxes; aligned nodes become pinned. */
export function alignNodes(model: MapModel, ids: Iterable<string>, how: Alignment): MapModel {
  const set = new Set(ids);
  const picked = model.nodes.filter((n) => set.has(n.id));
  if (picked.length < 2) return model;
  const boxes = picked.map((n) => ({ n, ...nodeSize(n) }));
  const pos = new Map<string, { x: number; y: number }>();
  const minX = Math.min(...boxes.map((b) => b.n.x));
  const maxR = Math.max(...boxes.map((b) => b.n.x + b.width));
  const minY = Math.min(...boxes.map((b) => b.n.y));
  const maxB = Math.max(...boxes.map((b) => b.n.y + b.height));
  const distribute = (axis: 'x' | 'y') => {
    const dim = axis === 'x' ? 'width' : 'height';
    const sorted = [...boxes].sort((a, b) => a.n[axis] - b.n[axis]);
    const span = (axis === 'x' ? maxR - minX : maxB - minY) - sorted.reduce((s, b) => s + b[dim], 0);
    const gap = span / (sorted.length - 1);
    let at = axis === 'x' ? minX : minY;
    for (const b of sorted) {
      pos.set(b.n.id, axis === 'x' ? { x: at, y: b.n.y } : { x: b.n.x, y: at });
      at += b[dim] + gap;
    }
  };
  for (const b of boxes) {
    const { n } = b;
    if (how === 'left') pos.set(n.id, { x: minX, y: n.y });
    if (how === 'right') pos.set(n.id, { x: maxR - b.width, y: n.y });
    if (how === 'top') pos.set(n.id, { x: n.x, y: minY });
    if (how === 'bottom') pos.set(n.id, { x: n.x, y: maxB - b.height });
    if (how === 'center-x') pos.set(n.id, { x: (minX + maxR) / 2 - b.width / 2, y: n.y });
    if (how === 'center-y') pos.set(n.id, { x: n.x, y: (minY + maxB) / 2 - b.height / 2 });
  }
  if (how === 'distribute-x') distribute('x');
  if (how === 'distribute-y') distribute('y');
  return moveNodes(model, pos, { pin: true });
}

/** What copy puts on the clipboard: the nodes and the edges between them. */
export type MapFragment = { format: 'hoso-map-fragment'; nodes: MapNode[]; edges: MapEdge[] };

export function copyFragment(model: MapModel, ids: Iterable<string>): MapFragment {
  const set = new Set(ids);
  return {
    format: 'hoso-map-fragment',
    nodes: model.nodes.filter((n) => set.has(n.id)),
    edges: model.edges.filter((e) => set.has(e.source) && set.has(e.target)),
  };
}

/** Pastes a fragment with fresh ids, shifted by `offset`; element links are kept only inside the fragment. */
export function pasteFragment(
  model: MapModel,
  fragment: MapFragment,
  offset: { x: number; y: number },
  makeId: IdFactory = newId,
): { model: MapModel; ids: string[] } {
  const idMap = new Map(fragment.nodes.map((n) => [n.id, makeId()]));
  const nodes = fragment.nodes.map((n): MapNode => {
    const moved = { ...n, id: idMap.get(n.id)!, x: n.x + offset.x, y: n.y + offset.y, pinned: true };
    if (moved.kind !== 'provision') return moved;
    return {
      ...moved,
      elements: moved.elements.map((e) => ({
        ...e,
        evidenceIds: e.evidenceIds.flatMap((id) => (idMap.has(id) ? [idMap.get(id)!] : [])),
      })),
    };
  });
  const edges = fragment.edges.map((e) => ({
    ...e,
    id: makeId(),
    source: idMap.get(e.source)!,
    target: idMap.get(e.target)!,
  }));
  return {
    model: { ...model, nodes: [...model.nodes, ...nodes], edges: [...model.edges, ...edges] },
    ids: nodes.map((n) => n.id),
  };
}

/** Folds Vietnamese for search: no diacritics, đ → d, lower case ("Điều 173" ≈ "dieu 173"). */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Nodes whose text contains every word of the query, diacritic-insensitive; title hits first. */
export function findNodes(model: MapModel, query: string): string[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const scored: { id: string; score: number }[] = [];
  for (const n of model.nodes) {
    const title = foldText(nodeTitle(n));
    const all = `${title} ${foldText(nodeDetails(n).join(' '))}`;
    if (!words.every((w) => all.includes(w))) continue;
    scored.push({ id: n.id, score: words.filter((w) => title.includes(w)).length });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.id);
}

/** Bounding box of nodes (all when `ids` is omitted). */
export function boundsOf(nodes: readonly MapNode[]): { x: number; y: number; width: number; height: number } {
  if (!nodes.length) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const s = nodeSize(n);
    x0 = Math.min(x0, n.x);
    y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + s.width);
    y1 = Math.max(y1, n.y + s.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Nodes whose centre lies inside a group frame (they move with it). */
export function nodesInGroup(model: MapModel, groupId: string): MapNode[] {
  const g = model.nodes.find((n) => n.id === groupId);
  if (!g || g.kind !== 'group') return [];
  return model.nodes.filter((n) => {
    if (n.id === g.id) return false;
    const s = nodeSize(n);
    const cx = n.x + s.width / 2;
    const cy = n.y + s.height / 2;
    return cx >= g.x && cx <= g.x + g.width && cy >= g.y && cy <= g.y + g.height;
  });
}

/**
 * Where to put a new node near `at` without covering another node: the spot itself if free,
 * else the nearest free one on rings around it (frames don't count, they are meant to hold nodes).
 */
export function freeSpot(
  model: MapModel,
  node: MapNode,
  at: { x: number; y: number },
): { x: number; y: number } {
  const { width, height } = nodeSize(node);
  const others = model.nodes
    .filter((n) => n.kind !== 'group' && n.id !== node.id)
    .map((n) => ({ n, ...nodeSize(n) }));
  const free = (x: number, y: number) =>
    others.every(
      (o) =>
        x + width + 10 <= o.n.x ||
        o.n.x + o.width + 10 <= x ||
        y + height + 10 <= o.n.y ||
        o.n.y + o.height + 10 <= y,
    );
  if (free(at.x, at.y)) return at;
  for (let r = 1; r <= 30; r++)
    for (let i = 0; i < 8 * r; i++) {
      const a = (i / (8 * r)) * 2 * Math.PI;
      const x = Math.round(at.x + Math.cos(a) * r * 40);
      const y = Math.round(at.y + Math.sin(a) * r * 40);
      if (free(x, y)) return { x, y };
    }
  return at;
}
