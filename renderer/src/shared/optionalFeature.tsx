/// <reference types="vite/client" />
import { lazy, type ComponentType } from 'react';

/**
 * Components of features built in parallel (mind map, courtroom) loaded lazily by path, so the
 * workbench builds and runs even before the file exists: a missing module renders `fallback`.
 */
const modules = import.meta.glob<Record<string, unknown>>([
  '../features/mindmap/MapsTab.tsx',
  '../features/courtroom/PresentationsTab.tsx',
]);

export function optionalComponent<P extends object>(
  path: '../features/mindmap/MapsTab.tsx' | '../features/courtroom/PresentationsTab.tsx',
  exportName: string,
  fallback: ComponentType<P>,
): ComponentType<P> {
  const load = modules[path];
  if (!load) return fallback;
  return lazy(async () => {
    const mod = await load();
    const component = mod[exportName] as ComponentType<P> | undefined;
    return { default: component ?? fallback };
  });
}
