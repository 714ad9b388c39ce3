/**
 * The answer to a routed request, the same under both hosts: the renderer's page (with what
 * the host adds to it), the safe-mode page filled in with the exhibit's title, a file of the
 * renderer or of the active package (or the part of it a `Range` header asks for), or a refusal, each with the one set of headers. A host
 * only carries it: it writes the status, the headers and the body, and leaves the body out
 * for HEAD.
 *
 * Runs in Node.
 */
import { contentType } from '../content/files.ts';
import type { KioskService } from '../kiosk-service.ts';
import { renderSafeModePage, SAFE_MODE_PAGE } from '../safe-mode.ts';
import { answerHeaders, cachePolicy, type ServeOrigins } from './headers.ts';
import { byteRange, type ByteRange } from './range.ts';
import { findInside, readServedFile, servedFile, type ServedFile } from './read.ts';
import { NOT_FOUND_MESSAGE, NOT_IN_PACKAGE_MESSAGE, SERVE_METHODS, type ServeRoute } from './route.ts';

/** Where the files come from. */
export interface ServeSources {
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** The kiosk service, which knows the active package (and the few before it, for a page still showing one). */
  content: Pick<KioskService, 'contentFile' | 'exhibitTitle'>;
}

/** What differs between the hosts, and nothing else. */
export interface ServeOptions {
  origins?: ServeOrigins;
  /** Where the safe-mode page's refresh returns to: the renderer's page on this host. */
  retryUrl: string;
  /** The host's additions to the renderer's page (the browser host's token and bridge script). */
  indexPage?: (html: string) => string;
}

/** An answer for a host to send. */
export interface ServeAnswer {
  status: number;
  headers: Record<string, string>;
  /** A text made here (a page, a refusal), or a file to send as it is (only `range` of it, with a 206). */
  body: string | ServedFile;
  range?: ByteRange;
}

/** An answer whose body is a text made here. */
export type TextAnswer = ServeAnswer & { body: string };

/** A short message in plain text, with the shared headers: the refusals, and the hosts' own (a wrong token, a wrong host). */
export function plainAnswer(status: number, message: string, origins?: ServeOrigins, extra: Record<string, string> = {}): TextAnswer {
  return {
    status,
    headers: { ...answerHeaders({ type: 'text/plain; charset=utf-8', cache: 'no-store', ...(origins ? { origins } : {}) }), ...extra },
    body: message,
  };
}

function fileAnswer(file: ServedFile, name: string, route: ServeRoute, options: ServeOptions, rangeHeader?: string | null): ServeAnswer {
  const headers = {
    ...answerHeaders({
      type: contentType(name),
      cache: cachePolicy(route),
      resource: route.kind === 'content-file' ? 'content' : 'app',
      ...(options.origins ? { origins: options.origins } : {}),
    }),
    'Accept-Ranges': 'bytes',
  };
  const range = byteRange(rangeHeader, file.size);
  if (range === 'unsatisfiable')
    return {
      ...plainAnswer(416, 'The part of the file asked for is past its end.', options.origins),
      headers: { ...headers, 'Content-Range': `bytes */${file.size}` },
      body: '',
    };
  if (!range) return { status: 200, headers, body: file };
  return { status: 206, headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}` }, body: file, range };
}

async function readPage(rendererDir: string, page: string): Promise<string> {
  const file = await findInside(rendererDir, page.split('/'));
  if (!file) throw new Error(`the built renderer has no ${page}`);
  return (await readServedFile(file)).toString('utf8');
}

/**
 * The answer to `route`. Throws only when the built renderer lacks one of its pages or a file
 * cannot be read, which the host answers with a 500.
 */
export async function answerRoute(
  route: ServeRoute,
  sources: ServeSources,
  options: ServeOptions,
  rangeHeader?: string | null,
): Promise<ServeAnswer> {
  switch (route.kind) {
    case 'refused':
      return plainAnswer(route.status, route.message, options.origins, route.status === 405 ? { Allow: SERVE_METHODS } : {});
    case 'page': {
      let html: string;
      if (route.page === 'index') {
        const built = await readPage(sources.rendererDir, 'index.html');
        html = options.indexPage ? options.indexPage(built) : built;
      } else {
        const template = await readPage(sources.rendererDir, SAFE_MODE_PAGE);
        const title = await sources.content.exhibitTitle();
        html = renderSafeModePage(template, { retryUrl: options.retryUrl, ...(title ? { title } : {}) });
      }
      return {
        status: 200,
        headers: answerHeaders({
          type: contentType('index.html'),
          cache: cachePolicy(route),
          ...(options.origins ? { origins: options.origins } : {}),
        }),
        body: html,
      };
    }
    case 'renderer-file': {
      const file = await findInside(sources.rendererDir, route.segments);
      return file
        ? fileAnswer(file, route.segments.at(-1)!, route, options, rangeHeader)
        : plainAnswer(404, NOT_FOUND_MESSAGE, options.origins);
    }
    case 'content-file': {
      // The service resolves inside the package by a URL path; encoding the decoded names gives it back exactly them.
      const real = await sources.content.contentFile(route.key, route.segments.map((s) => encodeURIComponent(s)).join('/'));
      const file = real === undefined ? undefined : await servedFile(real);
      return file
        ? fileAnswer(file, route.segments.at(-1)!, route, options, rangeHeader)
        : plainAnswer(404, NOT_IN_PACKAGE_MESSAGE, options.origins);
    }
  }
}
