import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { protocol } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveInside } from '../../../core/content/files.ts';
import { securityHeaders } from '../../../core/serve/headers.ts';
import { handleAppProtocol, inAppArchive, isSafeModeUrl, registerScheme, routeAppUrl } from '../../../electron/protocol.ts';
import { FakeSession } from './electron-mock.ts';

/** Header names as a Fetch `Headers` hands them over. */
const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

let root: string;
let renderer: string;
let content: string;
const service = {
  contentFile: (key: string, rel: string) => (key === 'pkg' ? resolveInside(content, rel) : Promise.resolve(undefined)),
  exhibitTitle: async () => ({ 'zh-Hans': ['测试<展览>'], ru: ['Тестовая выставка'], en: ['Test exhibition'] }),
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-'));
  renderer = path.join(root, 'renderer');
  content = path.join(root, 'content');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(content, 'pictures'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.mkdirSync(path.join(renderer, 'safe-mode'));
  fs.writeFileSync(
    path.join(renderer, 'safe-mode', 'index.html'),
    '<meta http-equiv="refresh" content="120; url=../index.html" /><h1><!--title:zh-Hans-->默认<!--/title--></h1><p><!--title:en-->Default<!--/title--></p>',
  );
  fs.writeFileSync(path.join(content, 'pictures', 'a.webp'), 'RIFF');
  fs.mkdirSync(path.join(content, 'films'));
  fs.writeFileSync(path.join(content, 'films', 'f.webm'), Buffer.from(Array.from({ length: 3 << 20 }, (_, i) => i % 251)));
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(content, 'link.txt'));
});

describe('app:// protocol', () => {
  it('streams the part of a package file asked for, and reads only files of the app archive whole', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    const part = await session.protocolHandler!(
      new Request('app://content/pkg/films/f.webm', { headers: { Range: 'bytes=2000000-2000009' } }),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2000000-2000009/${3 << 20}`);
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual(Array.from({ length: 10 }, (_, i) => (2000000 + i) % 251));
    const rest = await session.protocolHandler!(new Request('app://content/pkg/films/f.webm', { headers: { Range: 'bytes=3145000-' } }));
    expect((await rest.arrayBuffer()).byteLength).toBe((3 << 20) - 3145000);
    expect(inAppArchive(path.join(path.sep, 'opt', 'kiosk', 'resources', 'app.asar', 'renderer', 'index.html'))).toBe(true);
    expect(inAppArchive(path.join(path.sep, 'var', 'lib', 'kiosk', 'content', 'v3', 'films', 'f.webm'))).toBe(false);
  });

  it('registers app: as a standard, secure scheme', () => {
    registerScheme();
    const [[schemes]] = (
      protocol.registerSchemesAsPrivileged as unknown as { mock: { calls: [[{ scheme: string; privileges: Record<string, boolean> }[]]] } }
    ).mock.calls;
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges.standard).toBe(true);
    expect(schemes[0]!.privileges.secure).toBe(true);
    // The renderer fetches the model from app://content: without CORS Electron refuses it (electron/electron#51152).
    expect(schemes[0]!.privileges.corsEnabled).toBe(true);
  });

  it('serves the renderer and the active package, nothing else', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    const get = async (url: string) => (await session.protocolHandler!(new Request(url))).status;
    expect(await get('app://renderer/index.html')).toBe(200);
    expect(await get('app://renderer/assets/app.js')).toBe(200);
    expect(await get('app://content/pkg/pictures/a.webp')).toBe(200);
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://content/pkg/link.txt',
      'app://content/other/pictures/a.webp',
      'app://content/pkg/',
      'app://content/pkg/pictures',
      'app://elsewhere/index.html',
      'app://renderer/assets',
      'app://renderer/content/pkg/pictures/a.webp',
      'app://renderer:8080/index.html',
    ])
      expect(await get(url), url).toBe(404);
    // A Request cannot carry credentials; the route refuses them all the same.
    for (const url of ['file:///etc/passwd', 'app://user:pw@renderer/index.html', 'not a url'])
      expect(routeAppUrl(url), url).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('answers 400, not 500, to a malformed escape, NUL or an escaped slash', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    for (const url of [
      'app://renderer/..%2fsecret.txt',
      'app://renderer/assets/%zz.js',
      'app://content/%/a.webp',
      'app://renderer/a%00.js',
    ]) {
      const response = await session.protocolHandler!(new Request(url));
      expect(response.status, url).toBe(400);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('sends the one shared set of headers on every answer, with the package’s own origin named', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    const origins = { contentOrigin: 'app://content', pageOrigin: 'app://renderer' };
    const ok = await session.protocolHandler!(new Request('app://renderer/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('export {}');
    expect(Object.fromEntries(ok.headers)).toEqual(
      lower({
        ...securityHeaders(origins),
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=31536000, immutable',
        'Accept-Ranges': 'bytes',
      }),
    );
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    // A film is read by parts: the part asked for, with its place in the whole.
    const part = await session.protocolHandler!(new Request('app://renderer/assets/app.js', { headers: { Range: 'bytes=2-5' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-5/9');
    expect(await part.text()).toBe('port');
    const picture = await session.protocolHandler!(new Request('app://content/pkg/pictures/a.webp', { method: 'HEAD' }));
    expect(picture.body).toBeNull();
    expect(Object.fromEntries(picture.headers)).toEqual(
      lower({
        ...securityHeaders(origins, 'content'),
        'Content-Type': 'image/webp',
        'Cache-Control': 'no-cache',
        'Accept-Ranges': 'bytes',
      }),
    );
    expect(picture.headers.get('access-control-allow-origin'), 'only the renderer may read the package across origins').toBe(
      'app://renderer',
    );
    expect(ok.headers.get('access-control-allow-origin'), 'nothing of the renderer is opened to other origins').toBeNull();
    for (const request of [
      new Request('app://content/pkg/link.txt'),
      new Request('app://renderer/%'),
      new Request('app://renderer/index.html', { method: 'POST', body: 'x' }),
    ]) {
      const refused = await session.protocolHandler!(request);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      const { allow, ...headers } = Object.fromEntries(refused.headers);
      expect(headers, request.url).toEqual(
        lower({ ...securityHeaders(origins), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }),
      );
      if (request.method === 'POST') {
        expect(refused.status).toBe(405);
        expect(allow).toBe('GET, HEAD');
      }
    }
  });

  it('tells the safe-mode page from the renderer for recovery', () => {
    expect(isSafeModeUrl('app://renderer/safe-mode/')).toBe(true);
    expect(isSafeModeUrl('app://renderer/safe-mode/index.html')).toBe(true);
    expect(isSafeModeUrl('app://renderer/index.html')).toBe(false);
    expect(isSafeModeUrl('app://content/pkg/safe-mode/index.html')).toBe(false);
    expect(isSafeModeUrl('not a url')).toBe(false);
  });

  it('serves the safe-mode page with the exhibit title, refreshing back to the renderer', async () => {
    const session = new FakeSession();
    handleAppProtocol(session as never, renderer, service);
    for (const url of ['app://renderer/safe-mode/', 'app://renderer/safe-mode/index.html']) {
      const response = await session.protocolHandler!(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).toContain('测试&lt;展览&gt;');
      expect(html).toContain('Test exhibition');
      expect(html).toContain('<meta http-equiv="refresh" content="120; url=../index.html" />');
      expect(new URL('../index.html', url).href).toBe('app://renderer/index.html');
    }
    expect((await session.protocolHandler!(new Request('app://content/pkg/safe-mode/'))).status).toBe(404);
  });
});
