import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../browser-host/server.ts';
import { resolveInside } from '../../../core/content/files.ts';
import type { KioskService, PushListener } from '../../../core/kiosk-service.ts';
import { securityHeaders } from '../../../core/serve/headers.ts';

let root: string;
let host: BrowserHost;
let listener: PushListener | undefined;

const service = {
  contentFile: (key: string, rel: string) => (key === 'v1' ? resolveInside(path.join(root, 'content'), rel) : Promise.resolve(undefined)),
  exhibitTitle: async () => ({ 'zh-Hans': ['展览'], ru: ['Выставка'], en: ['Test exhibition'] }),
  invoke: async (channel: unknown, payload: unknown) => ({ channel, payload }),
  subscribe: (l: PushListener) => {
    listener = l;
    return () => (listener = undefined);
  },
} as unknown as KioskService;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request exactly as given: the path is sent as it is (no normalising), the Host is the host's own unless set. */
function request(
  rawPath: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; noHost?: boolean } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = init.noHost ? { ...init.headers } : { Host: `127.0.0.1:${host.port}`, ...init.headers };
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: rawPath, method: init.method ?? 'GET', headers, setHost: !init.noHost },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const invoke = (headers: Record<string, string>, body = JSON.stringify({ channel: 'content:current' })) =>
  request('/__kiosk/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

/** The shared security headers, as Node's client hands them over (lower-case names). */
const shared = Object.fromEntries(Object.entries(securityHeaders()).map(([k, v]) => [k.toLowerCase(), v]));

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-host-'));
  const renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(renderer, 'safe-mode'));
  fs.mkdirSync(path.join(root, 'content', 'pictures'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><head><script type="module" src="./assets/app.js"></script></head>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(
    path.join(renderer, 'safe-mode', 'index.html'),
    '<meta http-equiv="refresh" content="120; url=../index.html" /><h1><!--title:en-->Default<!--/title--></h1>',
  );
  fs.writeFileSync(path.join(root, 'content', 'pictures', 'a.webp'), 'RIFF');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'content', 'pictures', 'link.webp'));
  fs.writeFileSync(path.join(root, 'bridge.js'), 'window.kiosk = {}');
  host = await startBrowserHost({ service, rendererDir: renderer, bridgeFile: path.join(root, 'bridge.js') });
});

afterAll(async () => {
  await host.close();
});

describe('browser host', () => {
  it('listens on 127.0.0.1 only, and prints addresses that carry its token', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(new URL(host.url).searchParams.get('t')).toBe(host.token);
    expect(new URL(host.safeModeUrl).pathname).toBe('/safe-mode/');
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('opens its pages only with the token, and puts the token and the bridge into the kiosk page', async () => {
    const page = await request(`/?t=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="kiosk-token" content="${host.token}" />`);
    expect(page.body.indexOf('/__kiosk/bridge.js')).toBeLessThan(page.body.indexOf('./assets/app.js'));
    const safeMode = await request(`/safe-mode/index.html?t=${host.token}`);
    expect(safeMode.status).toBe(200);
    expect(safeMode.body).toContain('Test exhibition');
    expect(safeMode.body).toContain(`url=/?t=${host.token}`);
    for (const rawPath of ['/', '/?t=wrong', '/index.html', `/?t=${host.token}x`, '/safe-mode/', '/safe-mode/?t=wrong', '/__kiosk/events'])
      expect((await request(rawPath)).status, rawPath).toBe(403);
    // No other spelling of a page's path gets round the token.
    for (const rawPath of ['/INDEX.html', '/safe-mode//index.html', '/./index.html', '/%69ndex.html', '/safe-mode/Index.html'])
      expect((await request(rawPath)).status, rawPath).not.toBe(200);
  });

  it('answers only its loopback name and port (no DNS rebinding)', async () => {
    for (const name of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `[::1]:${host.port}`])
      expect((await request(`/?t=${host.token}`, { headers: { Host: name } })).status, name).toBe(421);
    // Without a Host at all, Node's server refuses the request itself.
    expect((await request(`/?t=${host.token}`, { noHost: true })).status).toBe(400);
    expect((await request(`/?t=${host.token}`, { headers: { Host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('answers no other origin’s page: not its requests to the contract, nor its scripts and pictures', async () => {
    expect((await invoke({ 'X-Kiosk-Token': host.token, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke({ 'X-Kiosk-Token': host.token, Origin: 'null' })).status).toBe(403);
    expect((await invoke({ 'X-Kiosk-Token': host.token, Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect((await invoke({ 'X-Kiosk-Token': host.token, Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    const crossSite = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' };
    expect((await request('/assets/app.js', { headers: crossSite })).status).toBe(403);
    expect((await request('/content/v1/pictures/a.webp', { headers: { ...crossSite, 'Sec-Fetch-Site': 'same-site' } })).status).toBe(403);
    expect((await request(`/__kiosk/events?t=${host.token}`, { headers: { ...crossSite, 'Sec-Fetch-Mode': 'cors' } })).status).toBe(403);
    // Chromium's launch page is a file: the navigation from it is cross-site, and still opens the kiosk.
    expect((await request(`/?t=${host.token}`, { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } })).status).toBe(
      200,
    );
    expect((await request('/assets/app.js', { headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' } })).status).toBe(200);
  });

  it('takes contract requests only as JSON, with the token, by POST', async () => {
    const ok = await invoke({ 'X-Kiosk-Token': host.token });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, result: { channel: 'content:current' } });
    expect(ok.headers['cache-control']).toBe('no-store');
    expect((await invoke({})).status).toBe(403);
    expect((await invoke({ 'X-Kiosk-Token': 'wrong' })).status).toBe(403);
    expect((await invoke({ 'X-Kiosk-Token': host.token, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await invoke({ 'X-Kiosk-Token': host.token }, '{')).status).toBe(400);
    expect((await invoke({ 'X-Kiosk-Token': host.token }, '[]')).status).toBe(400);
  });

  it('serves the renderer’s files and the active package’s, and nothing through a link', async () => {
    const js = await request('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe('export {}');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-length']).toBe('9');
    const picture = await request('/content/v1/pictures/a.webp');
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/webp');
    expect((await request('/__kiosk/bridge.js')).body).toBe('window.kiosk = {}');
    for (const rawPath of ['/content/v1/pictures/link.webp', '/content/v2/pictures/a.webp', '/content/v1/', '/content/v1/pictures'])
      expect((await request(rawPath)).status, rawPath).toBe(404);
  });

  it('refuses traversal, NUL, escaped slashes and malformed % escapes with 400, not 500, and never with the file', async () => {
    for (const rawPath of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/content/v1/..%2f..%2fsecret.txt',
      '/content/v1/pictures/%2E%2E/%2E%2E/%2E%2E/secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/assets/app.js%00.png',
      '/%',
      '/assets/%zz',
      '/content/%/pictures/a.webp',
      '/content/v1/pictures/%E0%A4%A.webp',
      '//127.0.0.1/secret.txt',
      // These four reached the URL parser as an authority (a 500), or as the kiosk page.
      '//',
      '//%zz',
      '//[',
      '/\\\\x',
      '*',
    ]) {
      const reply = await request(rawPath);
      expect(reply.status, rawPath).toBe(400);
      expect(reply.body, rawPath).not.toContain('secret');
    }
  });

  it('answers 404 to an address it does not know, under its own prefix too', async () => {
    for (const rawPath of ['/nope.js', '/assets/nope.js', '/__kiosk/nope', '/__kiosk/', '/content', '/assets/'])
      expect((await request(rawPath)).status, rawPath).toBe(404);
  });

  it('takes each address only by its methods, and names them when it refuses one', async () => {
    for (const [method, rawPath, allow] of [
      ['POST', '/assets/app.js', 'GET, HEAD'],
      ['PUT', `/?t=${host.token}`, 'GET, HEAD'],
      ['DELETE', '/content/v1/pictures/a.webp', 'GET, HEAD'],
      ['GET', '/__kiosk/invoke', 'POST'],
      ['HEAD', '/__kiosk/invoke', 'POST'],
      ['POST', `/__kiosk/events?t=${host.token}`, 'GET'],
      ['POST', '/__kiosk/bridge.js', 'GET, HEAD'],
    ] as const) {
      const reply = await request(rawPath, { method, ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}) });
      expect(reply.status, `${method} ${rawPath}`).toBe(405);
      expect(reply.headers.allow, `${method} ${rawPath}`).toBe(allow);
    }
    const head = await request('/assets/app.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('9');
    expect(head.body).toBe('');
  });

  it('sends the one shared set of security headers on every answer, served or refused', async () => {
    const replies = await Promise.all([
      request(`/?t=${host.token}`),
      request(`/safe-mode/?t=${host.token}`),
      request('/assets/app.js'),
      request('/content/v1/pictures/a.webp'),
      request('/__kiosk/bridge.js'),
      invoke({ 'X-Kiosk-Token': host.token }),
      invoke({}),
      request('/'),
      request('/nope.js'),
      request('/%'),
      request('/assets/app.js', { method: 'POST', body: 'x' }),
      request('/assets/app.js', { headers: { Host: 'evil.example' } }),
      request('/assets/app.js', { headers: { Origin: 'http://evil.example' } }),
    ]);
    for (const reply of replies) {
      const sent = Object.fromEntries(Object.keys(shared).map((k) => [k, reply.headers[k]]));
      expect(sent, `${reply.status} ${reply.body.slice(0, 40)}`).toEqual(shared);
      expect(reply.headers['cache-control']).toBeDefined();
    }
  });

  it('carries pushes over the event stream, to the holder of the token', async () => {
    const frames = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/__kiosk/events?t=${host.token}` }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          data += chunk;
          if (data.includes(': connected')) listener?.('admin:sticks', []);
          if (data.includes('event: push')) {
            req.destroy();
            resolve(data);
          }
        });
      });
      req.on('error', reject);
    });
    expect(frames).toContain('data: {"channel":"admin:sticks","payload":[]}');
  });
});
