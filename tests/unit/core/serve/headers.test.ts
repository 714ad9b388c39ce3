import { describe, expect, it } from 'vitest';
import { kioskCsp } from '../../../../core/csp.ts';
import { answerHeaders, cachePolicy, securityHeaders } from '../../../../core/serve/headers.ts';

describe('serving: the one set of headers', () => {
  it('holds every page and file to the kiosk CSP, no sniffing, no referrer, no framing and no embedding elsewhere', () => {
    expect(securityHeaders()).toEqual({
      'Content-Security-Policy': kioskCsp(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    });
  });

  it('names the package’s own origin in the CSP, and lets only its files be loaded from the renderer’s origin', () => {
    const origins = { contentOrigin: 'app://content' };
    expect(securityHeaders(origins)['Content-Security-Policy']).toBe(kioskCsp('app://content'));
    expect(securityHeaders(origins)['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(securityHeaders(origins, 'content')['Cross-Origin-Resource-Policy']).toBe('cross-origin');
    // On one origin a package file is the page's own.
    expect(securityHeaders({}, 'content')['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(Object.keys(securityHeaders(origins, 'content'))).toEqual(Object.keys(securityHeaders()));
  });

  it('keeps nothing with a token or a refusal, caches hashed build files for good, and checks every other file again', () => {
    expect(cachePolicy({ kind: 'page', page: 'index' })).toBe('no-store');
    expect(cachePolicy({ kind: 'page', page: 'safe-mode' })).toBe('no-store');
    expect(cachePolicy({ kind: 'refused', status: 404, message: 'Not found.' })).toBe('no-store');
    expect(cachePolicy({ kind: 'renderer-file', segments: ['assets', 'index-abc.js'] })).toBe('immutable');
    expect(cachePolicy({ kind: 'renderer-file', segments: ['safe-mode', 'fonts.css'] })).toBe('no-cache');
    expect(cachePolicy({ kind: 'renderer-file', segments: ['assets'] })).toBe('no-cache');
    expect(cachePolicy({ kind: 'content-file', key: 'v1', segments: ['assets', 'a.webp'] })).toBe('no-cache');
    expect(answerHeaders({ type: 'text/css', cache: 'immutable' })).toMatchObject({
      'Content-Type': 'text/css',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Frame-Options': 'DENY',
    });
  });
});
