/**
 * The kiosk window: fullscreen, locked down, loading the renderer from `app://renderer`.
 */
import { BrowserWindow } from 'electron';

/** Where the renderer's first page is served. */
export const RENDERER_URL = 'app://renderer/index.html';

/** The static page shown when the renderer keeps failing (see core/recovery.ts). */
export const SAFE_MODE_URL = 'app://renderer/safe-mode/index.html';

/**
 * Opens the kiosk window and shows it once its first frame is ready (no white flash). Its
 * options follow Electron's security checklist and are written out in this one call, so that
 * Electronegativity (and a reviewer) can read them where the window is made.
 */
export function createKioskWindow(preload: string, production: boolean): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    fullscreen: production,
    kiosk: production,
    autoHideMenuBar: true,
    frame: !production,
    backgroundColor: '#efe6d2',
    width: 1920,
    height: 1080,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !production,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
      safeDialogs: true,
    },
  });
  window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}
