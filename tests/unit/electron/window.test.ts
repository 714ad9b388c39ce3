import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createKioskWindow, RENDERER_URL } from '../../../electron/window.ts';

/** The options the kiosk window was really created with. */
function optionsOf(preload: string, production: boolean): BrowserWindowConstructorOptions {
  const window = createKioskWindow(preload, production) as unknown as { options: BrowserWindowConstructorOptions };
  return window.options;
}

describe('kiosk window', () => {
  it('isolates the page: context isolation, sandbox, no Node, no webviews, no insecure content', () => {
    const web = optionsOf('/app/preload.cjs', true).webPreferences!;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.preload).toBe('/app/preload.cjs');
  });

  it('opens no new window on a middle click, and checks no spelling (which would download dictionaries)', () => {
    const web = optionsOf('/p', true).webPreferences!;
    expect(web.disableBlinkFeatures).toContain('Auxclick');
    expect(web.spellcheck).toBe(false);
  });

  it('fills the screen as a kiosk without devtools in production', () => {
    const options = optionsOf('/p', true);
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
    expect(options.frame).toBe(false);
    expect(options.webPreferences!.devTools).toBe(false);
    expect(optionsOf('/p', false).webPreferences!.devTools).toBe(true);
    expect(optionsOf('/p', false).kiosk).toBe(false);
  });

  it('loads the renderer from app://renderer with no menu, painted paper-coloured until then', () => {
    const window = createKioskWindow('/p', true) as unknown as {
      options: BrowserWindowConstructorOptions;
      loadURL: { mock: { calls: unknown[][] } };
      setMenu: { mock: { calls: unknown[][] } };
    };
    expect(BrowserWindow).toHaveBeenCalled();
    expect(window.loadURL.mock.calls[0]![0]).toBe(RENDERER_URL);
    expect(window.setMenu.mock.calls[0]![0]).toBeNull();
    expect(window.options.show).toBe(false);
    expect(window.options.backgroundColor).toBe('#efe6d2');
  });
});
