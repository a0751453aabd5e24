import path from 'node:path';
import { app, BrowserWindow, session, shell, type WebContents } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, isAllowedExternal } from './csp.ts';

// Hardening applied to every web contents the app ever creates.
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    // In-app routing never changes the document; any real navigation is refused.
    const u = URL.canParse(url) ? new URL(url) : null;
    if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) e.preventDefault();
  });
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Relais',
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function preloadPath(): string {
  return path.join(__dirname, 'preload.cjs');
}
