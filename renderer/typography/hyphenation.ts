import { useSyncExternalStore } from 'react';
import { LANGUAGE, LANGUAGES, type HyphenationPatterns, type Language } from '../../core/content/languages.ts';

type Hyphenate = (text: string) => string;
type PatternsModule = { hyphenateSync?: Hyphenate; default?: { hyphenateSync: Hyphenate } };

/**
 * Where each set of patterns the record names is loaded from: one chunk per set, outside the
 * first screen's JavaScript. Keyed by the record's type, so a language whose patterns have no
 * loader here does not compile.
 */
const PATTERNS: { readonly [P in HyphenationPatterns]: () => Promise<PatternsModule> } = {
  ru: () => import('hyphen/ru'),
};

const ready = new Map<HyphenationPatterns, Hyphenate>();
let loading: Promise<void> | null = null;
let version = 0;
const listeners = new Set<() => void>();

/**
 * Hyphenation with soft hyphens from TeX patterns (the `hyphen` package) for every language of
 * the record that has them: Chromium's own `hyphens: auto` needs dictionaries it downloads,
 * which an offline kiosk never gets. The patterns load in the background after start-up.
 */
export function loadHyphenation(): Promise<void> {
  const wanted = new Set(LANGUAGES.flatMap((lang) => LANGUAGE[lang].hyphenation ?? []));
  loading ??= Promise.all(
    [...wanted].map(async (patterns) => {
      const module = await PATTERNS[patterns]();
      ready.set(patterns, module.hyphenateSync ?? module.default!.hyphenateSync);
      version += 1;
      for (const listener of listeners) listener();
    }),
  ).then(() => undefined);
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A function that hyphenates text in `lang` (once its language's patterns are loaded; as it is otherwise). */
export function useHyphenate(lang: string | undefined): Hyphenate {
  useSyncExternalStore(subscribe, () => version);
  const patterns = lang && Object.hasOwn(LANGUAGE, lang) ? LANGUAGE[lang as Language].hyphenation : null;
  return (patterns && ready.get(patterns)) || identity;
}

const identity: Hyphenate = (text) => text;
