import { useEffect, useState } from 'react';
import { useStoreApi } from '@xyflow/react';
import { FAR_ZOOM_ENTER, FAR_ZOOM_LEAVE } from './farZoomDraw';

/**
 * True when the map is zoomed out so far that node text is unreadable: the editor then draws the
 * map on one canvas (FarZoomCanvas) instead of its DOM nodes. A boolean with hysteresis (true
 * below `enter`, false again above `leave`), held in state and set from a store subscription, so
 * only a crossing re-renders the component that asks, never a zoom step.
 */
export function useFarZoom(enter = FAR_ZOOM_ENTER, leave = FAR_ZOOM_LEAVE): boolean {
  const store = useStoreApi();
  const [far, setFar] = useState(() => store.getState().transform[2] < enter);
  useEffect(() => {
    const update = (zoom: number) => setFar((was) => (was ? zoom < leave : zoom < enter));
    update(store.getState().transform[2]);
    return store.subscribe((s) => update(s.transform[2]));
  }, [store, enter, leave]);
  return far;
}
