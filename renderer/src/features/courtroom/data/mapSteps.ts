/**
 * The order in which a read-only map is stepped through at trial, from a stored map model (owned
 * by the mind-map feature, read here defensively): the starting node first when one is given,
 * then the nodes top to bottom, left to right, the way a reader scans the map.
 */
interface NodeLike {
  id: string;
  position?: { x: number; y: number };
  x?: number;
  y?: number;
  type?: string;
  kind?: string;
}

export function mapNodeOrder(model: unknown, startNodeId?: string): string[] {
  const raw = (model as { nodes?: unknown } | null)?.nodes;
  const list: NodeLike[] = Array.isArray(raw)
    ? (raw as NodeLike[])
    : raw && typeof raw === 'object'
      ? Object.values(raw as Record<string, NodeLike>)
      : [];
  const nodes = list.filter((n) => n && typeof n.id === 'string' && (n.type ?? n.kind) !== 'group');
  const pos = (n: NodeLike) => n.position ?? { x: n.x ?? 0, y: n.y ?? 0 };
  nodes.sort((a, b) => pos(a).y - pos(b).y || pos(a).x - pos(b).x);
  const ids = nodes.map((n) => n.id);
  if (startNodeId && ids.includes(startNodeId))
    return [startNodeId, ...ids.filter((id) => id !== startNodeId)];
  return ids;
}
