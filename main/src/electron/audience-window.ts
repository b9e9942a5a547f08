import type { BrowserWindow as BrowserWindowType, Screen } from 'electron';
import { APP_INDEX_URL, audienceHash } from './app-origin';
import { audienceWindowPlacement, pickAudienceDisplay } from './displays';
import { secureWebPreferences } from './window-policy';

type Electron = { BrowserWindow: typeof BrowserWindowType; screen: Screen };

/**
 * Opens (or moves) the courtroom audience window: full-screen on the chosen display, or a normal
 * window when there is only one. It shows nothing but the exhibit: no menu, no frame when full-screen.
 */
/** Hardening (navigation, window.open) comes from the app-wide web-contents-created handler. */
export function createAudienceWindows(electron: Electron, preload: string) {
  let audience: BrowserWindowType | undefined;
  return {
    open(request: { caseId: string; presentationId?: string; displayId?: string; fixed169?: boolean }): void {
      const displays = electron.screen.getAllDisplays();
      const primary = electron.screen.getPrimaryDisplay();
      const display = pickAudienceDisplay(displays, primary.id, request.displayId);
      const placement = audienceWindowPlacement(display, request.fixed169 ?? false);
      audience?.close();
      audience = new electron.BrowserWindow({
        ...placement,
        show: false,
        autoHideMenuBar: true,
        frame: !placement.fullscreen,
        backgroundColor: '#000000',
        title: 'HoSo — Trình chiếu',
        webPreferences: secureWebPreferences(preload),
      });
      const win = audience;
      win.setMenu(null);
      win.once('ready-to-show', () => win.show());
      win.on('closed', () => {
        if (audience === win) audience = undefined;
      });
      void win.loadURL(`${APP_INDEX_URL}${audienceHash(request)}`);
    },
    close(): void {
      audience?.close();
    },
  };
}
