/**
 * The Electron host: one locked-down kiosk window over the core's service. Everything the
 * kiosk decides lives in `core/`; this file starts it and carries messages.
 */
import path from 'node:path';
import { app, BrowserWindow, Menu, powerSaveBlocker, screen, session, type WebContents } from 'electron';
import { defaultMountRoots } from '../core/import/mounts.ts';
import { createKiosk } from '../core/kiosk.ts';
import { appLayout } from '../core/paths.ts';
import { wirePushes, wireRequests } from './ipc.ts';
import { lockContents, lockSession } from './lockdown.ts';
import { CONTENT_BASE_URL, handleAppProtocol, registerScheme } from './protocol.ts';
import { createKioskWindow } from './window.ts';

const production = app.isPackaged || process.env.KIOSK_PRODUCTION === '1';

registerScheme();
app.commandLine.appendSwitch('disable-pinch');
app.commandLine.appendSwitch('overscroll-history-navigation', '0');
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
Menu.setApplicationMenu(null);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let kioskWindow: BrowserWindow | undefined;
  const kiosk = (): WebContents | undefined => kioskWindow?.webContents;

  app.on('second-instance', () => kioskWindow?.focus());
  app.on('web-contents-created', (_event, contents) => lockContents(contents, production));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    const appRoot = app.getAppPath();
    const layout = appLayout(appRoot);
    const dataDir = process.env.KIOSK_DATA_DIR ?? app.getPath('userData');
    const { service } = await createKiosk({
      appRoot,
      dataDir,
      host: { host: 'electron', appVersion: app.getVersion(), platform: process.platform },
      contentBaseUrl: CONTENT_BASE_URL,
      mountRoots: defaultMountRoots(),
    });
    lockSession(session.defaultSession);
    handleAppProtocol(session.defaultSession, layout.rendererDir, service);
    wireRequests(service, kiosk);
    wirePushes(service, kiosk);
    powerSaveBlocker.start('prevent-display-sleep');
    kioskWindow = createKioskWindow(path.join(appRoot, 'dist', 'electron', 'preload.cjs'), production);
    screen.on('display-metrics-changed', () => void kiosk()?.setVisualZoomLevelLimits(1, 1));
  });
}
