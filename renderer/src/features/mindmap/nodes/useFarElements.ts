import { useMemo } from 'react';
import type { FlowEdge, FlowNode } from '../editor/toFlow';

const NO_EDGES: FlowEdge[] = [];

/**
 * What React Flow gets at far zoom, while FarZoomCanvas draws the map: the same nodes marked
 * `hidden` (React Flow renders and measures none of them, yet keeps them for zoom-to-fit with
 * includeHiddenNodes, selection and the store) and no edges at all. Nothing is mounted while
 * zoomed out, so panning costs one canvas redraw per frame. `keep` (bench only) instead leaves
 * React Flow rendering the visible DOM nodes and relies on CSS to hide them, for comparison.
 */
export function useFarElements(
  nodes: FlowNode[],
  edges: FlowEdge[],
  far: boolean,
  keep = false,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const hidden = useMemo(
    () => (far && !keep ? nodes.map((n) => (n.hidden ? n : { ...n, hidden: true })) : nodes),
    [far, keep, nodes],
  );
  return { nodes: hidden, edges: far && !keep ? NO_EDGES : edges };
}
