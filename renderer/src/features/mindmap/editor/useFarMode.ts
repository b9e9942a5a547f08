import { useCallback, useMemo, type Dispatch, type MouseEvent, type SetStateAction } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { MapModel, MapNode } from '@hoso/mindmap';
import { farNodeAt } from '../nodes/FarZoomCanvas';
import { farZoomLevels } from '../nodes/farZoomDraw';
import { useFarElements } from '../nodes/useFarElements';
import { useFarZoom } from '../nodes/useFarZoom';
import type { FlowEdge, FlowNode } from './toFlow';

/**
 * The editor's far-zoom level of detail (see nodes/farZoomDraw.ts): whether the canvas is shown,
 * what React Flow renders meanwhile, and the pointer gestures that keep working on the canvas —
 * a click selects the node under it (Ctrl/⌘ adds); a double-click opens what it links to, as on
 * the DOM node (an evidence node's page at its region), or else zooms in on it.
 */
export function useFarMode(
  model: MapModel,
  nodes: FlowNode[],
  edges: FlowEdge[],
  setNodes: Dispatch<SetStateAction<FlowNode[]>>,
  focusNode: (id: string) => void,
  openSource: (node: MapNode) => boolean,
) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const { enter, leave } = farZoomLevels(model.nodes.length);
  const far = useFarZoom(enter, leave);
  const shown = useFarElements(nodes, edges, far);
  const selected = useMemo(() => new Set(nodes.filter((n) => n.selected).map((n) => n.id)), [nodes]);

  const hit = useCallback(
    (e: MouseEvent) =>
      far ? farNodeAt(model, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })) : undefined,
    [far, flow, model],
  );

  const onPaneClick = useCallback(
    (e: MouseEvent) => {
      const id = hit(e);
      if (!id) return;
      const add = e.ctrlKey || e.metaKey;
      // React Flow clears the selection right after calling onPaneClick: select after it.
      queueMicrotask(() =>
        setNodes((ns) =>
          ns.map((n) => {
            const sel = n.id === id ? (add ? !n.selected : true) : add ? Boolean(n.selected) : false;
            return sel === Boolean(n.selected) ? n : { ...n, selected: sel };
          }),
        ),
      );
    },
    [hit, setNodes],
  );

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      const id = hit(e);
      const node = id ? model.nodes.find((n) => n.id === id) : undefined;
      if (node && !openSource(node)) focusNode(node.id);
    },
    [hit, model, focusNode, openSource],
  );

  return { far, nodes: shown.nodes, edges: shown.edges, selected, onPaneClick, onDoubleClick };
}
