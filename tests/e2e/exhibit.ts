import fs from 'node:fs';
import { pickText } from '../../core/content/lang.ts';
import { LANGUAGE_RECORDS } from '../../core/content/languages.ts';
import type { Exhibit, LangMap, Language } from '../../core/content/schema.ts';

/** The default exhibit, read the way the kiosk reads it, for tests to know what a visitor should see. */
export const DEFAULT_EXHIBIT = JSON.parse(fs.readFileSync('assets/content/exhibit.json', 'utf8')) as Exhibit;

/** Every language of the record, by the name its switcher button shows (its endonym). */
export const LANGUAGES: { code: Language; name: string }[] = LANGUAGE_RECORDS.map((r) => ({ code: r.tag, name: r.endonym }));

/** The text a visitor reads for `map` in `language`. */
export function textOf(map: LangMap | undefined, language: Language, exhibit: Exhibit = DEFAULT_EXHIBIT): string {
  return pickText(map, language, exhibit.languages.default);
}

/** Interface strings, by language. */
export function strings(language: Language): Record<string, Record<string, string>> {
  return JSON.parse(fs.readFileSync(`locales/${language}/common.json`, 'utf8')) as Record<string, Record<string, string>>;
}
