import { describe, expect, it, vi } from 'vitest';
import {
  hideCursor,
  isAllowedRequest,
  isBlockedShortcut,
  lockContents,
  lockSession,
  relockOnDisplayChange,
} from '../../../electron/lockdown.ts';
import { FakeScreen, FakeSession, FakeWebContents, FakeWindow } from './electron-mock.ts';

/** Whether the locked session lets a request for `url` through. */
function decider() {
  const session = new FakeSession();
  lockSession(session as never);
  return (url: string) => {
    let cancel: boolean | undefined;
    session.beforeRequest!({ url }, (r) => (cancel = r.cancel));
    return cancel === false;
  };
}

const key = (k: string, mods: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('lockdown', () => {
  it('refuses every permission request and check', () => {
    const session = new FakeSession();
    lockSession(session as never);
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'fullscreen', 'clipboard-read'])
      session.permissionRequest!(null, permission, callback);
    expect(callback.mock.calls.every(([ok]) => ok === false)).toBe(true);
    expect(session.permissionCheck!()).toBe(false);
    expect(session.devicePermission!()).toBe(false);
  });

  it('cancels every request that would leave the machine', () => {
    const session = new FakeSession();
    lockSession(session as never);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://renderer/index.html')).toBe(false);
    expect(decide('app://content/k/pictures/a.webp')).toBe(false);
    expect(decide('blob:app://renderer/1234')).toBe(false);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://x/', 'ftp://x/', 'not a url'])
      expect(decide(url)).toBe(true);
    expect(isAllowedRequest('chrome-extension://abc/')).toBe(false);
  });

  it('blocks navigation away from the renderer, new windows, webviews and the context menu', () => {
    const contents = new FakeWebContents();
    lockContents(contents as never, true);
    const fire = (event: string, ...args: unknown[]) => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, ...args);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(fire('context-menu')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('locks pinch zoom after every load and zoom change', () => {
    const contents = new FakeWebContents();
    lockContents(contents as never, true);
    contents.emit('did-finish-load');
    contents.emit('zoom-changed', {}, 'in');
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });

  it('swallows reload, devtools, zoom and close shortcuts in production', () => {
    for (const input of [
      key('F5'),
      key('F12'),
      key('r', { control: true }),
      key('I', { control: true, shift: true }),
      key('=', { control: true }),
      key('w', { control: true }),
      key('F4', { alt: true }),
      key('ArrowLeft', { alt: true }),
    ])
      expect(isBlockedShortcut(input)).toBe(true);
    expect(isBlockedShortcut(key('a'))).toBe(false);
    expect(isBlockedShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
    const contents = new FakeWebContents();
    lockContents(contents as never, true);
    const e = { preventDefault: vi.fn() };
    contents.emit('before-input-event', e, key('F5'));
    expect(e.preventDefault).toHaveBeenCalled();
    const dev = new FakeWebContents();
    lockContents(dev as never, false);
    const e2 = { preventDefault: vi.fn() };
    dev.emit('before-input-event', e2, key('F5'));
    expect(e2.preventDefault).not.toHaveBeenCalled();
  });

  it('closes devtools if they open in production', () => {
    const contents = new FakeWebContents();
    lockContents(contents as never, true);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
  });

  it('lets no request leave the machine, whatever its scheme', () => {
    const allowed = decider();
    const outside = [
      'http://example.com/',
      'https://example.com/font.woff2',
      'http://127.0.0.1:8080/',
      'http://localhost/',
      'http://[::1]/',
      'http://10.0.0.1/',
      'ws://example.com/socket',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'file://server/share/x',
      'chrome://settings/',
      'chrome-extension://abcdef/page.html',
      'chrome-untrusted://x/',
      'filesystem:https://example.com/temporary/x',
      'blob:https://example.com/5f1c0d6e',
      'blob:null/5f1c0d6e',
      'about:blank',
      'javascript:alert(1)',
      'mailto:staff@example.com',
      'tel:+861234',
      'sms:+861234',
      'intent://scan/#Intent;scheme=zxing;end',
      'ipfs://bafy/',
      'gopher://example.com/',
      'ssh://example.com/',
      'smb://server/share',
      'steam://run/1',
      'ms-settings:display',
      'view-source:app://renderer/index.html',
      'not a url',
      '',
    ];
    for (const url of outside) expect(allowed(url), url).toBe(false);
    for (const url of [
      'app://renderer/index.html',
      'APP://renderer/assets/a.js',
      'app://content/k/pictures/a.webp',
      'blob:app://renderer/5f1c0d6e',
      'data:image/png;base64,iVBORw0KGgo=',
      'devtools://devtools/bundled/inspector.html',
    ])
      expect(allowed(url), url).toBe(true);
  });

  it('sends no WebRTC traffic that would bypass the request filter, and checks no spelling', () => {
    const contents = new FakeWebContents();
    lockContents(contents as never, true);
    expect(contents.setWebRTCIPHandlingPolicy).toHaveBeenCalledWith('disable_non_proxied_udp');
    const session = new FakeSession();
    lockSession(session as never);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.setDisplayMediaRequestHandler).toHaveBeenCalled();
  });

  it('refuses downloads and any navigation inside a frame', () => {
    const session = new FakeSession();
    lockSession(session as never);
    const download = { preventDefault: vi.fn() };
    session.emit('will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
    const contents = new FakeWebContents();
    lockContents(contents as never, true);
    const sub = { isMainFrame: false, url: 'app://renderer/index.html', preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    const main = { isMainFrame: true, url: 'app://renderer/index.html', preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', main);
    expect(main.preventDefault).not.toHaveBeenCalled();
  });

  it('locks zoom again and returns to kiosk mode when a display is added, removed or changes', () => {
    const screen = new FakeScreen();
    const window = new FakeWindow();
    const onChange = vi.fn();
    const stop = relockOnDisplayChange(screen as never, window as never, true, onChange);
    window.kiosk = false;
    for (const event of ['display-added', 'display-removed', 'display-metrics-changed']) screen.emit(event);
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(3);
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    expect(window.webContents.setZoomFactor).toHaveBeenCalledWith(1);
    expect(window.setKiosk).toHaveBeenCalledTimes(1);
    expect(window.kiosk).toBe(true);
    expect(onChange).toHaveBeenCalledTimes(3);
    stop();
    screen.emit('display-metrics-changed');
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('leaves a development window out of kiosk mode when displays change', () => {
    const screen = new FakeScreen();
    const window = new FakeWindow();
    window.kiosk = false;
    relockOnDisplayChange(screen as never, window as never, false);
    screen.emit('display-added');
    expect(window.setKiosk).not.toHaveBeenCalled();
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });

  it('hides the cursor on every page while the screen is touch, and shows it again when it is not', async () => {
    const contents = new FakeWebContents();
    let touch = true;
    const cursor = hideCursor(contents as never, () => touch);
    contents.emit('dom-ready');
    await Promise.resolve();
    expect([...contents.insertedCss.values()]).toEqual(['*, *::before, *::after { cursor: none !important; }']);
    expect(contents.insertCSS).toHaveBeenCalledWith(expect.stringContaining('cursor: none !important'), { cssOrigin: 'user' });
    cursor.refresh();
    expect(contents.insertCSS).toHaveBeenCalledTimes(1);
    touch = false;
    cursor.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(contents.insertedCss.size).toBe(0);
    contents.emit('dom-ready');
    expect(contents.insertCSS).toHaveBeenCalledTimes(1);
    touch = true;
    cursor.refresh();
    contents.emit('dom-ready');
    expect(contents.insertCSS).toHaveBeenCalledTimes(3);
  });
});
