import type { HostBridge, Result } from '@hoso/contracts';
import { commandProxy, parseHostEvent } from './proxy';

/**
 * What the Electron preload exposes as `window.hoso` (main/src/electron/preload.ts): one invoke
 * for commands, one for uploads, and an event subscription. Nothing it returns is trusted: the
 * proxy parses replies and `parseHostEvent` parses events. URLs use app://.
 */
export type PreloadApi = {
  invoke(command: string, payload: unknown): Promise<Result<unknown>>;
  upload(command: string, params: unknown, bytes: ArrayBuffer): Promise<Result<unknown>>;
  onEvent(listener: (event: unknown) => void): () => void;
};

declare global {
  interface Window {
    hoso?: PreloadApi;
  }
}

export function createElectronBridge(api: PreloadApi): HostBridge {
  return {
    mode: 'electron',
    ...commandProxy({
      invoke: (name, request) => api.invoke(name, request),
      upload: (name, params, bytes) => api.upload(name, params, bytes),
    }),
    pageImageUrl: (hash, page) => `app://hoso/api/files/${hash}/pages/${page}/image`,
    originalUrl: (hash) => `app://hoso/api/files/${hash}/original`,
    subscribe: (listener) =>
      api.onEvent((data) => {
        const event = parseHostEvent(data);
        if (event) listener(event);
      }),
  };
}
