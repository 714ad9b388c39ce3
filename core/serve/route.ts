/**
 * What a request for a file of the kiosk asks for, decided once for both hosts: the browser
 * host's `http://127.0.0.1:PORT/…` and the Electron host's `app://renderer/…` and
 * `app://content/…` name the same things, the renderer's page, the safe-mode page, a built
 * renderer file or a file of the active package, and the same addresses are refused, so that
 * no host can serve what the other refuses.
 *
 * Pure: it reads no file; the answer is made in answer.ts.
 */
import { packagePathProblem } from '../content/package-path.ts';
import { SAFE_MODE_PAGE } from '../safe-mode.ts';

/** Where the browser host serves the active package's files, beside the renderer on one origin. */
export const CONTENT_PREFIX = '/content/';

/** The safe-mode page's folder in the renderer's address space (its page is `SAFE_MODE_PAGE`). */
export const SAFE_MODE_PATH = `/${SAFE_MODE_PAGE.slice(0, SAFE_MODE_PAGE.lastIndexOf('/') + 1)}`;

/** The methods a file may be asked for with (the `Allow` header of a 405). */
export const SERVE_METHODS = 'GET, HEAD';

/**
 * Which files an address space holds: the renderer (`app://renderer`), the active package
 * (`app://content`, its paths being `/<key>/<file>`), or both on one origin, the package under
 * `CONTENT_PREFIX` (the browser host).
 */
export type ServeSpace = 'renderer' | 'content' | 'renderer-and-content';

/** The two pages a host fills in rather than serves as they are built. */
export type ServePage = 'index' | 'safe-mode';

/** What a request is for, or why it is refused. */
export type ServeRoute =
  | { kind: 'page'; page: ServePage }
  | { kind: 'renderer-file'; segments: readonly string[] }
  | { kind: 'content-file'; key: string; segments: readonly string[] }
  | { kind: 'refused'; status: 400 | 404 | 405; message: string };

/** Characters no name the kiosk serves has: control characters, NUL among them. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** An escaped slash or backslash, which would let one segment name a path. */
const ENCODED_SEPARATOR = /%(2f|5c)/i;

const refused = (status: 400 | 404 | 405, message: string): ServeRoute => ({ kind: 'refused', status, message });
const MALFORMED = (why: string) => refused(400, `Malformed address: ${why}.`);
/** The refusal of an address that names nothing the kiosk serves. */
export const NOT_FOUND_MESSAGE = 'Not found.';
/** The refusal of a package file the active package (or one of the few before it) does not hold. */
export const NOT_IN_PACKAGE_MESSAGE = 'Not in the active content package.';
const NOT_FOUND = refused(404, NOT_FOUND_MESSAGE);
const NOT_IN_PACKAGE = refused(404, NOT_IN_PACKAGE_MESSAGE);

/**
 * The decoded segments of a request path (as it came, still percent-encoded, without its
 * query), the last one empty when the path ends with a slash; or why the path is malformed.
 * Escapes are decoded once, here, and nothing after this decodes again.
 */
export function decodePath(rawPath: string): { segments: string[] } | { problem: string } {
  if (!rawPath.startsWith('/')) return { problem: 'the path does not start with a slash' };
  if (rawPath.includes('\\')) return { problem: 'the path has a backslash' };
  if (ENCODED_SEPARATOR.test(rawPath)) return { problem: 'the path has an escaped slash or backslash' };
  const raw = rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const [i, part] of raw.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { problem: 'the path has a malformed % escape' };
    }
    if (CONTROL.test(segment)) return { problem: 'the path has a control character' };
    if (segment === '.' || segment === '..') return { problem: 'the path has a "." or ".." part' };
    if (segment === '' && i < raw.length - 1) return { problem: 'the path has an empty part' };
    segments.push(segment);
  }
  return { segments };
}

function rendererRoute(segments: readonly string[]): ServeRoute {
  const [safeModeFolder, safeModeFile] = SAFE_MODE_PAGE.split('/');
  if (segments.length === 1 && (segments[0] === '' || segments[0] === 'index.html')) return { kind: 'page', page: 'index' };
  if (segments.length === 2 && segments[0] === safeModeFolder && (segments[1] === '' || segments[1] === safeModeFile))
    return { kind: 'page', page: 'safe-mode' };
  const last = segments[segments.length - 1] ?? '';
  // A folder is not a file; a page is served only at its own address, filled in, never as built
  // (the browser host's page needs its token, whatever spelling of its path is asked for).
  if (last === '' || last.toLowerCase() === 'index.html') return NOT_FOUND;
  return { kind: 'renderer-file', segments };
}

function contentRoute(segments: readonly string[]): ServeRoute {
  const [key, ...rest] = segments;
  if (!key || rest.length === 0) return NOT_IN_PACKAGE;
  // No package can hold a file whose path breaks the package-path rule, so none is looked for.
  if (packagePathProblem(rest.join('/')) !== undefined) return NOT_IN_PACKAGE;
  return { kind: 'content-file', key, segments: rest };
}

/**
 * What a `method` request for `rawPath` (percent-encoded, without its query) in `space` is
 * for: a page, a renderer file, a file of the package named by its key, or a refusal with its
 * status: 405 for a method other than GET and HEAD; 400 for a malformed path (a bad `%`
 * escape, NUL or another control character, an escaped slash, a backslash, `.` or `..`, an
 * empty part); 404 for anything the space does not hold.
 */
export function routeRequest(method: string, rawPath: string, space: ServeSpace): ServeRoute {
  if (method !== 'GET' && method !== 'HEAD') return refused(405, 'Use GET or HEAD.');
  const decoded = decodePath(rawPath);
  if ('problem' in decoded) return MALFORMED(decoded.problem);
  const { segments } = decoded;
  switch (space) {
    case 'renderer':
      return rendererRoute(segments);
    case 'content':
      return contentRoute(segments);
    case 'renderer-and-content':
      return segments[0] === CONTENT_PREFIX.slice(1, -1) ? contentRoute(segments.slice(1)) : rendererRoute(segments);
  }
}
