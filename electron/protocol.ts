/**
 * The `app://` protocol: `app://renderer/…` serves the built renderer and
 * `app://content/<key>/…` the active package, nothing else, with the kiosk's CSP.
 */
import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentType, resolveInside } from '../core/content/files.ts';
import { kioskCsp } from '../core/csp.ts';
import type { KioskService } from '../core/kiosk-service.ts';

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
export async function resolveAppUrl(url: string, rendererDir: string, service: Pick<KioskService, 'contentFile'>): Promise<string | undefined> {
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

/** Serves `app://` in `session`. */
export function handleAppProtocol(session: Session, rendererDir: string, service: Pick<KioskService, 'contentFile'>): void {
  session.protocol.handle(SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = await resolveAppUrl(request.url, rendererDir, service);
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(request.method === 'HEAD' ? null : await fs.readFile(file), { status: 200, headers: headers(file) });
  });
}
