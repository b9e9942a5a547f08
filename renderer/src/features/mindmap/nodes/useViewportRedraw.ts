import { useEffect } from 'react';
import { useStoreApi } from '@xyflow/react';

export interface Viewport {
  /** React Flow's transform: [x, y, zoom]. */
  transform: [number, number, number];
  width: number;
  height: number;
}

/**
 * Runs `draw` now (a canvas that appears is never blank for a frame) and again, at most once per
 * animation frame, whenever React Flow's transform or pane size changes. `draw` must be stable
 * for as long as what it draws is (wrap it in useCallback): a new function redraws at once.
 */
export function useViewportRedraw(draw: ((viewport: Viewport) => void) | undefined): void {
  const store = useStoreApi();
  useEffect(() => {
    if (!draw) return;
    let frame = 0;
    let drawn: Viewport | undefined;
    const run = () => {
      frame = 0;
      const { transform, width, height } = store.getState();
      drawn = { transform, width, height };
      draw(drawn);
    };
    run();
    const unsubscribe = store.subscribe((s) => {
      if (frame || (s.transform === drawn?.transform && s.width === drawn.width && s.height === drawn.height))
        return;
      frame = requestAnimationFrame(run);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, draw]);
}
