import { useEffect, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { EDGE_KIND_LABEL, layoutMap, type LayoutKind } from '@hoso/mindmap';
import { edgeTypes } from '../nodes/FloatingEdge';
import { nodeTypes } from '../nodes/MapNodes';
import { useFarZoom } from '../nodes/useFarZoom';
import { FarZoomCanvas } from '../nodes/FarZoomCanvas';
import { farZoomLevels } from '../nodes/farZoomDraw';
import { useFarElements } from '../nodes/useFarElements';
import { edgeLabel, toFlowEdge, toFlowNode, type FlowEdge, type FlowNode } from '../editor/toFlow';
import { syntheticMap } from './generate';
import '../mindmap.css';
import '../../../styles/base.css';

/**
 * Bench page (served by Vite's dev server, driven by tests/bench/mindmap-bench.ts): the editor's
 * node and edge components on a 1 000-node / 1 500-edge map; window.hosoBench runs the measurements.
 */
const params = new URLSearchParams(location.search);
const N = Number(params.get('nodes') ?? 1000);
const M = Number(params.get('edges') ?? 1500);
const model = syntheticMap(N, M);
// lod=canvas (default, as the editor), keep (canvas, DOM nodes kept and hidden by CSS), off (DOM only).
const LOD = params.get('lod') ?? 'canvas';
// far=0.5 tries another threshold (default: the editor's, by map size).
const FAR = params.get('far')
  ? { enter: Number(params.get('far')), leave: Number(params.get('far')) + 0.06 }
  : farZoomLevels(N);
const NO_SELECTION = new Set<string>();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

function Bench() {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const far = useFarZoom(FAR.enter, FAR.leave) && LOD !== 'off';
  const allNodes = useMemo(() => model.nodes.map((n) => toFlowNode(n)), []);
  const allEdges = useMemo(
    () =>
      model.edges.map((e) =>
        toFlowEdge(
          e,
          edgeLabel(e, (k) => EDGE_KIND_LABEL[k]),
        ),
      ),
    [],
  );
  const { nodes, edges } = useFarElements(allNodes, allEdges, far, LOD === 'keep');
  useEffect(() => {
    const frames = async (count: number, step: (i: number) => void) => {
      const times: number[] = [];
      const slow: string[] = [];
      let last = performance.now();
      for (let i = 0; i < count; i++) {
        step(i);
        await new Promise(requestAnimationFrame);
        const now = performance.now();
        times.push(now - last);
        if (now - last > 33.4) slow.push(`${flow.getViewport().zoom.toFixed(2)}:${(now - last).toFixed(0)}`);
        last = now;
      }
      times.sort((a, b) => a - b);
      return {
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        max: times[times.length - 1],
        over33: times.filter((t) => t > 33.4).length,
        frames: count,
        slow: slow.join(' '),
      };
    };
    window.hosoBench = {
      nodes: N,
      edges: M,
      async layout(kind: LayoutKind, size?: number) {
        const m = size ? syntheticMap(size, Math.round(size * 1.5)) : model;
        const t0 = performance.now();
        await layoutMap(m, kind);
        return performance.now() - t0;
      },
      async pan(zoom: number, count = 120) {
        await flow.setViewport({ x: 0, y: 0, zoom });
        await new Promise(requestAnimationFrame);
        return frames(count, (i) => void flow.setViewport({ x: -i * 12, y: -i * 6, zoom }));
      },
      async zoom(count = 120) {
        return frames(
          count,
          (i) =>
            void flow.setViewport({
              x: 0,
              y: 0,
              zoom: 0.08 + 0.9 * (0.5 - 0.5 * Math.cos((i / count) * 2 * Math.PI)),
            }),
        );
      },
      async fit() {
        await flow.fitView({ includeHiddenNodes: true });
        return flow.getViewport().zoom;
      },
    };
  }, [flow]);
  return (
    <div
      style={{ width: '100vw', height: '100vh' }}
      className={far ? 'mm-bench mm-far mm-far-drawn' : 'mm-bench'}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onlyRenderVisibleElements={params.get('visible') !== '0'}
        minZoom={0.02}
      >
        {far && <FarZoomCanvas model={model} selected={NO_SELECTION} />}
      </ReactFlow>
    </div>
  );
}

declare global {
  interface Window {
    hosoBench?: {
      nodes: number;
      edges: number;
      layout(kind: LayoutKind, size?: number): Promise<number>;
      pan(zoom: number, count?: number): Promise<FrameStats>;
      zoom(count?: number): Promise<FrameStats>;
      fit(): Promise<number>;
    };
  }
}
type FrameStats = {
  p50: number;
  p95: number;
  max: number;
  over33: number;
  frames: number;
  /** zoom:ms of each frame over 33 ms (printed with SLOW=1). */
  slow: string;
};

createRoot(document.getElementById('root')!).render(
  <ReactFlowProvider>
    <Bench />
  </ReactFlowProvider>,
);
