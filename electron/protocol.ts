/**
 * The `app://` protocol: `app://renderer/…` serves the built renderer (and in it the
 * safe-mode page, filled in with the exhibit's title) and `app://content/<key>/…` the active
 * package, nothing else. What each address names, what is refused and the headers sent are
 * core/serve's, the same as the browser host's; this file only registers the scheme and
 * carries requests and answers.
 */
import { protocol, type Session } from 'electron';
import type { KioskService } from '../core/kiosk-service.ts';
import { answerRoute, plainAnswer, type ServeAnswer, type ServeOptions } from '../core/serve/answer.ts';
import { readServedFile } from '../core/serve/read.ts';
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

async function toResponse(answer: ServeAnswer, method: string): Promise<Response> {
  const whole = method === 'HEAD' || typeof answer.body === 'string' ? undefined : await readServedFile(answer.body);
  const part = whole && answer.range ? whole.subarray(answer.range.start, answer.range.end + 1) : whole;
  const body = method === 'HEAD' ? null : typeof answer.body === 'string' ? answer.body : part!;
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
