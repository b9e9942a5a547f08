import { createContext, useContext } from 'react';

/** Callbacks node components need from the editor (none in the read-only presenter). */
export interface MapActions {
  resizeGroup(id: string, box: { x: number; y: number; width: number; height: number }): void;
}

export const MapActionsContext = createContext<MapActions | null>(null);

export function useMapActions(): MapActions | null {
  return useContext(MapActionsContext);
}
