import { jsonCommandMethods } from './commands';
import type { HostBridge, HostEvent, Result } from '@hoso/contracts';

/**
 * What the Electron preload exposes as `window.hoso` (main/src/electron/preload.ts): one invoke
 * for JSON commands, one for binary uploads, and an event subscription. URLs use app://.
 */
export type PreloadApi = {
  invoke(command: string, payload: unknown): Promise<Result<unknown>>;
  upload(
    command: 'storeFile' | 'importBundle',
    name: string,
    bytes: ArrayBuffer,
    extra?: { caseId?: string; passphrase?: string },
  ): Promise<Result<unknown>>;
  onEvent(listener: (event: HostEvent) => void): () => void;
};

declare global {
  interface Window {
    hoso?: PreloadApi;
  }
}

export function createElectronBridge(api: PreloadApi): HostBridge {
  const call = <T>(command: string, payload: unknown = {}) =>
    api.invoke(command, payload) as Promise<Result<T>>;
  return {
    mode: 'electron',
    ...jsonCommandMethods(call),
    storeFile: (name, bytes, context) =>
      api.upload('storeFile', name, bytes, { caseId: context?.caseId }) as ReturnType<
        HostBridge['storeFile']
      >,
    pageImageUrl: (hash, page) => `app://hoso/api/files/${hash}/pages/${page}/image`,
    originalUrl: (hash) => `app://hoso/api/files/${hash}/original`,
    importBundle: (bytes, passphrase) =>
      api.upload('importBundle', '', bytes, { passphrase }) as ReturnType<HostBridge['importBundle']>,
    listDisplays: () => call('listDisplays'),
    openAudienceWindow: (request) => call('openAudienceWindow', request),
    subscribe: (listener) => api.onEvent(listener),
  };
}
