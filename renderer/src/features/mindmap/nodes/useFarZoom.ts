import { useStore } from '@xyflow/react';

/**
 * True when the map is zoomed out so far that node details are unreadable: the canvas then
 * hides details, thumbnails and edge labels by CSS (one class on the wrapper, no per-node render),
 * which keeps pan and zoom smooth on 1 000-node maps.
 */
export function useFarZoom(threshold = 0.45): boolean {
  return useStore((s) => s.transform[2] < threshold);
}
