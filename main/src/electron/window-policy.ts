import { isAppUrl, isAudienceUrl } from './app-origin';

/**
 * Navigation and permission policy, as pure functions the Electron adapter applies:
 * the windows never leave app://hoso, never open other windows (except our own audience view),
 * never get a permission (camera, geolocation, notifications…), and never reach the network.
 */
export const secureWebPreferences = (preload: string, devTools = false) => ({
  preload,
  /** Off in the packaged app: DevTools would read every case through the renderer. */
  devTools,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
});

/** will-navigate: the hash router never triggers it; any real navigation is refused. */
export function allowNavigation(url: string, currentUrl: string): boolean {
  if (!isAppUrl(url) || !isAppUrl(currentUrl)) return false;
  // Same document, other hash: harmless (the router handles it).
  const a = new URL(url);
  const b = new URL(currentUrl);
  return a.pathname === b.pathname && a.search === b.search;
}

/** setWindowOpenHandler: only the app's own audience view may open, with our secure settings. */
export function windowOpenDecision(url: string): 'allow-audience' | 'deny' {
  return isAudienceUrl(url) ? 'allow-audience' : 'deny';
}

/** session.webRequest: anything that is not app://, a blob: or data: URL, or devtools is blocked. */
export function allowRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith('blob:app://hoso/') || url.startsWith('data:') || url.startsWith('devtools://');
}

/** Every permission request and check is denied: HoSo needs none. */
export const denyPermission = (): false => false;
