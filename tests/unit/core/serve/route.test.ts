import { describe, expect, it } from 'vitest';
import { decodePath, routeRequest, type ServeSpace } from '../../../../core/serve/route.ts';

const status = (path: string, space: ServeSpace = 'renderer-and-content', method = 'GET') => {
  const route = routeRequest(method, path, space);
  return route.kind === 'refused' ? route.status : 200;
};

describe('serving: what a path names', () => {
  it('names the two pages at their own addresses, in the renderer’s space of both hosts', () => {
    for (const space of ['renderer', 'renderer-and-content'] as const) {
      expect(routeRequest('GET', '/', space)).toEqual({ kind: 'page', page: 'index' });
      expect(routeRequest('GET', '/index.html', space)).toEqual({ kind: 'page', page: 'index' });
      expect(routeRequest('GET', '/safe-mode/', space)).toEqual({ kind: 'page', page: 'safe-mode' });
      expect(routeRequest('HEAD', '/safe-mode/index.html', space)).toEqual({ kind: 'page', page: 'safe-mode' });
    }
  });

  it('never serves a page as it was built, whatever spelling of its path is asked for', () => {
    for (const path of ['/INDEX.HTML', '/Index.html', '/safe-mode/INDEX.html', '/assets/index.html', '/safe-mode/x/index.html'])
      expect(status(path, 'renderer'), path).toBe(404);
  });

  it('names renderer files by their decoded parts, and folders not at all', () => {
    expect(routeRequest('GET', '/assets/index-abc.js', 'renderer')).toEqual({
      kind: 'renderer-file',
      segments: ['assets', 'index-abc.js'],
    });
    expect(routeRequest('GET', '/safe-mode/fonts.css', 'renderer-and-content')).toEqual({
      kind: 'renderer-file',
      segments: ['safe-mode', 'fonts.css'],
    });
    expect(routeRequest('GET', '/assets/%E5%9B%BE.webp', 'renderer')).toEqual({ kind: 'renderer-file', segments: ['assets', '图.webp'] });
    expect(status('/assets/', 'renderer')).toBe(404);
  });

  it('names a package file by its key and path: under /content/ on one origin, at the root of its own', () => {
    const file = { kind: 'content-file', key: 'v 1', segments: ['pictures', 'a.webp'] };
    expect(routeRequest('GET', '/content/v%201/pictures/a.webp', 'renderer-and-content')).toEqual(file);
    expect(routeRequest('GET', '/v%201/pictures/a.webp', 'content')).toEqual(file);
    // The renderer's own origin under Electron holds no package.
    expect(routeRequest('GET', '/content/v1/pictures/a.webp', 'renderer')).toEqual({
      kind: 'renderer-file',
      segments: ['content', 'v1', 'pictures', 'a.webp'],
    });
    for (const path of ['/content/', '/content/v1', '/content/v1/', '/content/v1/pictures/', '/content/v1/safe-mode/index.html/'])
      expect(status(path), path).toBe(404);
  });

  it('refuses a package path that no package can hold, without looking for it', () => {
    for (const path of ['/content/v1/a%25b.webp', '/content/v1/con.txt', '/content/v1/a:b', '/content/v1/a%23b', '/content/v1/ a.webp'])
      expect(routeRequest('GET', path, 'renderer-and-content'), path).toEqual({
        kind: 'refused',
        status: 404,
        message: 'Not in the active content package.',
      });
  });

  it('answers 400, not 500, to a malformed escape, NUL, an escaped slash, a backslash, traversal or an empty part', () => {
    for (const path of [
      '/assets/%',
      '/assets/%zz.js',
      '/assets/%E5%9B.js',
      '/content/%/a.webp',
      '/content/v1/%C0%AF.webp',
      '/assets/a%00.js',
      '/assets/a\u0000.js',
      '/assets/a%0a.js',
      '/..%2fsecret.txt',
      '/assets%2Fx.js',
      '/assets%5cx.js',
      '/assets\\x.js',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/content/v1/%2E%2E/%2e%2e/secret.txt',
      '/./index.html',
      '//index.html',
      '/assets//x.js',
      'assets/x.js',
      'http://127.0.0.1/x',
    ]) {
      for (const space of ['renderer', 'content', 'renderer-and-content'] as const) {
        const route = routeRequest('GET', path, space);
        expect(route.kind === 'refused' && route.status, `${path} in ${space}`).toBe(400);
      }
    }
  });

  it('answers only GET and HEAD, before looking at the path', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'get'])
      expect(routeRequest(method, '/index.html', 'renderer'), method).toEqual({
        kind: 'refused',
        status: 405,
        message: 'Use GET or HEAD.',
      });
    expect(status('/%', 'renderer', 'POST')).toBe(405);
  });

  it('decodes each part once, so an escaped escape stays a name', () => {
    expect(decodePath('/a%2525b')).toEqual({ segments: ['a%25b'] });
    expect(decodePath('/a/')).toEqual({ segments: ['a', ''] });
    expect(decodePath('/')).toEqual({ segments: [''] });
  });
});
