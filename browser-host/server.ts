/**
 * The loopback browser host: serves the built renderer and the active content on 127.0.0.1
 * and carries the contract over HTTP (requests) and server-sent events (pushes). Every
 * decision is the core's; this file only moves messages.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ContractError, type PushChannel, type Pushes } from '../core/contract.ts';
import { kioskCsp } from '../core/csp.ts';
import { contentType, resolveInside } from '../core/content/files.ts';
import type { KioskService } from '../core/kiosk-service.ts';
import { renderSafeModePage, SAFE_MODE_PAGE } from '../core/safe-mode.ts';

/** What the host serves and on which port. */
export interface BrowserHostOptions {
  service: KioskService;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** The built bridge script that provides `window.kiosk` (`dist/browser-host/bridge.js`). */
  bridgeFile: string;
  /** 0 picks a free port. */
  port?: number;
}

/** A running browser host. */
export interface BrowserHost {
  /** The address to open, token included. */
  url: string;
  /** The safe-mode page's address, token included (what the kiosk shows when its renderer keeps failing). */
  safeModeUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** URL prefix of the active package's files. */
export const CONTENT_PREFIX = '/content/';
/** Where the safe-mode page is served; its refresh returns to the renderer with the token. */
export const SAFE_MODE_PATH = '/safe-mode/';
const API_PREFIX = '/__kiosk/';
const MAX_BODY = 64 * 1024;
/** Event streams open at once: the kiosk page needs one; a few more for a reload's overlap. */
export const MAX_EVENT_STREAMS = 8;

const SECURITY_HEADERS = {
  'Content-Security-Policy': kioskCsp(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ContractError('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, cache: string): Promise<void> {
  const stat = await fsp.stat(file);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Content-Length': stat.size, 'Cache-Control': cache });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Starts the host on 127.0.0.1 with a fresh token. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { service, rendererDir, bridgeFile } = options;
  const token = crypto.randomBytes(24).toString('base64url');
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const indexHtml = async (): Promise<string> => {
    const html = await fsp.readFile(`${rendererDir}/index.html`, 'utf8');
    const inject = `<meta name="kiosk-token" content="${token}" />\n    <script type="module" src="${API_PREFIX}bridge.js"></script>\n    `;
    const at = html.indexOf('<script');
    if (at < 0) throw new Error('the built index.html has no script');
    return `${html.slice(0, at)}${inject}${html.slice(at)}`;
  };

  const unsubscribe = service.subscribe(<C extends PushChannel>(channel: C, payload: Pushes[C]) => {
    const frame = `event: push\ndata: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'The kiosk host could not answer this request.');
      else res.destroy();
      console.error('[browser-host]', error);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'Wrong host: this kiosk answers only on its loopback address.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const method = req.method ?? 'GET';

    if (url.pathname === `${API_PREFIX}invoke`) {
      if (method !== 'POST') return send(res, 405, 'Use POST.', undefined, { Allow: 'POST' });
      if (!sameToken(req.headers['x-kiosk-token'] as string | undefined, token)) return send(res, 403, 'Missing or wrong token.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON.');
      try {
        const body = JSON.parse(await readBody(req)) as unknown;
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ContractError('send a JSON object with a "channel"');
        const { channel, payload } = body as { channel?: unknown; payload?: unknown };
        const result = await service.invoke(channel, payload ?? undefined);
        send(res, 200, JSON.stringify({ ok: true, result }), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
      } catch (error) {
        const status = error instanceof ContractError || error instanceof SyntaxError ? 400 : 500;
        send(res, status, JSON.stringify({ ok: false, error: (error as Error).message }), 'application/json; charset=utf-8');
      }
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'Use GET.', undefined, { Allow: 'GET, HEAD' });

    if (url.pathname === `${API_PREFIX}events`) {
      if (!sameToken(url.searchParams.get('t'), token)) return send(res, 403, 'Missing or wrong token.');
      if (streams.size >= MAX_EVENT_STREAMS) return send(res, 429, 'Too many event streams are open.', undefined, { 'Retry-After': '5' });
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname === `${API_PREFIX}bridge.js`) return serveFile(req, res, bridgeFile, 'no-store');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameToken(url.searchParams.get('t'), token))
        return send(res, 403, 'This kiosk page opens only from the address printed when the host started.');
      return send(res, 200, await indexHtml(), 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
    }
    if (url.pathname === SAFE_MODE_PATH || url.pathname === `${SAFE_MODE_PATH}index.html`) {
      if (!sameToken(url.searchParams.get('t'), token))
        return send(res, 403, 'This kiosk page opens only from the address printed when the host started.');
      const template = await fsp.readFile(`${rendererDir}/${SAFE_MODE_PAGE}`, 'utf8');
      const title = await service.exhibitTitle();
      const page = renderSafeModePage(template, { retryUrl: `/?t=${token}`, ...(title ? { title } : {}) });
      return send(res, 200, page, 'text/html; charset=utf-8', { 'Cache-Control': 'no-store' });
    }
    if (url.pathname.startsWith(CONTENT_PREFIX)) {
      const rest = url.pathname.slice(CONTENT_PREFIX.length);
      const slash = rest.indexOf('/');
      let key: string | undefined;
      try {
        key = slash > 0 ? decodeURIComponent(rest.slice(0, slash)) : undefined;
      } catch {
        return send(res, 400, 'Malformed address.');
      }
      const file = key !== undefined ? await service.contentFile(key, rest.slice(slash + 1)) : undefined;
      return file ? serveFile(req, res, file, 'no-cache') : send(res, 404, 'Not in the active content package.');
    }
    const file = await resolveInside(rendererDir, url.pathname);
    if (file && !file.endsWith('index.html'))
      return serveFile(req, res, file, url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    send(res, 404, 'Not found.');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    safeModeUrl: `http://127.0.0.1:${port}${SAFE_MODE_PATH}?t=${token}`,
    port,
    token,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
