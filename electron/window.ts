/**
 * The kiosk window: fullscreen, locked down, loading the renderer from `app://renderer`.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

/** Where the renderer's first page is served. */
export const RENDERER_URL = 'app://renderer/index.html';

/** The window's options: Electron's security checklist, and a kiosk that fills the screen. */
export function kioskWindowOptions(preload: string, production: boolean): BrowserWindowConstructorOptions {
  return {
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
      enableBlinkFeatures: '',
      disableBlinkFeatures: 'Auxclick',
      autoplayPolicy: 'no-user-gesture-required',
      backgroundThrottling: false,
    },
  };
}

/** Opens the kiosk window and shows it once its first frame is ready (no white flash). */
export function createKioskWindow(preload: string, production: boolean): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(preload, production));
  window.setMenu(null);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}
