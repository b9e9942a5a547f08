import { useEffect, useMemo, useState } from 'react';
import type { FlowEdge, FlowNode } from '../editor/toFlow';

const NO_EDGES: FlowEdge[] = [];

/**
 * What React Flow gets at far zoom, while FarZoomCanvas draws the map: the same nodes marked
 * `hidden` (React Flow renders and measures none of them, yet keeps them for zoom-to-fit with
 * includeHiddenNodes, selection and the store) and no edges at all. Nothing is mounted while
 * zoomed out, so panning costs one canvas redraw per frame.
 *
 * On the way out the DOM goes one frame after the canvas comes (CSS hides it meanwhile), so the
 * crossing frame pays for the canvas and the next for unmounting, instead of one frame both.
 * `keep` (bench only) leaves React Flow rendering the DOM nodes, hidden by CSS, for comparison.
 */
export function useFarElements(
  nodes: FlowNode[],
  edges: FlowEdge[],
  far: boolean,
  keep = false,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const [settled, setSettled] = useState(far);
  useEffect(() => {
    if (!far) {
      setSettled(false);
      return;
    }
    const frame = requestAnimationFrame(() => setSettled(true));
    return () => cancelAnimationFrame(frame);
  }, [far]);
  const hide = far && settled && !keep;
  const hidden = useMemo(
    () => (hide ? nodes.map((n) => (n.hidden ? n : { ...n, hidden: true })) : nodes),
    [hide, nodes],
  );
  return { nodes: hidden, edges: hide ? NO_EDGES : edges };
}
