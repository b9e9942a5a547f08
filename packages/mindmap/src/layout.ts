import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { nodeSize, type EventNode, type MapModel, type MapNode } from './model';
import { boundsOf, moveNodes, nodesInGroup } from './ops';

/**
 * Automatic layouts. Nodes the user placed by hand (`pinned`) never move; everything else is
 * placed by elkjs (mind-map tree or radial) or on a time axis (timeline). Group frames are not
 * laid out: after the layout each frame is refitted around the nodes it held before.
 */
export type LayoutKind = 'tree' | 'radial' | 'timeline';

/** The layout engine: elkjs in-thread by default; the renderer swaps in a Web Worker one (setLayoutEngine). */
export type LayoutEngine = { layout(graph: ElkNode): Promise<ElkNode> };
let engine: LayoutEngine | null = null;

export function setLayoutEngine(next: LayoutEngine | null): void {
  engine = next;
}

function elk(): LayoutEngine {
  engine ??= new ELK();
  return engine;
}
const GAP = 40;

/** Undirected adjacency, used to turn the (possibly cyclic) map graph into a spanning forest. */
function adjacency(model: MapModel, ids: Set<string>): Map<string, string[]> {
  const adj = new Map<string, string[]>([...ids].map((id) => [id, []]));
  for (const e of model.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    adj.get(e.source)!.push(e.target);
    adj.get(e.target)!.push(e.source);
  }
  return adj;
}

/**
 * A breadth-first spanning forest. Roots are taken in order of "most connected first" so the
 * central topic of a mind map becomes the root; mrtree/radial need a tree and are fast on one
 * (a 1 000-node map with 1 500 edges lays out in well under a second).
 */
export function spanningForest(
  model: MapModel,
  ids: Set<string>,
): { parent: Map<string, string>; roots: string[] } {
  const adj = adjacency(model, ids);
  const order = [...ids].sort((a, b) => adj.get(b)!.length - adj.get(a)!.length);
  const incoming = new Set(model.edges.map((e) => e.target));
  // A node nobody points at is a better root than a hub in the middle of a chain.
  order.sort((a, b) => Number(incoming.has(a)) - Number(incoming.has(b)));
  const parent = new Map<string, string>();
  const seen = new Set<string>();
  const roots: string[] = [];
  for (const root of order) {
    if (seen.has(root)) continue;
    roots.push(root);
    seen.add(root);
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      for (const next of adj.get(queue[i])!) {
        if (seen.has(next)) continue;
        seen.add(next);
        parent.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  return { parent, roots };
}

/**
 * Radial mind map: the central topic in the middle, each subtree in an angular wedge sized by
 * its leaves, one ring per depth. Computed here rather than with elk's "radial" algorithm, which
 * took about a second on a 1 000-node map; this is linear. Each ring's radius is the smallest
 * that keeps neighbours on it a node's width apart.
 */
export function radialPositions(model: MapModel, nodes: MapNode[]): Map<string, { x: number; y: number }> {
  const ids = new Set(nodes.map((n) => n.id));
  const { parent, roots } = spanningForest(model, ids);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = new Map<string, string[]>();
  for (const [child, p] of parent) kids.set(p, [...(kids.get(p) ?? []), child]);
  // Several trees: the first (best) root is the centre, the other trees hang from it as branches.
  const main = roots[0];
  kids.set(main, [...(kids.get(main) ?? []), ...roots.slice(1)]);
  const leaves = new Map<string, number>();
  const countLeaves = (id: string): number => {
    const c = kids.get(id) ?? [];
    const n = c.length ? c.reduce((sum, k) => sum + countLeaves(k), 0) : 1;
    leaves.set(id, n);
    return n;
  };
  countLeaves(main);
  const angle = new Map<string, number>();
  const depth = new Map<string, number>([[main, 0]]);
  const place = (id: string, from: number, to: number) => {
    angle.set(id, (from + to) / 2);
    let at = from;
    for (const k of kids.get(id) ?? []) {
      const span = ((to - from) * leaves.get(k)!) / leaves.get(id)!;
      depth.set(k, depth.get(id)! + 1);
      place(k, at, at + span);
      at += span;
    }
  };
  // Start at 12 o'clock and go clockwise, the way a mind map is read.
  place(main, -Math.PI / 2, 1.5 * Math.PI);
  const rings = new Map<number, number[]>();
  for (const [id, d] of depth) if (d > 0) rings.set(d, [...(rings.get(d) ?? []), angle.get(id)!]);
  const radius = [0];
  for (let d = 1; rings.has(d); d++) {
    const a = rings.get(d)!.sort((x, y) => x - y);
    let gap = a.length > 1 ? 2 * Math.PI - (a[a.length - 1] - a[0]) : 2 * Math.PI;
    for (let i = 1; i < a.length; i++) gap = Math.min(gap, a[i] - a[i - 1]);
    radius[d] = Math.max(radius[d - 1] + 300, 300 / Math.max(gap, 1e-3));
  }
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, d] of depth) {
    const { width, height } = nodeSize(byId.get(id)!);
    out.set(id, {
      x: radius[d] * Math.cos(angle.get(id)!) - width / 2,
      y: radius[d] * Math.sin(angle.get(id)!) - height / 2,
    });
  }
  return out;
}

/**
 * A left-to-right tree in linear time: leaves stacked top to bottom, each parent centred on its
 * children, one column per depth. Used instead of elk's mrtree on maps too big for it to finish
 * within the 1 s budget (ELK_MAX_NODES); the picture has the same shape.
 */
export function tidyTreePositions(model: MapModel, nodes: MapNode[]): Map<string, { x: number; y: number }> {
  const ids = new Set(nodes.map((n) => n.id));
  const { parent, roots } = spanningForest(model, ids);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = new Map<string, string[]>();
  for (const [child, p] of parent) kids.set(p, [...(kids.get(p) ?? []), child]);
  const depth = new Map<string, number>();
  const colWidth: number[] = [];
  const visit = (id: string, d: number) => {
    depth.set(id, d);
    colWidth[d] = Math.max(colWidth[d] ?? 0, nodeSize(byId.get(id)!).width);
    for (const k of kids.get(id) ?? []) visit(k, d + 1);
  };
  roots.forEach((r) => visit(r, 0));
  const colX = [0];
  for (let d = 1; d < colWidth.length; d++) colX[d] = colX[d - 1] + colWidth[d - 1] + GAP * 2;
  const out = new Map<string, { x: number; y: number }>();
  let cursor = 0;
  const place = (id: string): number => {
    const { height } = nodeSize(byId.get(id)!);
    const c = kids.get(id) ?? [];
    let centre: number;
    if (!c.length) {
      centre = cursor + height / 2;
      cursor += height + GAP / 2;
    } else {
      const centres = c.map(place);
      centre = (centres[0] + centres[centres.length - 1]) / 2;
    }
    out.set(id, { x: colX[depth.get(id)!], y: centre - height / 2 });
    return centre;
  };
  for (const r of roots) {
    place(r);
    cursor += GAP;
  }
  return out;
}

/** Above this many nodes elk's mrtree takes too long on a modest laptop; the tidy tree takes over. */
export const ELK_MAX_NODES = 200;

async function elkTree(model: MapModel, nodes: MapNode[]): Promise<Map<string, { x: number; y: number }>> {
  const ids = new Set(nodes.map((n) => n.id));
  const { parent, roots } = spanningForest(model, ids);
  // One virtual root joins the trees so the forest lays out as one picture.
  const VROOT = '__root__';
  const children: ElkNode[] = nodes.map((n) => ({ id: n.id, ...nodeSize(n) }));
  children.push({ id: VROOT, width: 1, height: 1 });
  const edges = [
    ...[...parent].map(([child, p]) => ({ id: `${p}->${child}`, sources: [p], targets: [child] })),
    ...roots.map((r) => ({ id: `${VROOT}->${r}`, sources: [VROOT], targets: [r] })),
  ];
  const layoutOptions: Record<string, string> = {
    'elk.algorithm': 'mrtree',
    'elk.direction': 'RIGHT',
    'elk.spacing.nodeNode': String(GAP / 2),
    'elk.mrtree.weighting': 'CONSTRAINT',
  };
  const graph = await elk().layout({ id: 'map', layoutOptions, children, edges });
  const out = new Map<string, { x: number; y: number }>();
  for (const c of graph.children ?? []) if (c.id !== VROOT) out.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
  return out;
}

/**
 * Sort key of an event: its ISO date/time. An undated event sits just before the event it
 * precedes (or just after the one that precedes it); otherwise it goes last.
 */
function eventKeys(model: MapModel, events: EventNode[]): Map<string, [string, number]> {
  const byId = new Map(events.map((e) => [e.id, e]));
  const keys = new Map<string, [string, number]>();
  for (const e of events) {
    if (e.date) {
      keys.set(e.id, [e.date, 1]);
      continue;
    }
    const next = model.edges.find(
      (x) => x.kind === 'precedes' && x.source === e.id && byId.get(x.target)?.date,
    );
    const prev = model.edges.find(
      (x) => x.kind === 'precedes' && x.target === e.id && byId.get(x.source)?.date,
    );
    if (next) keys.set(e.id, [byId.get(next.target)!.date!, 0]);
    else if (prev) keys.set(e.id, [byId.get(prev.source)!.date!, 2]);
    else keys.set(e.id, ['\uffff', 1]);
  }
  return keys;
}

/** Events on one row by date, left to right; other nodes in columns under the event they hang from. */
export function timelinePositions(model: MapModel, nodes: MapNode[]): Map<string, { x: number; y: number }> {
  const events = nodes.filter((n): n is EventNode => n.kind === 'event');
  const keys = eventKeys(model, events);
  events.sort((a, b) => {
    const [da, ra] = keys.get(a.id)!;
    const [db, rb] = keys.get(b.id)!;
    return da.localeCompare(db) || ra - rb || a.x - b.x;
  });
  const out = new Map<string, { x: number; y: number }>();
  // Widest node that can hang under an event (a provision) sets the column pitch.
  const colWidth = 260 + GAP * 2;
  events.forEach((e, i) => out.set(e.id, { x: i * colWidth, y: 0 }));
  // Attach every other node to the nearest event (graph distance, any edge direction).
  const ids = new Set(model.nodes.map((n) => n.id));
  const adj = adjacency(model, ids);
  const anchor = new Map<string, string>();
  const queue = events.map((e) => e.id);
  for (const id of queue) anchor.set(id, id);
  for (let i = 0; i < queue.length; i++) {
    for (const next of adj.get(queue[i]) ?? []) {
      if (anchor.has(next)) continue;
      anchor.set(next, anchor.get(queue[i])!);
      queue.push(next);
    }
  }
  const below = new Map<string, number>();
  const loose: MapNode[] = [];
  const eventRowHeight = 96 + GAP * 1.5;
  for (const n of nodes) {
    if (n.kind === 'event') continue;
    const a = anchor.get(n.id);
    if (!a || !out.has(a)) {
      loose.push(n);
      continue;
    }
    const y = below.get(a) ?? eventRowHeight;
    out.set(n.id, { x: out.get(a)!.x, y });
    below.set(a, y + nodeSize(n).height + GAP / 2);
  }
  // Nodes tied to no event (persons, the case summary…) form a row above the axis.
  let x = 0;
  for (const n of loose) {
    const s = nodeSize(n);
    out.set(n.id, { x, y: -s.height - GAP * 1.5 });
    x += s.width + GAP / 2;
  }
  return out;
}

/** Lays out every unpinned, non-group node; returns a new model. */
export async function layoutMap(model: MapModel, kind: LayoutKind): Promise<MapModel> {
  const movable = model.nodes.filter((n) => !n.pinned && n.kind !== 'group');
  if (!movable.length) return model;
  const groups = model.nodes.filter((n) => n.kind === 'group' && !n.pinned);
  const members = new Map(groups.map((g) => [g.id, nodesInGroup(model, g.id).map((n) => n.id)]));
  const raw =
    kind === 'timeline'
      ? timelinePositions(model, movable)
      : kind === 'radial'
        ? radialPositions(model, movable)
        : movable.length > ELK_MAX_NODES
          ? tidyTreePositions(model, movable)
          : await elkTree(model, movable);
  // Keep the picture where it was: the laid-out block starts at the old top-left of the moved nodes.
  const before = boundsOf(movable);
  const rawNodes = movable.map((n) => ({ ...n, ...raw.get(n.id)! }));
  const after = boundsOf(rawNodes);
  const dx = before.x - after.x;
  const dy = before.y - after.y;
  const positions = new Map(
    rawNodes.map((n) => [n.id, { x: Math.round(n.x + dx), y: Math.round(n.y + dy) }]),
  );
  let next = moveNodes(model, positions, { pin: false });
  for (const [gid, ids] of members) {
    if (!ids.length) continue;
    const set = new Set(ids);
    const b = boundsOf(next.nodes.filter((n) => set.has(n.id)));
    const pad = 24;
    next = {
      ...next,
      nodes: next.nodes.map((n) =>
        n.id === gid && n.kind === 'group'
          ? {
              ...n,
              x: b.x - pad,
              y: b.y - pad - 20,
              width: b.width + pad * 2,
              height: b.height + pad * 2 + 20,
            }
          : n,
      ),
    };
  }
  return next;
}

/**
 * The order to step through a map when presenting it: events by date first when the map is a
 * timeline, otherwise breadth-first from the central topic, siblings top to bottom. Frames are skipped.
 */
export function readingOrder(model: MapModel): string[] {
  const nodes = model.nodes.filter((n) => n.kind !== 'group');
  const ids = new Set(nodes.map((n) => n.id));
  const { parent, roots } = spanningForest(model, ids);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const kids = new Map<string, string[]>();
  for (const [child, p] of parent) kids.set(p, [...(kids.get(p) ?? []), child]);
  const pos = (id: string) => byId.get(id)!;
  const order: string[] = [];
  const queue = [...roots].sort((a, b) => pos(a).y - pos(b).y || pos(a).x - pos(b).x);
  for (let i = 0; i < queue.length; i++) {
    order.push(queue[i]);
    queue.push(...(kids.get(queue[i]) ?? []).sort((a, b) => pos(a).y - pos(b).y || pos(a).x - pos(b).x));
  }
  return order;
}
