import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, as a plain template (tested in Node). Electron's stock View menu has
 * Reload, Force Reload and Toggle Developer Tools: in the packaged app DevTools would let anyone at
 * the keyboard read every case through the renderer (and Reload drops unsaved edits), so
 * production gets a View menu of zoom and full screen only. Development builds keep the tools.
 */
export function appMenuTemplate(options: { packaged: boolean }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!options.packaged)
    view.unshift(
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
    );
  return [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'Xem', submenu: view },
    { role: 'windowMenu' },
  ];
}
