/**
 * The headers every answer of either host carries, pages, files, refusals and the browser
 * host's own answers alike: one set, so that the Electron kiosk and the browser host (its
 * tests, previews and Chromium fallback) are held to the same policy.
 *
 * Pure.
 */
import { kioskCsp } from '../csp.ts';
import type { ServeRoute } from './route.ts';

/** How the host lays out its origins: where the package's files come from, when not from the page's own origin. */
export interface ServeOrigins {
  /** The package's own origin (`app://content` under Electron); undefined: the page's origin serves it too. */
  contentOrigin?: string;
  /**
   * The pages' origin (`app://renderer` under Electron), the one origin allowed to read the
   * package's files by `fetch` (the 3D model): Electron refuses a cross-origin fetch to a custom
   * scheme unless the scheme is CORS-enabled and the answer allows it (electron/electron#51152).
   */
  pageOrigin?: string;
}

/** What an answer is, for the one header that depends on it: a package file may be another origin's. */
export type ServeResource = 'app' | 'content';

/** Powerful features no page of the kiosk uses, refused to every page. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()';

/**
 * The security headers: the kiosk's CSP, no sniffing, no referrer, no framing, no opener
 * across origins, and no other origin may embed what the kiosk serves. The one exception is a
 * package file when the package has an origin of its own (Electron's `app://content`), which
 * its pages on `app://renderer` must be able to load, and read by `fetch` from that one origin.
 */
export function securityHeaders(origins: ServeOrigins = {}, resource: ServeResource = 'app'): Record<string, string> {
  const crossOrigin = resource === 'content' && origins.contentOrigin !== undefined;
  return {
    ...(crossOrigin && origins.pageOrigin ? { 'Access-Control-Allow-Origin': origins.pageOrigin } : {}),
    'Content-Security-Policy': kioskCsp(origins.contentOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': crossOrigin ? 'cross-origin' : 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
}

/**
 * How long an answer may be kept: `no-store` for the pages (the browser host's carries its
 * token) and for refusals and messages; `immutable` for the built renderer's `assets/`, whose
 * names carry a hash of their content; `no-cache` for every other file (a new package may
 * change a file under the same name).
 */
export type CachePolicy = 'no-store' | 'no-cache' | 'immutable';

const CACHE_CONTROL: Record<CachePolicy, string> = {
  'no-store': 'no-store',
  'no-cache': 'no-cache',
  immutable: 'public, max-age=31536000, immutable',
};

/** The folder of the built renderer whose file names are content hashes (Vite's `build.assetsDir`). */
export const HASHED_ASSETS_DIR = 'assets';

/** How long the answer to `route` may be kept. */
export function cachePolicy(route: ServeRoute): CachePolicy {
  switch (route.kind) {
    case 'page':
    case 'refused':
      return 'no-store';
    case 'renderer-file':
      return route.segments.length > 1 && route.segments[0] === HASHED_ASSETS_DIR ? 'immutable' : 'no-cache';
    case 'content-file':
      return 'no-cache';
  }
}

/** Every header of an answer but its length: the security set, its type and how long it may be kept. */
export function answerHeaders(options: {
  type: string;
  cache: CachePolicy;
  origins?: ServeOrigins;
  resource?: ServeResource;
}): Record<string, string> {
  return {
    ...securityHeaders(options.origins, options.resource),
    'Content-Type': options.type,
    'Cache-Control': CACHE_CONTROL[options.cache],
  };
}
