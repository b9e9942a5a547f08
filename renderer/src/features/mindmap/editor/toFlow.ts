import { MarkerType, type Edge, type Node } from '@xyflow/react';
import {
  EDGE_STYLE,
  nodeSize,
  type EdgeKind,
  type MapEdge,
  type MapNode,
  type NodeKind,
} from '@hoso/mindmap';

/** The map model as React Flow sees it: node data carries the model node itself. */
export type FlowNodeData = { node: MapNode; focused?: boolean };
export type FlowNode = Node<FlowNodeData, NodeKind>;
export type FlowEdgeData = { kind: EdgeKind; label: string };
export type FlowEdge = Edge<FlowEdgeData, 'floating'>;

export function toFlowNode(n: MapNode, selected = false, focused = false): FlowNode {
  const { width, height } = nodeSize(n);
  return {
    id: n.id,
    type: n.kind,
    position: { x: n.x, y: n.y },
    data: focused ? { node: n, focused } : { node: n },
    width,
    height,
    // Sizes are fixed per kind, so the node is born measured: React Flow then keeps its handle
    // bounds when the object is replaced (an edit, or the far-zoom `hidden` copy) instead of
    // force-rendering every such node, on screen or not, to measure it again.
    measured: { width, height },
    selected,
    // Frames stay behind the nodes they hold.
    zIndex: n.kind === 'group' ? -1 : 0,
  };
}

export function edgeLabel(e: MapEdge, kindLabel: (k: EdgeKind) => string): string {
  return e.label ?? (e.kind === 'relates' ? '' : kindLabel(e.kind));
}

export function toFlowEdge(e: MapEdge, label: string, selected = false): FlowEdge {
  const st = EDGE_STYLE[e.kind];
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'floating',
    data: { kind: e.kind, label },
    selected,
    markerEnd: { type: MarkerType.ArrowClosed, color: st.color, width: 16, height: 16 },
    style: { stroke: st.color, strokeWidth: st.width, ...(st.dash ? { strokeDasharray: '7 5' } : {}) },
    className: `mm-edge mm-edge-${e.kind}`,
  };
}

/** Rebuilds flow nodes from the model, reusing objects that did not change (React Flow diffs by identity). */
export function syncFlowNodes(prev: FlowNode[], nodes: MapNode[], focusId?: string): FlowNode[] {
  const old = new Map(prev.map((n) => [n.id, n]));
  return nodes.map((n) => {
    const o = old.get(n.id);
    const focused = n.id === focusId;
    if (o && o.data.node === n && Boolean(o.data.focused) === focused) return o;
    return toFlowNode(n, o?.selected ?? false, focused);
  });
}
