import { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { createKioskWindow, kioskWindowOptions, RENDERER_URL } from '../../../electron/window.ts';

describe('kiosk window', () => {
  it('isolates the page: context isolation, sandbox, no Node, no webviews', () => {
    const web = kioskWindowOptions('/app/preload.cjs', true).webPreferences!;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.preload).toBe('/app/preload.cjs');
  });

  it('fills the screen as a kiosk without devtools in production', () => {
    const options = kioskWindowOptions('/p', true);
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
    expect(options.frame).toBe(false);
    expect(options.webPreferences!.devTools).toBe(false);
    expect(kioskWindowOptions('/p', false).webPreferences!.devTools).toBe(true);
  });

  it('loads the renderer from app://renderer with no menu', () => {
    const window = createKioskWindow('/p', true) as unknown as { loadURL: { mock: { calls: unknown[][] } }; setMenu: { mock: { calls: unknown[][] } } };
    expect(BrowserWindow).toHaveBeenCalled();
    expect(window.loadURL.mock.calls[0]![0]).toBe(RENDERER_URL);
    expect(window.setMenu.mock.calls[0]![0]).toBeNull();
  });
});
