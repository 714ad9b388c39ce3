/**
 * The interface strings of every language of the record (`core/content/languages.ts`), one
 * `<tag>/common.json` each. Keyed by the record's type: a language added to the record without
 * its file here, or a file here for a language the record lacks, does not compile.
 *
 * Runs in Node and in the browser (JSON imports only).
 */
import type { Language } from '../core/content/languages.ts';
import en from './en/common.json';
import ru from './ru/common.json';
import zhHans from './zh-Hans/common.json';

/** The shape of a language's strings, typed from the default language's file (the source the translations follow). */
export type Strings = typeof zhHans;

/** Each language's strings, by tag. */
export const LOCALES: { readonly [L in Language]: Strings } = {
  'zh-Hans': zhHans,
  ru,
  en,
};
