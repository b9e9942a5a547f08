import { useCallback, useRef } from 'react';
import { buildScene, type MapModel, type Scene } from '@hoso/mindmap';
import { drawScene, nodeAt } from './farZoomDraw';
import { useViewportRedraw, type Viewport } from './useViewportRedraw';

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
 * redrawn once per frame while React Flow's transform or pane size changes (useViewportRedraw).
 * It takes no pointer events: drags pan the pane underneath as usual and clicks reach onPaneClick,
 * where the editor hit-tests with farNodeAt.
 */
export function FarZoomCanvas({ model, selected }: { model: MapModel; selected: ReadonlySet<string> }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const font = useRef<string>(undefined);
  const draw = useCallback(
    ({ transform, width, height }: Viewport) => {
      const canvas = ref.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      // The app's own font stack (base.css), read once, so canvas titles look like the DOM ones.
      font.current ??= getComputedStyle(canvas).fontFamily || 'sans-serif';
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const [x, y, zoom] = transform;
      drawScene(ctx, sceneOf(model), { x, y, zoom, width, height, dpr }, selected, font.current);
    },
    [model, selected],
  );
  useViewportRedraw(draw);
  return <canvas ref={ref} className="mm-far-canvas" aria-hidden="true" data-testid="far-canvas" />;
}
