import { useEffect, useRef } from 'react';
import {
  getNodesBounds,
  getViewportForBounds,
  useOnViewportChange,
  useReactFlow,
  useStore,
  useStoreApi,
  type Viewport,
} from '@xyflow/react';
import { z } from 'zod';
import type { MapModel } from '@hoso/mindmap';
import { toFlowNode } from './toFlow';

/** How the first open of a map frames it: the whole map, never magnified past 1:1. */
export const FIRST_FIT = { padding: 0.1, maxZoom: 1 } as const;

const ViewportSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  zoom: z.number().finite().positive(),
});

// View state, not case data: it lives for the browser session, per map.
const storageKey = (mapId: string) => `hoso.mindmap.viewport.${mapId}`;

export function readViewport(mapId: string): Viewport | null {
  try {
    const parsed = ViewportSchema.safeParse(JSON.parse(sessionStorage.getItem(storageKey(mapId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveViewport(mapId: string, v: Viewport): void {
  sessionStorage.setItem(storageKey(mapId), JSON.stringify({ x: v.x, y: v.y, zoom: v.zoom }));
}

/**
 * Places the editor's camera once per mounted map: where the user left this map in this session,
 * or else fitted to the whole map. Replaces React Flow's `fitView` prop, whose initial fit is racy
 * here: our nodes are born measured (toFlow.ts), so the queued fit fires on the first setNodes,
 * which can come before the pane has its size or its pan-zoom instance — the fit then lands on
 * stale dimensions or is dropped (xyflow/xyflow PR #5834). This waits for both, and fits from the
 * model's own positions and fixed sizes, so off-screen nodes never rendered (onlyRenderVisibleElements)
 * count as well. Every viewport change is remembered (three numbers; written per change, not on
 * move end, since the user may leave mid-gesture).
 */
export function useMapViewport(mapId: string, model: MapModel, minZoom: number): void {
  const flow = useReactFlow();
  const store = useStoreApi();
  const ready = useStore((s) => Boolean(s.panZoom) && s.width > 0 && s.height > 0);
  // Which map the camera has been placed for: the editor may stay mounted from one map to the next.
  const placed = useRef<string | null>(null);

  useEffect(() => {
    if (!ready || placed.current === mapId) return;
    placed.current = mapId;
    const saved = readViewport(mapId);
    if (saved) {
      void flow.setViewport(saved);
      return;
    }
    if (!model.nodes.length) return;
    const { width, height } = store.getState();
    const bounds = getNodesBounds(model.nodes.map((n) => toFlowNode(n)));
    void flow.setViewport(
      getViewportForBounds(bounds, width, height, minZoom, FIRST_FIT.maxZoom, FIRST_FIT.padding),
    );
  }, [ready, mapId, model.nodes, flow, store, minZoom]);

  useOnViewportChange({
    onChange: (v) => {
      if (placed.current === mapId) saveViewport(mapId, v);
    },
  });
}
