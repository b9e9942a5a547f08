import { useEffect, useMemo } from 'react';
import { ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { EDGE_KIND_LABEL, type EvidenceLink, type MapModel } from '@hoso/mindmap';
import { edgeTypes } from './nodes/FloatingEdge';
import { nodeTypes } from './nodes/MapNodes';
import { useFarZoom } from './nodes/useFarZoom';
import { LightNodesContext } from './nodes/farContext';
import { edgeLabel, toFlowEdge, toFlowNode, type FlowEdge, type FlowNode } from './editor/toFlow';
import './mindmap.css';

export interface MapPresenterProps {
  model: MapModel;
  /** The node to bring to the centre and highlight (stepping node to node); none = whole map. */
  focusNodeId?: string;
  /** Clicking an evidence node (or a person's photo) asks to show its page/region. */
  onOpenEvidence?: (link: EvidenceLink) => void;
}

/**
 * The map read-only, for the courtroom: no editing, no chrome; the focused node is centred and
 * ringed. Use `readingOrder(model)` from @hoso/mindmap for the order to step through.
 */
export default function MapPresenter(props: MapPresenterProps) {
  return (
    <ReactFlowProvider>
      <PresenterCanvas {...props} />
    </ReactFlowProvider>
  );
}

function PresenterCanvas({ model, focusNodeId, onOpenEvidence }: MapPresenterProps) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const far = useFarZoom();
  const nodes = useMemo(
    () => model.nodes.map((n) => toFlowNode(n, false, n.id === focusNodeId)),
    [model.nodes, focusNodeId],
  );
  const edges = useMemo(
    () =>
      model.edges.map((e) =>
        toFlowEdge(
          e,
          edgeLabel(e, (k) => EDGE_KIND_LABEL[k]),
        ),
      ),
    [model.edges],
  );

  useEffect(() => {
    // Wait a frame so React Flow has measured the nodes before fitting.
    const id = requestAnimationFrame(() => {
      if (focusNodeId && model.nodes.some((n) => n.id === focusNodeId))
        void flow.fitView({ nodes: [{ id: focusNodeId }], duration: 350, maxZoom: 1.6, padding: 0.4 });
      else void flow.fitView({ duration: 350, padding: 0.06 });
    });
    return () => cancelAnimationFrame(id);
  }, [flow, focusNodeId, model.nodes]);

  return (
    <div className={`mm-presenter${far ? ' mm-far' : ''}`} data-focus={focusNodeId ?? ''}>
      <LightNodesContext.Provider value={far}>
        <ReactFlow<FlowNode, FlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable={false}
          deleteKeyCode={null}
          onNodeClick={(_, n) => {
            const node = n.data.node;
            if (node.kind === 'evidence') onOpenEvidence?.(node.link);
            else if (node.kind === 'person' && node.photo) onOpenEvidence?.(node.photo);
          }}
          minZoom={0.05}
          maxZoom={4}
          fitView
          proOptions={{ hideAttribution: true }}
        />
      </LightNodesContext.Provider>
    </div>
  );
}
