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

/** The parts of the `electron` module the kiosk uses. */
export function electronMock() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    BrowserWindow: vi.fn(function BrowserWindow(this: Record<string, unknown>, options: unknown) {
      this.options = options;
      this.webContents = new FakeWebContents();
      this.setMenu = vi.fn();
      this.once = vi.fn();
      this.loadURL = vi.fn(async () => undefined);
    }),
  };
}
