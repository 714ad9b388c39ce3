/**
 * The languages the kiosk offers, in one record: everything else that depends on a language
 * (the content format's language enum, the switcher, the interface strings, the fonts, the
 * hyphenation, the self-test's font check, the safe-mode page, the default language) is derived
 * from it, so that adding a language is one entry here, its `locales/<tag>/common.json`, and
 * what the type-checker and `tests/unit/core/content/languages.test.ts` then ask for.
 *
 * Runs in Node and in the browser (no Node or DOM imports).
 */

/**
 * The typefaces the kiosk ships, by CSS family name, each with the npm package that bundles it
 * (the renderer imports the package; the offline kiosk has no other source of fonts).
 */
export const BUNDLED_FONTS = {
  'Noto Sans SC Variable': '@fontsource-variable/noto-sans-sc',
  /** Source Sans 3 is the face Noto Sans SC's Latin was drawn from; it also has Cyrillic. */
  'Source Sans 3 Variable': '@fontsource-variable/source-sans-3',
} as const;

/** A family of {@link BUNDLED_FONTS}. */
export type BundledFont = keyof typeof BUNDLED_FONTS;

/** What the kiosk knows about one language it offers. */
export interface LanguageRecord {
  /** BCP 47 tag: the key of the language in content packages, `locales/` and `lang` attributes. */
  tag: string;
  /** The language's name in itself: how the switcher and the self-test show it, whatever is on screen. */
  endonym: string;
  /** ISO 15924 script, for what depends on the script rather than the language (typesetting). */
  script: string;
  /** Writing direction, for the `dir` attribute beside `lang`. */
  direction: 'ltr' | 'rtl';
  /**
   * CSS font families, first choice first: a bundled face drawn for this script, then
   * fallbacks. The first is the one the self-test checks.
   */
  fontStack: readonly [BundledFont, ...string[]];
  /**
   * The `hyphen` package's patterns (`hyphen/<name>`) that put soft hyphens into body text, or
   * null for a language set without hyphenation. Chromium's own `hyphens: auto` needs
   * dictionaries it downloads, which an offline kiosk never gets.
   */
  hyphenation: string | null;
  /**
   * BCP 47 tags of the speech voices that read this language aloud in listening mode, best
   * first. Only these: a voice for the same primary tag may speak another language or variety
   * (a `zh-HK` voice speaks Cantonese, not Mandarin).
   */
  voices: readonly string[];
}

const NOTO = ['Noto Sans SC Variable', 'Noto Sans SC'] as const;
const SOURCE_SANS = ['Source Sans 3 Variable', ...NOTO] as const;

/**
 * The record: each language the kiosk offers, in switcher order. The first is the default:
 * what the kiosk starts in before a package says otherwise, and the source the others'
 * interface strings are typed from.
 */
export const LANGUAGE_RECORDS = [
  {
    tag: 'zh-Hans',
    endonym: '中文',
    script: 'Hans',
    direction: 'ltr',
    // Latin inside Chinese text stays in Noto Sans SC, whose quotes are the Chinese ones.
    fontStack: [...NOTO, 'sans-serif'],
    hyphenation: null,
    voices: ['zh-CN', 'cmn-Hans-CN', 'cmn-CN', 'zh-Hans-CN', 'zh-Hans', 'cmn', 'zh', 'zh-SG', 'zh-TW'],
  },
  {
    tag: 'ru',
    endonym: 'Русский',
    script: 'Cyrl',
    direction: 'ltr',
    fontStack: [...SOURCE_SANS, 'sans-serif'],
    hyphenation: 'ru',
    voices: ['ru-RU', 'ru'],
  },
  {
    tag: 'en',
    endonym: 'English',
    script: 'Latn',
    direction: 'ltr',
    fontStack: [...SOURCE_SANS, 'sans-serif'],
    hyphenation: null,
    voices: ['en-GB', 'en-US', 'en', 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA'],
  },
] as const satisfies readonly [LanguageRecord, ...LanguageRecord[]];

type Entry = (typeof LANGUAGE_RECORDS)[number];

/** A language the kiosk offers: one of the record's tags. */
export type Language = Entry['tag'];

/** A script the record's languages are written in. */
export type Script = Entry['script'];

/** The `hyphen` patterns some language of the record uses; the renderer has a loader for each. */
export type HyphenationPatterns = Exclude<Entry['hyphenation'], null>;

/** The tags in switcher order: the content format's language enum and every list of languages. */
export const LANGUAGES = LANGUAGE_RECORDS.map((r) => r.tag) as readonly Language[] as readonly [Language, ...Language[]];

/** The language the kiosk starts in, before a package names its own default, and the fallback when none is known. */
export const DEFAULT_LANGUAGE: Language = LANGUAGE_RECORDS[0].tag;

/** Each language's entry of the record, by tag. */
export const LANGUAGE: { readonly [L in Language]: Extract<Entry, { tag: L }> } = Object.fromEntries(
  LANGUAGE_RECORDS.map((r) => [r.tag, r]),
) as { readonly [L in Language]: Extract<Entry, { tag: L }> };

/**
 * The language of what the kiosk shows untranslated: file names, identifiers, the validator's
 * messages, the graphics driver's name. Marked as such so they are set in its font and a
 * screen reader reads them in it, whatever the screen's language.
 */
export const UNTRANSLATED_LANGUAGE: Language = 'en';
