/**
 * The render page of the build scripts (`render-page.ts`) served from 127.0.0.1 with the model
 * and three.js's build, and opened in headless Chromium with every other address refused.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { PAGE } from './render-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const THREE_DIR = join(ROOT, 'node_modules/three');
const MODEL = join(ROOT, 'assets/content/models/dt54.glb');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.glb': 'model/gltf-binary' };

/** Serves the page, the model and three's build and examples; nothing else. */
async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let file: string | null = null;
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    return;
  }
  if (url.pathname === '/model.glb') file = MODEL;
  else if (url.pathname.startsWith('/three/build/') || url.pathname.startsWith('/three/examples/jsm/')) {
    const candidate = normalize(join(THREE_DIR, url.pathname.slice('/three/'.length)));
    if (candidate.startsWith(THREE_DIR + sep)) file = candidate;
  }
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

/** Starts the server on a free port of 127.0.0.1. */
export async function serveRenderPage(): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Opens the render page at `viewport` and waits until the model is loaded; `errors` collects what the page reports. */
export async function openRenderPage(
  browser: Browser,
  port: number,
  viewport: { width: number; height: number; deviceScaleFactor: number },
): Promise<{ page: Page; errors: string[] }> {
  const { deviceScaleFactor, ...size } = viewport;
  const page = await browser.newPage({ viewport: size, deviceScaleFactor });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  // Refuse anything that is not our own server.
  await page.route('**/*', (route) => (route.request().url().startsWith(`http://127.0.0.1:${port}/`) ? route.continue() : route.abort()));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction('window.pageReady === true', undefined, { timeout: 120_000 }).catch((e: unknown) => {
    throw new Error(`page did not load: ${errors.join('\n') || String(e)}`);
  });
  return { page, errors };
}
