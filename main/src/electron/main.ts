// Electron entry (bundled by scripts/build-electron.mjs). Thin: it wires Electron's objects into the
// plain modules next to it, which hold the logic and are tested in Node with fakes.
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  type WebContents,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../services/data-dir';
import { createHostGate, type HostGate } from '../services/host-gate';
import { unlockFromKeyStore } from './key-store';
import { appMenuTemplate } from './app-menu';
import { APP_INDEX_URL, APP_SCHEME } from './app-origin';
import { handleAppRequest } from './app-protocol';
import { createAudienceWindows } from './audience-window';
import { toDisplayInfos } from './displays';
import { bindIpc, createIpcRouter, IPC_CHANNELS } from './ipc-router';
import {
  allowNavigation,
  allowRequest,
  denyPermission,
  secureWebPreferences,
  windowOpenDecision,
} from './window-policy';

const here = path.dirname(fileURLToPath(import.meta.url));
// Layout after build: out/electron/{main.mjs,preload.cjs}; renderer in renderer/dist.
const preload = path.join(here, 'preload.cjs');
const rendererDir = process.env.HOSO_RENDERER_DIR ?? path.resolve(here, '../../renderer/dist');

// Must happen before 'ready': app:// behaves like https (secure, fetch, standard URL parsing).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
]);

// One instance: a second launch focuses the first (two hosts must not share one data dir).
if (!app.requestSingleInstanceLock()) app.quit();

let host: HostGate | undefined;
let mainWindow: BrowserWindow | undefined;

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!allowNavigation(url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowNavigation(url, contents.getURL())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'allow-audience') {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          autoHideMenuBar: true,
          webPreferences: secureWebPreferences(preload, !app.isPackaged),
        },
      };
    }
    return { action: 'deny' };
  });
}

app.on('web-contents-created', (_event, contents) => harden(contents));

app.whenReady().then(async () => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ packaged: app.isPackaged })));
  const audience = createAudienceWindows({ BrowserWindow, screen }, preload);
  host = await createHostGate({
    dataDir: process.env.HOSO_DATA_DIR ? resolveDataDir() : app.getPath('userData'),
    env: {
      exportUrl: (name) => `app://hoso/api/exports/${encodeURIComponent(name)}`,
      listDisplays: () => toDisplayInfos(screen.getAllDisplays(), screen.getPrimaryDisplay().id),
      openAudienceWindow: (request) => audience.open(request),
    },
  });
  const liveHost = host.facade();
  await unlockFromKeyStore(host, { safeStorage, userDataDir: app.getPath('userData') });

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(denyPermission()));
  ses.setPermissionCheckHandler(denyPermission);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowRequest(details.url) }));
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, { host: liveHost, rendererDir }));

  bindIpc(ipcMain, createIpcRouter(liveHost));
  host.events.subscribe((event) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_CHANNELS.event, event);
  });

  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    show: false,
    title: 'HoSo',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preload, !app.isPackaged),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(APP_INDEX_URL);
});

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('window-all-closed', () => app.quit());

let closing = false;
app.on('before-quit', (event) => {
  // Let the OCR queue record its state so running jobs resume next time.
  if (closing || !host) return;
  event.preventDefault();
  closing = true;
  void host.close().finally(() => app.quit());
});
