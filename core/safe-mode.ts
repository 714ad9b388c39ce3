/**
 * The safe-mode page: what visitors see when the renderer keeps failing. It is a static page
 * with no script (so it cannot fail the way the renderer did), in the bundled font, saying in
 * every language of the record that the exhibit will be back shortly; a meta refresh tries the
 * renderer again. Both hosts serve the same template (`assets/safe-mode/index.html`, built into
 * `dist/renderer/safe-mode/`), filled in here with a title and a message per language (from the
 * language record and `locales/`), the exhibit's title and the address to return to.
 *
 * Runs in Node.
 */
import { pickStrings } from './content/lang.ts';
import { DEFAULT_LANGUAGE, LANGUAGE, LANGUAGES, type Language } from './content/languages.ts';
import type { LangMap } from './content/schema.ts';
import { SAFE_MODE_RETRY_SECONDS } from './recovery.ts';
import { LOCALES } from '../locales/index.ts';

/** The page's path inside the built renderer. */
export const SAFE_MODE_PAGE = 'safe-mode/index.html';

/** What each host fills in. */
export interface SafeModeOptions {
  /** The active exhibit's title; undefined: the built-in exhibit's, from `locales/` (no package could be read). */
  title?: LangMap;
  /** Where the meta refresh goes: the renderer's address on this host. */
  retryUrl: string;
  retrySeconds?: number;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const langAttributes = (lang: Language) => `lang="${lang}" dir="${LANGUAGE[lang].direction}"`;

/** A title between the markers the exhibit's title goes between, with the built-in exhibit's title until then. */
const titleSlot = (lang: Language) => `<!--title:${lang}-->${escapeHtml(LOCALES[lang].safeMode.exhibit)}<!--/title-->`;

/** The exhibit's title in each language: the default language large, the others after it. */
function titles(): string {
  const [first, ...others] = LANGUAGES;
  const rest = others
    .map((lang) => `<span ${langAttributes(lang)}>${titleSlot(lang)}</span>`)
    .join('<span class="dot" aria-hidden="true">·</span>');
  return `<h1 ${langAttributes(first)}>${titleSlot(first)}</h1>\n<p class="exhibit-other">${rest}</p>`;
}

/** "Back shortly", in each language, the default language first. */
function messages(): string {
  return LANGUAGES.map((lang) => {
    const { heading, body } = LOCALES[lang].safeMode;
    return `<section class="message" ${langAttributes(lang)}>\n<h2>${escapeHtml(heading)}</h2>\n<p>${escapeHtml(body)}</p>\n</section>`;
  }).join('\n');
}

/**
 * The page to serve: the template with its `<!--titles-->` and `<!--messages-->` filled in for
 * every language of the record, the exhibit's title in each language (between the
 * `<!--title:LANG-->` and `<!--/title-->` markers, which a template may also carry itself), the
 * page's language the default one, and the refresh pointing at `retryUrl`.
 */
export function renderSafeModePage(template: string, options: SafeModeOptions): string {
  let html = template
    .replace(/<html\b[^>]*>/i, `<html ${langAttributes(DEFAULT_LANGUAGE)}>`)
    .replace('<!--titles-->', () => titles())
    .replace('<!--messages-->', () => messages());
  if (options.title) {
    for (const lang of LANGUAGES) {
      const text = pickStrings(options.title, lang, DEFAULT_LANGUAGE).join(' ').trim();
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
