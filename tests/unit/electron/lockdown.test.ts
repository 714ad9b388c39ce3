import { describe, expect, it, vi } from 'vitest';
import { isAllowedRequest, isBlockedShortcut, lockContents, lockSession } from '../../../electron/lockdown.ts';
import { FakeSession, FakeWebContents } from './electron-mock.ts';

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
    for (const input of [key('F5'), key('F12'), key('r', { control: true }), key('I', { control: true, shift: true }), key('=', { control: true }), key('w', { control: true }), key('F4', { alt: true }), key('ArrowLeft', { alt: true })])
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
});
