/**
 * Reading language maps: IIIF Presentation 3's fallback rule, then the package's default
 * language, and the completeness report that decides which languages the kiosk offers.
 *
 * Runs in Node and in the browser.
 */
import { LANGUAGES, type LangMap, type Language } from './schema.ts';

/**
 * The strings of a language map to show in `lang`: that language, else the `none` values,
 * else the package's default language, else the first language that has text.
 */
export function pickStrings(map: LangMap | undefined, lang: Language, fallback: Language): string[] {
  if (!map) return [];
  return map[lang] ?? map.none ?? map[fallback] ?? LANGUAGES.map((l) => map[l]).find((v) => v !== undefined) ?? [];
}

/** One string for `lang` (several values joined by a line break). */
export function pickText(map: LangMap | undefined, lang: Language, fallback: Language): string {
  return pickStrings(map, lang, fallback).join('\n');
}

/** The language a map actually shows for `lang`, for the `lang` attribute of the element. */
export function shownLanguage(map: LangMap | undefined, lang: Language, fallback: Language): Language | undefined {
  if (!map) return undefined;
  if (map[lang]) return lang;
  if (map.none) return undefined;
  if (map[fallback]) return fallback;
  return LANGUAGES.find((l) => map[l] !== undefined);
}

/** Where a text lacks a language. */
export interface MissingText {
  /** JSON path of the language map, like `sections[2].panels[0].title`. */
  path: string;
  language: Language;
}

function isLangMap(value: unknown): value is LangMap {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((k) => (LANGUAGES as readonly string[]).includes(k) || k === 'none') &&
    Object.values(value).every((v) => Array.isArray(v))
  );
}

/** Formats a path of keys and indexes the way staff read it: `sections[2].panels[0].title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** A language map found in a document, with the keys and indexes that lead to it. */
export interface FoundLangMap {
  path: (string | number)[];
  map: LangMap;
}

/** Every language map in `value` (every text a person reads), in document order. */
export function langMapsIn(value: unknown): FoundLangMap[] {
  const found: FoundLangMap[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isLangMap(node)) found.push({ path, map: node });
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== '$schema') walk(v, [...path, k]);
  };
  walk(value, []);
  return found;
}

/**
 * Every language map in `value` that lacks one of `languages`. A map holding only `none`
 * (names, dates) counts as complete in every language.
 */
export function findMissingTexts(value: unknown, languages: readonly Language[]): MissingText[] {
  const missing: MissingText[] = [];
  for (const { path, map } of langMapsIn(value)) {
    if (map.none) continue;
    for (const language of languages) if (!map[language]) missing.push({ path: formatPath(path), language });
  }
  return missing;
}

/** The languages of `declared` that have text everywhere, in switcher order. */
export function completeLanguages(value: unknown, declared: readonly Language[]): Language[] {
  const missing = new Set(findMissingTexts(value, declared).map((m) => m.language));
  return LANGUAGES.filter((l) => declared.includes(l) && !missing.has(l));
}
