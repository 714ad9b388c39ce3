/**
 * The loopback browser host: serves the built renderer and the active content on 127.0.0.1
 * and carries the contract over HTTP (requests) and server-sent events (pushes). What a path
 * names, what is refused and which headers go with it are core/serve's, as under Electron;
 * this file keeps the transport: the loopback address, the per-start token, the Host and
 * Origin checks, and the contract's own addresses under `/__kiosk/`.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { ContractError, type PushChannel, type Pushes } from '../core/contract.ts';
import { contentType } from '../core/content/files.ts';
import type { KioskService } from '../core/kiosk-service.ts';
import { answerRoute, plainAnswer, type ServeAnswer, type ServeOptions, type ServeSources, type TextAnswer } from '../core/serve/answer.ts';
import { answerHeaders } from '../core/serve/headers.ts';
import { findInside, openServedFile } from '../core/serve/read.ts';
import { NOT_FOUND_MESSAGE, routeRequest, SAFE_MODE_PATH, SERVE_METHODS } from '../core/serve/route.ts';

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

/** Where the contract's own addresses are: the requests, the push stream and the bridge script. */
export const API_PREFIX = '/__kiosk/';
const MAX_BODY = 64 * 1024;
/** Event streams open at once: the kiosk page needs one; a few more for a reload's overlap. */
export const MAX_EVENT_STREAMS = 8;

const JSON_TYPE = 'application/json; charset=utf-8';

function send(req: http.IncomingMessage, res: http.ServerResponse, answer: TextAnswer): void {
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

async function sendAnswer(req: http.IncomingMessage, res: http.ServerResponse, answer: ServeAnswer): Promise<void> {
  const { body } = answer;
  if (typeof body === 'string') return send(req, res, { ...answer, body });
  if (req.method === 'HEAD') {
    const length = answer.range ? answer.range.end - answer.range.start + 1 : body.size;
    res.writeHead(answer.status, { ...answer.headers, 'Content-Length': length });
    res.end();
    return;
  }
  const opened = await openServedFile(body, answer.range);
  if (!opened) return send(req, res, plainAnswer(404, NOT_FOUND_MESSAGE));
  res.writeHead(answer.status, { ...answer.headers, 'Content-Length': opened.size });
  pipeline(opened.stream, res, () => undefined);
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * True for a request another origin's page made (a fetch, a script or a picture; following a
 * link is a navigation, and the pages need their token anyway): the kiosk answers only itself.
 */
function fromAnotherOrigin(req: http.IncomingMessage, host: string): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return true;
  const site = req.headers['sec-fetch-site'];
  return (site === 'cross-site' || site === 'same-site') && req.headers['sec-fetch-mode'] !== 'navigate';
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

/** Starts the host on 127.0.0.1 with a fresh token. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { service, rendererDir, bridgeFile } = options;
  const token = crypto.randomBytes(24).toString('base64url');
  const streams = new Set<http.ServerResponse>();
  let port = 0;

  const sources: ServeSources = { rendererDir, content: service };
  const serveOptions: ServeOptions = {
    retryUrl: `/?t=${token}`,
    indexPage: (html) => {
      const inject = `<meta name="kiosk-token" content="${token}" />\n    <script type="module" src="${API_PREFIX}bridge.js"></script>\n    `;
      const at = html.indexOf('<script');
      if (at < 0) throw new Error('the built index.html has no script');
      return `${html.slice(0, at)}${inject}${html.slice(at)}`;
    },
  };

  const unsubscribe = service.subscribe(<C extends PushChannel>(channel: C, payload: Pushes[C]) => {
    const frame = `event: push\ndata: ${JSON.stringify({ channel, payload })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(req, res, plainAnswer(500, 'The kiosk host could not answer this request.'));
      else res.destroy();
      console.error('[browser-host]', error);
    });
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string, query: URLSearchParams): Promise<void> {
    const method = req.method ?? 'GET';
    if (name === 'invoke') {
      if (method !== 'POST') return send(req, res, plainAnswer(405, 'Use POST.', undefined, { Allow: 'POST' }));
      if (!sameToken(req.headers['x-kiosk-token'] as string | undefined, token))
        return send(req, res, plainAnswer(403, 'Missing or wrong token.'));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(req, res, plainAnswer(415, 'Send JSON.'));
      try {
        const body = JSON.parse(await readBody(req)) as unknown;
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ContractError('send a JSON object with a "channel"');
        const { channel, payload } = body as { channel?: unknown; payload?: unknown };
        const result = await service.invoke(channel, payload ?? undefined);
        send(req, res, {
          status: 200,
          headers: answerHeaders({ type: JSON_TYPE, cache: 'no-store' }),
          body: JSON.stringify({ ok: true, result }),
        });
      } catch (error) {
        const status = error instanceof ContractError || error instanceof SyntaxError ? 400 : 500;
        send(req, res, {
          status,
          headers: answerHeaders({ type: JSON_TYPE, cache: 'no-store' }),
          body: JSON.stringify({ ok: false, error: (error as Error).message }),
        });
      }
      return;
    }
    if (name === 'events') {
      if (method !== 'GET') return send(req, res, plainAnswer(405, 'Use GET.', undefined, { Allow: 'GET' }));
      if (!sameToken(query.get('t'), token)) return send(req, res, plainAnswer(403, 'Missing or wrong token.'));
      if (streams.size >= MAX_EVENT_STREAMS)
        return send(req, res, plainAnswer(429, 'Too many event streams are open.', undefined, { 'Retry-After': '5' }));
      res.writeHead(200, { ...answerHeaders({ type: 'text/event-stream', cache: 'no-store' }), Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (name === 'bridge.js') {
      if (method !== 'GET' && method !== 'HEAD') return send(req, res, plainAnswer(405, 'Use GET.', undefined, { Allow: SERVE_METHODS }));
      const file = await findInside(path.dirname(bridgeFile), [path.basename(bridgeFile)]);
      if (!file) throw new Error(`the bridge script ${bridgeFile} is missing`);
      return sendAnswer(req, res, {
        status: 200,
        headers: answerHeaders({ type: contentType(bridgeFile), cache: 'no-store' }),
        body: file,
      });
    }
    send(req, res, plainAnswer(404, NOT_FOUND_MESSAGE));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return send(req, res, plainAnswer(421, 'Wrong host: this kiosk answers only on its loopback address.'));
    if (fromAnotherOrigin(req, host)) return send(req, res, plainAnswer(403, 'This kiosk answers only its own pages.'));
    const target = req.url ?? '/';
    const q = target.indexOf('?');
    const rawPath = q < 0 ? target : target.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));

    if (rawPath.startsWith(API_PREFIX)) return handleApi(req, res, rawPath.slice(API_PREFIX.length), query);
    const route = routeRequest(req.method ?? 'GET', rawPath, 'renderer-and-content');
    if (route.kind === 'page' && !sameToken(query.get('t'), token))
      return send(req, res, plainAnswer(403, 'This kiosk page opens only from the address printed when the host started.'));
    return sendAnswer(req, res, await answerRoute(route, sources, serveOptions, req.headers.range));
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
