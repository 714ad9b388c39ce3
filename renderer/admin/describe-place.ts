import type { PlaceStep } from '../../core/admin/place.ts';
import { LANGUAGES } from '../../core/content/schema.ts';
import type { Strings } from '../i18n.ts';

/** The strings that name places in a package file: `admin.place` of one language's locale file. */
export type PlaceStrings = Strings['admin']['place'];

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/{{(\w+)}}/g, (whole, name: string) => String(values[name] ?? whole));
const own = <T extends object>(record: T, key: string): string | undefined =>
  Object.hasOwn(record, key) ? (record as Record<string, string>)[key] : undefined;
const isLanguage = (step: PlaceStep): step is string =>
  typeof step === 'string' && ((LANGUAGES as readonly string[]).includes(step) || step === 'none');

/**
 * Says where in a package file a problem is, the way staff count: from one, in their language.
 * `['sections', 4, 'panels', 3, 'body', 'ru', 0]` is "section 5 · panel 4 · body (Russian)" in
 * English and 「第5单元 · 第4块展板 · 俄文正文」 in Chinese. A field the strings do not name is shown
 * by its own name; the empty path is the whole file.
 */
export function describePlace(path: readonly PlaceStep[], strings: PlaceStrings): string {
  if (path.length === 0) return strings.wholeFile;
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const step = path[i]!;
    const next = path[i + 1];
    if (typeof step === 'number') {
      // An index with no field name before it (a list in a list): counted from one all the same.
      parts.push(String(step + 1));
      continue;
    }
    const field = own(strings.fields, step) ?? step;
    if (typeof next === 'number') {
      const item = own(strings.items, step);
      parts.push(item ? fill(item, { n: next + 1 }) : fill(strings.item, { field, n: next + 1 }));
      i += 1;
    } else if (next !== undefined && isLanguage(next)) {
      parts.push(fill(strings.inLanguage, { field, language: own(strings.languages, next) ?? next }));
      i += 1;
      // A text's paragraphs: the first goes unsaid, as most texts have only one.
      const paragraph = path[i + 1];
      if (typeof paragraph === 'number') {
        if (paragraph > 0) parts.push(fill(strings.paragraph, { n: paragraph + 1 }));
        i += 1;
      }
    } else if (isLanguage(step) && i === 0) {
      parts.push(own(strings.languages, step) ?? step);
    } else {
      parts.push(field);
    }
  }
  return parts.join(' · ');
}
