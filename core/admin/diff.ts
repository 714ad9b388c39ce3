/**
 * What a new package changes compared with the one on screen, for staff to see before they
 * install it: sections and stories added, removed and changed, and missing translations.
 */
import { findMissingTexts } from '../content/lang.ts';
import type { Exhibit, LangMap } from '../content/schema.ts';

/** One item of a change list: its id and its title in every language. */
export interface ChangedItem {
  id: string;
  title: LangMap;
}

/** What installing a package would change on screen, for staff to look over before they install it. */
export interface ExhibitChanges {
  sections: { added: ChangedItem[]; removed: ChangedItem[]; changed: ChangedItem[] };
  stories: { added: ChangedItem[]; removed: ChangedItem[]; changed: ChangedItem[] };
  modelChanged: boolean;
  /** Places where a declared language has no text, as "path: language". */
  missingTranslations: string[];
}

function compare<T extends { id: string; title: LangMap }>(before: readonly T[], after: readonly T[]) {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const item = (x: T): ChangedItem => ({ id: x.id, title: x.title });
  return {
    added: after.filter((x) => !old.has(x.id)).map(item),
    removed: before.filter((x) => !now.has(x.id)).map(item),
    changed: after.filter((x) => old.has(x.id) && JSON.stringify(old.get(x.id)) !== JSON.stringify(x)).map(item),
  };
}

/** The changes from `active` (null: the built-in exhibit is unknown here) to `incoming`. */
export function diffExhibits(active: Exhibit | null, incoming: Exhibit): ExhibitChanges {
  return {
    sections: compare(active?.sections ?? [], incoming.sections),
    stories: compare(active?.stories ?? [], incoming.stories),
    modelChanged: JSON.stringify(active?.models ?? []) !== JSON.stringify(incoming.models),
    missingTranslations: findMissingTexts(incoming, incoming.languages.available).map((m) => `${m.path}: ${m.language}`),
  };
}
