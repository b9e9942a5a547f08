import { createContext, useContext } from 'react';

/**
 * Whether node and edge components draw their light version (box, badge, title; no details,
 * thumbnails or edge labels). The courtroom presenter provides its far-zoom flag; the editor
 * does not (its DOM nodes only exist above the far-zoom threshold, FarZoomCanvas draws below),
 * so crossing the threshold never re-renders the editor's nodes just before they unmount.
 */
export const LightNodesContext = createContext(false);

export function useLightNodes(): boolean {
  return useContext(LightNodesContext);
}
