// Sandboxed preload: bundled to CommonJS by scripts/build-electron.mjs; may only use 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// Channel names repeated (not imported) so the preload bundle stays tiny; ipc-router.ts is the source.
const INVOKE = 'hoso:invoke';
const UPLOAD = 'hoso:upload';
const EVENT = 'hoso:event';

/** The one API the renderer sees as `window.hoso` (renderer/src/bridge/electronBridge.ts). */
contextBridge.exposeInMainWorld('hoso', {
  invoke: (command: string, payload: unknown) => ipcRenderer.invoke(INVOKE, command, payload),
  upload: (command: string, params: unknown, bytes: ArrayBuffer) =>
    ipcRenderer.invoke(UPLOAD, { command, params, bytes }),
  onEvent: (listener: (event: unknown) => void) => {
    // Never hand the IpcRendererEvent (it holds `sender`) to the page: only the data.
    const wrapped = (_event: IpcRendererEvent, data: unknown) => listener(data);
    ipcRenderer.on(EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT, wrapped);
    };
  },
});
