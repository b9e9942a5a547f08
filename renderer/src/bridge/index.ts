import type { HostBridge } from '@hoso/contracts';
import { createElectronBridge } from './electronBridge';
import { createWebBridge } from './webBridge';

export { audienceUrl } from './webBridge';

let bridge: HostBridge | undefined;

/** The host bridge for this environment: Electron's preload API when present, else HTTP. */
export function getBridge(): HostBridge {
  bridge ??= window.hoso ? createElectronBridge(window.hoso) : createWebBridge();
  return bridge;
}

/** Tests can swap in a fake host. */
export function setBridgeForTests(fake: HostBridge | undefined): void {
  bridge = fake;
}
