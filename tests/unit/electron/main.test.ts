import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeApp, FakeScreen, FakeSession, FakeWebContents, FakeWindow } from './electron-mock.ts';

interface Electron {
  app: FakeApp;
  screen: FakeScreen;
  session: { defaultSession: FakeSession };
  BrowserWindow: { mock: { results: { value: FakeWindow }[] } };
  Menu: { setApplicationMenu: ReturnType<typeof vi.fn> };
  powerSaveBlocker: { start: ReturnType<typeof vi.fn> };
  protocol: { registerSchemesAsPrivileged: ReturnType<typeof vi.fn> };
}

const saved = { argv: process.argv, dataDir: process.env.KIOSK_DATA_DIR };
let handlersBefore: NodeJS.UncaughtExceptionListener[] = [];
let rejectionsBefore: NodeJS.UnhandledRejectionListener[] = [];

/** Starts electron/main.ts afresh against the `electron` mock; returns the mock once the window exists (or the lock was refused). */
async function startMain(
  options: { argv?: string[]; lock?: boolean } = {},
): Promise<{ electron: Electron; dataDir: string; window: FakeWindow | undefined }> {
  vi.resetModules();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-main-'));
  process.env.KIOSK_DATA_DIR = dataDir;
  process.argv = ['/opt/Dongfanghong Kiosk/dongfanghong-kiosk', ...(options.argv ?? [])];
  handlersBefore = process.listeners('uncaughtException');
  rejectionsBefore = process.listeners('unhandledRejection');
  const electron = (await import('electron')) as unknown as Electron;
  // The mocked module outlives resetModules: start each run from clean mocks and no listeners.
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  electron.screen.removeAllListeners();
  electron.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  await import('../../../electron/main.ts');
  if (options.lock === false) return { electron, dataDir, window: undefined };
  await vi.waitFor(() => expect(electron.BrowserWindow.mock.results.length).toBe(1));
  return { electron, dataDir, window: electron.BrowserWindow.mock.results[0]!.value };
}

afterEach(() => {
  for (const l of process.listeners('uncaughtException')) if (!handlersBefore.includes(l)) process.removeListener('uncaughtException', l);
  for (const l of process.listeners('unhandledRejection'))
    if (!rejectionsBefore.includes(l)) process.removeListener('unhandledRejection', l);
  process.argv = saved.argv;
  if (saved.dataDir === undefined) delete process.env.KIOSK_DATA_DIR;
  else process.env.KIOSK_DATA_DIR = saved.dataDir;
});

describe('Electron main process (electron mocked)', () => {
  it('sandboxes every renderer, turns off pinch, overscroll navigation and the menu before the app is ready', async () => {
    const { electron, window } = await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    const switches = electron.app.commandLine.appendSwitch.mock.calls;
    expect(switches).toContainEqual(['disable-pinch']);
    expect(switches).toContainEqual(['overscroll-history-navigation', '0']);
    if (process.platform === 'linux') expect(switches).toContainEqual(['password-store', 'basic']);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(electron.app.disableHardwareAcceleration).not.toHaveBeenCalled();
    window!.emit('closed');
  });

  it('runs one instance only: a second start focuses the kiosk, and a refused lock quits', async () => {
    const { electron, window } = await startMain();
    electron.app.emit('second-instance');
    expect(window!.focus).toHaveBeenCalled();
    window!.emit('closed');
    const refused = await startMain({ lock: false });
    expect(refused.electron.app.quit).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(refused.electron.BrowserWindow.mock.results).toHaveLength(0);
  });

  it('keeps the display awake, locks the session and every web contents, and logs the start', async () => {
    const { electron, window, dataDir } = await startMain();
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    const session = electron.session.defaultSession;
    expect(session.permissionRequest).toBeDefined();
    expect(session.beforeRequest).toBeDefined();
    expect(session.protocolHandler).toBeDefined();
    const other = new (window!.webContents.constructor as new () => FakeWebContents)();
    electron.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const options = window!.options as { webPreferences: { preload: string; sandbox: boolean } };
    expect(options.webPreferences.preload).toBe(path.join(process.cwd(), 'dist', 'electron', 'preload.cjs'));
    const log = fs
      .readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; host: string });
    expect(log.map((l) => l.event)).toContain('app-start');
    expect(log[0]!.host).toBe('electron');
    electron.app.emit('before-quit');
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8')).toContain('"event":"app-stop"');
    window!.emit('closed');
  });

  it('hides the cursor on a touch screen and re-locks zoom when the displays change', async () => {
    const { electron, window } = await startMain();
    window!.webContents.emit('dom-ready');
    await Promise.resolve();
    expect([...window!.webContents.insertedCss.values()].join()).toContain('cursor: none');
    electron.screen.emit('display-metrics-changed');
    expect(window!.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    window!.emit('closed');
  });

  it('draws in software after two GPU relaunches in a row', async () => {
    const { electron, window } = await startMain({ argv: ['--kiosk-gpu-relaunches=2'] });
    expect(electron.app.disableHardwareAcceleration).toHaveBeenCalled();
    window!.emit('closed');
  });

  it('logs an exception that escapes the main process and exits for the supervisor, with no dialog', async () => {
    const { electron, window, dataDir } = await startMain();
    const mine = process.listeners('uncaughtException').filter((l) => !handlersBefore.includes(l));
    expect(mine).toHaveLength(1);
    mine[0]!(new Error('boom'), 'uncaughtException');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8')).toContain('"event":"main-crash"');
    window!.emit('closed');
  });
});
