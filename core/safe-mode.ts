/**
 * The safe-mode page: what visitors see when the renderer keeps failing. It is a static page
 * with no script (so it cannot fail the way the renderer did), in the bundled font, saying in
 * three languages that the exhibit will be back shortly; a meta refresh tries the renderer
 * again. Both hosts serve the same template (`assets/safe-mode/index.html`, built into
 * `dist/renderer/safe-mode/`), filled in here with the exhibit's title and the address to
 * return to.
 *
 * Runs in Node.
 */
import { pickStrings } from './content/lang.ts';
import { LANGUAGES, type LangMap } from './content/schema.ts';
import { SAFE_MODE_RETRY_SECONDS } from './recovery.ts';

/** The page's path inside the built renderer. */
export const SAFE_MODE_PAGE = 'safe-mode/index.html';

/** What each host fills in. */
export interface SafeModeOptions {
  /** The active exhibit's title; undefined: the template's own (the built-in exhibit's). */
  title?: LangMap;
  /** Where the meta refresh goes: the renderer's address on this host. */
  retryUrl: string;
  retrySeconds?: number;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The page to serve: the template with the exhibit's title in each language (between its
 * `<!--title:LANG-->` and `<!--/title-->` markers) and the refresh pointing at `retryUrl`.
 */
export function renderSafeModePage(template: string, options: SafeModeOptions): string {
  let html = template;
  if (options.title) {
    for (const lang of LANGUAGES) {
      const text = pickStrings(options.title, lang, 'zh-Hans').join(' ').trim();
      if (!text) continue;
      html = html.replace(
        new RegExp(`(<!--title:${lang}-->)[\\s\\S]*?(<!--/title-->)`, 'g'),
        (_m, open: string, close: string) => `${open}${escapeHtml(text)}${close}`,
      );
    }
  }
  const seconds = Math.max(5, Math.round(options.retrySeconds ?? SAFE_MODE_RETRY_SECONDS));
  return html.replace(
    /<meta http-equiv="refresh" content="[^"]*"\s*\/?>/i,
    `<meta http-equiv="refresh" content="${seconds}; url=${escapeHtml(options.retryUrl)}" />`,
  );
}
