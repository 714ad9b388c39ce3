/**
 * Electron's security checklist, applied to the kiosk's session and every web contents:
 * no permissions, no navigation, no new windows, no webviews, no network (WebRTC included),
 * no shortcuts, no zoom (re-locked when displays change), no cursor on a touch screen.
 *
 * The rest of the checklist lives beside it: context isolation, sandbox (for every renderer,
 * `app.enableSandbox()`), no Node in the page and a validated IPC sender in window.ts,
 * main.ts and ipc.ts; the CSP on every `app://` response in protocol.ts (and as a meta tag in
 * the pages); the fuses in electron-builder.yml.
 */
import type { BrowserWindow, Input, Screen, Session, WebContents } from 'electron';
import { SCHEME } from './protocol.ts';

/** Schemes a request may use: the app's own, and in-memory ones the renderer makes. */
const ALLOWED_SCHEMES = new Set([`${SCHEME}:`, 'data:', 'blob:', 'devtools:']);

/** True when a request may proceed: nothing leaves the machine. A `blob:` must belong to the app's own origin. */
export function isAllowedRequest(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (!ALLOWED_SCHEMES.has(parsed.protocol)) return false;
    if (parsed.protocol === 'blob:') return new URL(parsed.pathname).protocol === `${SCHEME}:`;
    return true;
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
  if (
    (input.control || input.meta) &&
    ['r', 'w', 'q', 'n', 't', 'p', 'f', 'g', 'o', 's', 'u', 'j', 'i', 'l', 'h', 'd', '+', '-', '=', '0', 'tab'].includes(key)
  )
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
  session.setSpellCheckerEnabled(false);
}

/** Locks down one web contents: no navigation away, no windows, no webviews, no menus, no zoom. */
export function lockContents(contents: WebContents, production: boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${SCHEME}://renderer/`)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // WebRTC's STUN traffic does not pass through webRequest: allow no UDP that a proxy would not carry (there is none).
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
  contents.on('context-menu', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (production && isBlockedShortcut(input)) event.preventDefault();
  });
  const relock = () => lockZoom(contents);
  contents.on('did-finish-load', relock);
  contents.on('zoom-changed', relock);
  if (production) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** No pinch or browser zoom: the page is laid out for exactly one scale. */
export function lockZoom(contents: Pick<WebContents, 'setVisualZoomLevelLimits' | 'setZoomFactor' | 'isDestroyed'>): void {
  if (contents.isDestroyed()) return;
  void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  contents.setZoomFactor(1);
}

/**
 * Hides the cursor on every page the kiosk window loads while `hide()` says so (the setting and
 * the displays' touch support); `refresh()` re-decides at once, for a display that came or went.
 * The style is a constant user style sheet (the page's CSP does not apply to it), written as a
 * literal so that nothing else can ever be injected this way.
 */
export function hideCursor(
  contents: Pick<WebContents, 'on' | 'insertCSS' | 'removeInsertedCSS' | 'isDestroyed'>,
  hide: () => boolean,
): { refresh(): void } {
  let inserted: Promise<string> | undefined;
  const apply = () => {
    const want = hide();
    if (want && !inserted) {
      inserted = contents.insertCSS('*, *::before, *::after { cursor: none !important; }', { cssOrigin: 'user' });
      inserted.catch(() => undefined);
    } else if (!want && inserted) {
      const key = inserted;
      inserted = undefined;
      key.then((k) => contents.removeInsertedCSS(k)).catch(() => undefined);
    }
  };
  contents.on('dom-ready', () => {
    inserted = undefined;
    apply();
  });
  return {
    refresh: () => {
      if (!contents.isDestroyed()) apply();
    },
  };
}

/**
 * After a display is added, removed or changes resolution, locks zoom again (Chromium may
 * restore pinch zoom), lets the cursor rule re-decide, and in production puts the window
 * back in kiosk mode if the change took it out. Returns a function that stops listening.
 */
export function relockOnDisplayChange(
  screen: Pick<Screen, 'on' | 'removeListener'>,
  window: Pick<BrowserWindow, 'webContents' | 'isDestroyed' | 'isKiosk' | 'setKiosk'>,
  production: boolean,
  onChange: () => void = () => {},
): () => void {
  const relock = () => {
    if (window.isDestroyed()) return;
    lockZoom(window.webContents);
    if (production && !window.isKiosk()) window.setKiosk(true);
    onChange();
  };
  const events = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
  for (const event of events) screen.on(event as 'display-added', relock);
  return () => {
    for (const event of events) screen.removeListener(event as 'display-added', relock);
  };
}
