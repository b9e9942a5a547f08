import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { buildScene, type MapModel, type Scene } from '@hoso/mindmap';
import { drawScene, nodeAt } from './farZoomDraw';

/** The last model's scene: crossing the threshold back and forth does not rebuild it. */
let cached: { model: MapModel; scene: Scene } | null = null;
export function sceneOf(model: MapModel): Scene {
  if (cached?.model !== model) cached = { model, scene: buildScene(model) };
  return cached.scene;
}

/** The node under a screen point while the far-zoom canvas is shown (for clicks on the pane). */
export function farNodeAt(model: MapModel, flowPoint: { x: number; y: number }): string | undefined {
  return nodeAt(sceneOf(model), flowPoint.x, flowPoint.y);
}

/**
 * The whole map drawn on one canvas over the React Flow pane, for far zoom (see useFarZoom):
 * redrawn in requestAnimationFrame when React Flow's transform or pane size changes. It takes no
 * pointer events: drags pan the pane underneath as usual and clicks reach onPaneClick, where the
 * editor hit-tests with farNodeAt.
 */
export function FarZoomCanvas({ model, selected }: { model: MapModel; selected: ReadonlySet<string> }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const scene = sceneOf(model);
    // The app's own font stack (base.css), read once, so canvas titles look like the DOM ones.
    const font = getComputedStyle(canvas).fontFamily || 'sans-serif';
    let frame = 0;
    let drawn: unknown[] = [];
    const draw = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      const dpr = window.devicePixelRatio || 1;
      drawn = [transform, width, height];
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const [x, y, zoom] = transform;
      drawScene(ctx, scene, { x, y, zoom, width, height, dpr }, selected, font);
    };
    // Draw now (the first frame after crossing the threshold is never blank), then on changes.
    draw();
    const unsubscribe = store.subscribe((s) => {
      if (frame || (s.transform === drawn[0] && s.width === drawn[1] && s.height === drawn[2])) return;
      frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, model, selected]);
  return <canvas ref={ref} className="mm-far-canvas" aria-hidden="true" data-testid="far-canvas" />;
}
