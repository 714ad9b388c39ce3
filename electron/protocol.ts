/**
 * The `app://` protocol: `app://renderer/…` serves the built renderer (and in it the
 * safe-mode page, filled in with the exhibit's title) and `app://content/<key>/…` the active
 * package, nothing else, with the kiosk's CSP.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';
import { contentType, resolveInside } from '../core/content/files.ts';
import { kioskCsp } from '../core/csp.ts';
import type { KioskService } from '../core/kiosk-service.ts';
import { renderSafeModePage, SAFE_MODE_PAGE } from '../core/safe-mode.ts';

/** The scheme, and the two hosts it answers. */
export const SCHEME = 'app';
export const CONTENT_BASE_URL = `${SCHEME}://content/`;

/** Registers `app:` as a standard, secure scheme; must run before the app is ready. */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

const headers = (file: string) => ({
  'Content-Type': contentType(file),
  'Content-Security-Policy': kioskCsp(`${SCHEME}://content`),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

/** Resolves an `app://` URL to a file inside one of the two roots, or undefined. */
export async function resolveAppUrl(
  url: string,
  rendererDir: string,
  service: Pick<KioskService, 'contentFile'>,
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${SCHEME}:` || parsed.username || parsed.password || parsed.port) return undefined;
  const pathname = parsed.pathname.replace(/^\//, '');
  if (parsed.hostname === 'renderer') return resolveInside(rendererDir, pathname);
  if (parsed.hostname === 'content') {
    const slash = pathname.indexOf('/');
    if (slash <= 0) return undefined;
    let key: string;
    try {
      key = decodeURIComponent(pathname.slice(0, slash));
    } catch {
      return undefined;
    }
    return service.contentFile(key, pathname.slice(slash + 1));
  }
  return undefined;
}

/** True for the safe-mode page's addresses, `app://renderer/safe-mode/` and its `index.html`. */
export function isSafeModeUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${SCHEME}:` &&
      parsed.hostname === 'renderer' &&
      (parsed.pathname === '/safe-mode/' || parsed.pathname === `/${SAFE_MODE_PAGE}`)
    );
  } catch {
    return false;
  }
}

/** Serves `app://` in `session`. */
export function handleAppProtocol(
  session: Session,
  rendererDir: string,
  service: Pick<KioskService, 'contentFile' | 'exhibitTitle'>,
): void {
  session.protocol.handle(SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    if (isSafeModeUrl(request.url)) {
      const template = await fs.readFile(path.join(rendererDir, SAFE_MODE_PAGE), 'utf8');
      const title = await service.exhibitTitle();
      const page = renderSafeModePage(template, { retryUrl: '../index.html', ...(title ? { title } : {}) });
      return new Response(request.method === 'HEAD' ? null : page, { status: 200, headers: headers(SAFE_MODE_PAGE) });
    }
    const file = await resolveAppUrl(request.url, rendererDir, service);
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(request.method === 'HEAD' ? null : await fs.readFile(file), { status: 200, headers: headers(file) });
  });
}
