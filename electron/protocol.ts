/**
 * The `app://` protocol: `app://renderer/…` serves the built renderer (and in it the
 * safe-mode page, filled in with the exhibit's title) and `app://content/<key>/…` the active
 * package, nothing else. What each address names, what is refused and the headers sent are
 * core/serve's, the same as the browser host's; this file only registers the scheme and
 * carries requests and answers.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { protocol, type Session } from 'electron';
import type { KioskService } from '../core/kiosk-service.ts';
import { answerRoute, plainAnswer, type ServeAnswer, type ServeOptions } from '../core/serve/answer.ts';
import { openServedFile, readServedFile, type ServedFile } from '../core/serve/read.ts';
import { NOT_FOUND_MESSAGE, routeRequest, type ServeRoute, type ServeSpace } from '../core/serve/route.ts';

/** The scheme the kiosk's pages and files are served on (`app://renderer`, `app://content`). */
export const SCHEME = 'app';
/** Where the active package's files are, as the renderer is told (`baseUrl` of the active content). */
export const CONTENT_BASE_URL = `${SCHEME}://content/`;
/** The package's own origin, which the CSP names beside the renderer's. */
export const CONTENT_ORIGIN = `${SCHEME}://content`;
/** The renderer's origin: its pages fetch the package's files (the 3D model) across origins. */
export const RENDERER_ORIGIN = `${SCHEME}://renderer`;

const SPACES: Record<string, ServeSpace> = { renderer: 'renderer', content: 'content' };

/**
 * Registers `app:` as a standard, secure scheme; must run before the app is ready. CORS-enabled,
 * because the renderer fetches the model from the package's origin and Electron refuses such a
 * cross-origin fetch to a scheme without it (electron/electron#51152); only the renderer's origin
 * is allowed, by the package files' headers.
 */
export function registerScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
}

/**
 * What an `app://` URL asks for (core/serve's route), or a 404 for any other scheme, host, a
 * user name, a password or a port.
 */
export function routeAppUrl(url: string, method = 'GET'): ServeRoute {
  const notFound: ServeRoute = { kind: 'refused', status: 404, message: NOT_FOUND_MESSAGE };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound;
  }
  const space = Object.hasOwn(SPACES, parsed.hostname) ? SPACES[parsed.hostname] : undefined;
  if (parsed.protocol !== `${SCHEME}:` || parsed.username || parsed.password || parsed.port || !space) return notFound;
  return routeRequest(method, parsed.pathname, space);
}

/** True for the safe-mode page's addresses, `app://renderer/safe-mode/` and its `index.html` (recovery tells it from the renderer by this). */
export function isSafeModeUrl(url: string): boolean {
  const route = routeAppUrl(url);
  return route.kind === 'page' && route.page === 'safe-mode';
}

/** True for a file inside the app's asar archive (the renderer, the built-in package). */
export function inAppArchive(file: string): boolean {
  return file.split(path.sep).some((part) => part.endsWith('.asar'));
}

/**
 * A file's bytes (or the part asked for) as a response body. A file inside the app's archive is
 * read whole by path, the one way the archive checks what it hands out; the files are small (the
 * built-in film is 2 MB). A package's file (a museum's film of hundreds of megabytes) streams the
 * part asked for from a held handle: a seek never reads the whole film.
 */
async function fileBody(file: ServedFile, range: ServeAnswer['range']): Promise<Buffer | ReadableStream<Uint8Array> | undefined> {
  if (inAppArchive(file.path)) {
    const whole = await readServedFile(file);
    return range ? whole.subarray(range.start, range.end + 1) : whole;
  }
  const opened = await openServedFile(file, range);
  return opened && (Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>);
}

async function toResponse(answer: ServeAnswer, method: string): Promise<Response> {
  if (method === 'HEAD') return new Response(null, { status: answer.status, headers: answer.headers });
  if (typeof answer.body === 'string') return new Response(answer.body, { status: answer.status, headers: answer.headers });
  const body = await fileBody(answer.body, answer.range);
  // Gone (or no longer a regular file) since it was found: answered as a file that could not be read.
  if (body === undefined) throw new Error(`${answer.body.path} could not be opened`);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/**
 * Serves `app://` in `session`: every request is routed and answered by core/serve, the same
 * rules as the browser host's, with the package on its own origin; a failure to read answers
 * 500 with the same headers rather than leaving the request unanswered.
 */
export function handleAppProtocol(
  session: Session,
  rendererDir: string,
  service: Pick<KioskService, 'contentFile' | 'exhibitTitle'>,
): void {
  const options: ServeOptions = { origins: { contentOrigin: CONTENT_ORIGIN, pageOrigin: RENDERER_ORIGIN }, retryUrl: '../index.html' };
  session.protocol.handle(SCHEME, async (request) => {
    try {
      const answer = await answerRoute(
        routeAppUrl(request.url, request.method),
        { rendererDir, content: service },
        options,
        request.headers.get('range'),
      );
      return await toResponse(answer, request.method);
    } catch (error) {
      console.error('[protocol]', error);
      return toResponse(plainAnswer(500, 'The kiosk could not answer this request.', options.origins), request.method);
    }
  });
}
