import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A web contents stand-in that records handlers and lets tests fire events. */
export class FakeWebContents extends EventEmitter {
  mainFrame = { url: 'app://renderer/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send = vi.fn();
  setVisualZoomLevelLimits = vi.fn(async () => undefined);
  setZoomFactor = vi.fn();
  closeDevTools = vi.fn();
  isDestroyed = vi.fn(() => false);
  isCrashed = vi.fn(() => false);
  forcefullyCrashRenderer = vi.fn();
  getOSProcessId = vi.fn(() => 4242);
  setWebRTCIPHandlingPolicy = vi.fn();
  private cssKeys = 0;
  insertedCss = new Map<string, string>();
  insertCSS = vi.fn(async (css: string) => {
    const key = `css-${(this.cssKeys += 1)}`;
    this.insertedCss.set(key, css);
    return key;
  });
  removeInsertedCSS = vi.fn(async (key: string) => {
    this.insertedCss.delete(key);
  });
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

/** A session stand-in that records the handlers the kiosk installs. */
export class FakeSession extends EventEmitter {
  permissionRequest: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  permissionCheck: (() => boolean) | undefined;
  devicePermission: (() => boolean) | undefined;
  beforeRequest: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | undefined;
  protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']) {
    this.devicePermission = h;
  }
  setDisplayMediaRequestHandler = vi.fn();
  setSpellCheckerEnabled = vi.fn();
  webRequest = {
    onBeforeRequest: (h: FakeSession['beforeRequest']) => {
      this.beforeRequest = h;
    },
  };
  protocol = {
    handle: (_scheme: string, h: (request: Request) => Promise<Response>) => {
      this.protocolHandler = h;
    },
  };
}

/** A kiosk window stand-in: its web contents, the page it was told to load, kiosk mode. */
export class FakeWindow extends EventEmitter {
  options: unknown;
  webContents = new FakeWebContents();
  setMenu = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  loadURL = vi.fn(async (_url: string) => undefined);
  isDestroyed = vi.fn(() => false);
  kiosk = true;
  isKiosk = vi.fn(() => this.kiosk);
  setKiosk = vi.fn((on: boolean) => {
    this.kiosk = on;
  });
  /** The URLs loaded so far, in order. */
  loaded(): string[] {
    return this.loadURL.mock.calls.map(([url]) => url);
  }
}

/** `app`: events (child-process-gone, before-quit, ready…), switches, relaunch and exit, process metrics. */
export class FakeApp extends EventEmitter {
  isPackaged = false;
  commandLine = { appendSwitch: vi.fn() };
  enableSandbox = vi.fn();
  disableHardwareAcceleration = vi.fn();
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((_name: string) => '/tmp/kiosk-user-data');
  getAppPath = vi.fn(() => process.cwd());
  getVersion = vi.fn(() => '0.1.0');
  relaunch = vi.fn();
  exit = vi.fn();
  getAppMetrics = vi.fn((): { pid: number; type: string; memory: { workingSetSize: number } }[] => []);
}

/** `screen`: display events and the displays' touch support. */
export class FakeScreen extends EventEmitter {
  touchSupport: ('available' | 'unavailable' | 'unknown')[] = ['available'];
  getAllDisplays = vi.fn(() => this.touchSupport.map((touchSupport) => ({ touchSupport })));
}

/** The parts of the `electron` module the kiosk uses. */
export function electronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    app: new FakeApp(),
    screen: new FakeScreen(),
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    Menu: { setApplicationMenu: vi.fn() },
    powerSaveBlocker: { start: vi.fn(() => 1) },
    session: { defaultSession: new FakeSession() },
    BrowserWindow: vi.fn(function BrowserWindow(options: unknown) {
      const window = new FakeWindow();
      window.options = options;
      return window;
    }),
  };
}
