/**
 * The Electron host: one locked-down kiosk window over the core's service. Everything the
 * kiosk decides lives in `core/`; this file starts it and carries messages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, Menu, powerSaveBlocker, screen, session, type WebContents } from 'electron';
import { defaultMountRoots } from '../core/import/mounts.ts';
import { writableInstallPaths } from '../core/install-trust.ts';
import { createKiosk } from '../core/kiosk.ts';
import { RotatingLog } from '../core/log.ts';
import { appLayout } from '../core/paths.ts';
import { gpuRelaunchesFrom, nextNightlyRestart, recoveryPolicy, softwareRenderingAfter } from '../core/recovery.ts';
import { hidesCursor } from '../core/settings.ts';
import { wirePushes, wireRequests } from './ipc.ts';
import { hideCursor, lockContents, lockSession, relockOnDisplayChange } from './lockdown.ts';
import { CONTENT_BASE_URL, handleAppProtocol, registerScheme } from './protocol.ts';
import { wireRecovery, type Recovery } from './recovery.ts';
import { createKioskWindow } from './window.ts';

const production = app.isPackaged || process.env.KIOSK_PRODUCTION === '1';
const dataDir = process.env.KIOSK_DATA_DIR ?? app.getPath('userData');
const log = new RotatingLog(dataDir, { base: { host: 'electron' } });
const gpuRelaunches = gpuRelaunchesFrom(process.argv);

// A kiosk shows no error dialog: whatever escapes goes to the log, and the supervisor restarts the app.
process.on('uncaughtException', (error) => {
  log.error('main-crash', { error });
  app.exit(1);
});
process.on('unhandledRejection', (reason) => log.warn('main-unhandled-rejection', { reason }));

// Linux has no asar integrity check: run only from an install the kiosk's user cannot change.
const untrusted = writableInstallPaths({
  platform: process.platform,
  packaged: app.isPackaged,
  resourcesDir: process.resourcesPath,
  ...(process.env.APPIMAGE ? { appImage: process.env.APPIMAGE } : {}),
  writable: (p) => {
    try {
      fs.accessSync(p, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
});
if (untrusted.length > 0) {
  log.error('install-writable', { paths: untrusted });
  console.error(
    `The kiosk will not run from a place its user can change (${untrusted.join(', ')}): install the deb, or put the AppImage in a folder owned by root.`,
  );
  app.exit(3);
}

registerScheme();
app.enableSandbox();
if (softwareRenderingAfter(gpuRelaunches)) app.disableHardwareAcceleration();
app.commandLine.appendSwitch('disable-pinch');
app.commandLine.appendSwitch('overscroll-history-navigation', '0');
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
// The kiosk user logs in automatically, so the desktop keyring stays locked: without this, Chromium's
// cookie encryption can open an "Unlock keyring" dialog over the exhibit. The kiosk keeps no secrets in cookies.
if (process.platform === 'linux') app.commandLine.appendSwitch('password-store', 'basic');
Menu.setApplicationMenu(null);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let kioskWindow: BrowserWindow | undefined;
  let recovery: Recovery | undefined;
  const kiosk = (): WebContents | undefined => kioskWindow?.webContents;

  app.on('second-instance', () => kioskWindow?.focus());
  app.on('web-contents-created', (_event, contents) => lockContents(contents, production));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => log.info('app-stop'));

  void app.whenReady().then(async () => {
    const appRoot = app.getAppPath();
    const layout = appLayout(appRoot);
    const { service, settings: settingsStore } = await createKiosk({
      appRoot,
      dataDir,
      host: { host: 'electron', appVersion: app.getVersion(), platform: process.platform },
      contentBaseUrl: CONTENT_BASE_URL,
      mountRoots: defaultMountRoots(),
      log: (event, fields) => log.info(event, fields),
      onHeartbeat: (beat) => recovery?.heartbeat(beat),
    });
    const settings = await settingsStore.read();
    log.info('app-start', {
      version: app.getVersion(),
      electron: process.versions.electron,
      platform: process.platform,
      production,
      gpuRelaunches,
      softwareRendering: softwareRenderingAfter(gpuRelaunches),
      nightlyRestart: settings.nightlyRestart && nextNightlyRestart(new Date(), settings.nightlyRestart)?.toISOString(),
      memoryCeilingMb: settings.memoryCeilingMb,
    });
    lockSession(session.defaultSession);
    handleAppProtocol(session.defaultSession, layout.rendererDir, service);
    wireRequests(service, kiosk);
    wirePushes(service, kiosk);
    powerSaveBlocker.start('prevent-display-sleep');
    kioskWindow = createKioskWindow(path.join(appRoot, 'dist', 'electron', 'preload.cjs'), production);
    recovery = wireRecovery({
      window: kioskWindow,
      policy: recoveryPolicy(settings),
      log,
      nightlyRestart: settings.nightlyRestart,
      argv: process.argv,
      gpuRelaunches,
    });
    const cursor = hideCursor(kioskWindow.webContents, () =>
      hidesCursor(
        settings.hideCursor,
        screen.getAllDisplays().map((d) => d.touchSupport),
      ),
    );
    relockOnDisplayChange(screen, kioskWindow, production, () => cursor.refresh());
    kioskWindow.on('closed', () => recovery?.dispose());
  });
}
