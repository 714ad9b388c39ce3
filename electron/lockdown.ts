/**
 * Electron's security checklist, applied to the kiosk's session and every web contents:
 * no permissions, no navigation, no new windows, no webviews, no network, no shortcuts.
 */
import type { Input, Session, WebContents } from 'electron';
import { SCHEME } from './protocol.ts';

/** Schemes a request may use: the app's own, and in-memory ones the renderer makes. */
const ALLOWED_SCHEMES = new Set([`${SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/** True when a request may proceed: nothing leaves the machine. */
export function isAllowedRequest(url: string): boolean {
  try {
    return ALLOWED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * True for key presses that must never reach the page or the browser: reload, devtools,
 * zoom, close, print, find, navigation and the like.
 */
export function isBlockedShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (/^f([1-9]|1[0-2])$/.test(key)) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'f4' || key === 'home')) return true;
  if ((input.control || input.meta) && ['r', 'w', 'q', 'n', 't', 'p', 'f', 'g', 'o', 's', 'u', 'j', 'i', 'l', 'h', 'd', '+', '-', '=', '0', 'tab'].includes(key))
    return true;
  if ((input.control || input.meta) && input.shift) return true;
  return key === 'browserback' || key === 'browserforward' || key === 'browserrefresh' || key === 'contextmenu';
}

/** Locks down the kiosk's session: every permission refused, every outside request cancelled. */
export function lockSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  session.on('will-download', (event) => event.preventDefault());
}

/** Locks down one web contents: no navigation away, no windows, no webviews, no menus, no zoom. */
export function lockContents(contents: WebContents, production: boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${SCHEME}://renderer/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('context-menu', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (production && isBlockedShortcut(input)) event.preventDefault();
  });
  const lockZoom = () => {
    void contents.setVisualZoomLevelLimits(1, 1);
    contents.setZoomFactor(1);
  };
  contents.on('did-finish-load', lockZoom);
  contents.on('zoom-changed', lockZoom);
  if (production) contents.on('devtools-opened', () => contents.closeDevTools());
}
