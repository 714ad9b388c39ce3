import { useSyncExternalStore } from 'react';

type Hyphenate = (text: string) => string;

let russian: Hyphenate | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/**
 * Russian hyphenation with soft hyphens from TeX patterns (the `hyphen` package): Chromium's
 * own `hyphens: auto` needs dictionaries it downloads, which an offline kiosk never gets.
 * The patterns load in the background after start-up, outside the first screen's JavaScript.
 */
export function loadRussianHyphenation(): Promise<void> {
  loading ??= import('hyphen/ru').then((module) => {
    const sync =
      (module as unknown as { hyphenateSync: Hyphenate; default?: { hyphenateSync: Hyphenate } }).hyphenateSync ??
      (module as unknown as { default: { hyphenateSync: Hyphenate } }).default.hyphenateSync;
    russian = sync;
    for (const listener of listeners) listener();
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A function that hyphenates text in `lang` (Russian once its patterns are loaded; others as they are). */
export function useHyphenate(lang: string | undefined): Hyphenate {
  const ready = useSyncExternalStore(subscribe, () => russian);
  return lang === 'ru' && ready ? ready : identity;
}

const identity: Hyphenate = (text) => text;
