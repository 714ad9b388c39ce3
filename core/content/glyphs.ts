/**
 * Whether the kiosk can draw a text: the code points its bundled fonts cover (written by
 * `scripts/font-coverage.ts` into `font-coverage.ts`), each language's font stack from the
 * language record, and the first character of a text that no font of its stack draws. A
 * character no bundled font has is drawn as an empty box (tofu) on an offline kiosk, which has
 * no system font to fall back on for most scripts.
 *
 * Runs in Node and in the browser (no Node or DOM imports).
 */
import { BUNDLED_COVERAGE } from './font-coverage.ts';
import { formatPath, langMapsIn } from './lang.ts';
import { LANGUAGE, type BundledFont, type Language } from './languages.ts';

/**
 * A set of code points as sorted, disjoint, non-adjacent ranges, flattened:
 * `[first, last, first, last, …]`, each range inclusive. A font's few thousand ranges instead of
 * its tens of thousands of characters, and a binary search to look one up.
 */
export type Coverage = readonly number[];

/** The empty set of code points. */
export const NO_COVERAGE: Coverage = [];

/** The coverage of some code points, in any order, repeats allowed. */
export function coverageOf(codePoints: Iterable<number>): Coverage {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const cp of sorted) {
    if (out.length > 0 && out[out.length - 1] === cp - 1) out[out.length - 1] = cp;
    else out.push(cp, cp);
  }
  return out;
}

/** True when `codePoint` is in `coverage`. */
export function covers(coverage: Coverage, codePoint: number): boolean {
  let low = 0;
  let high = coverage.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (codePoint < coverage[2 * mid]!) high = mid - 1;
    else if (codePoint > coverage[2 * mid + 1]!) low = mid + 1;
    else return true;
  }
  return false;
}

/** The code points in any of `coverages`: what a font stack draws, one family after another. */
export function unionOf(...coverages: Coverage[]): Coverage {
  const ranges: [number, number][] = [];
  for (const c of coverages) for (let i = 0; i < c.length; i += 2) ranges.push([c[i]!, c[i + 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [first, last] of ranges) {
    if (out.length > 0 && first <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, last);
    else out.push(first, last);
  }
  return out;
}

/** The code points in both `a` and `b`: what each of two stacks draws. */
export function intersectionOf(a: Coverage, b: Coverage): Coverage {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const first = Math.max(a[i]!, b[j]!);
    const last = Math.min(a[i + 1]!, b[j + 1]!);
    if (first <= last) out.push(first, last);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/**
 * Reads ranges written as CSS writes a `unicode-range` (`U+0460-052F, U+20B4, U+4??`) or as the
 * coverage file does (`460-52f,20b4`): hexadecimal, `first-last` or one code point.
 */
export function parseRanges(text: string): Coverage {
  // Pairs in the order written, which `unionOf` sorts and merges.
  const ranges: number[] = [];
  for (const part of text.split(',')) {
    const item = part.trim().replace(/^u\+/i, '');
    if (!item) continue;
    const match = /^([0-9a-f?]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(item);
    if (!match) throw new Error(`not a code point range: "${part.trim()}"`);
    const [, first, last] = match;
    if (first!.includes('?')) ranges.push(parseInt(first!.replace(/\?/g, '0'), 16), parseInt(first!.replace(/\?/g, 'f'), 16));
    else ranges.push(parseInt(first!, 16), parseInt(last ?? first!, 16));
  }
  return unionOf(ranges);
}

/** Writes a coverage as `parseRanges` reads it: lower-case hexadecimal, `first-last` or one code point. */
export function formatRanges(coverage: Coverage): string {
  const parts: string[] = [];
  for (let i = 0; i < coverage.length; i += 2) {
    const [first, last] = [coverage[i]!, coverage[i + 1]!];
    parts.push(first === last ? first.toString(16) : `${first.toString(16)}-${last.toString(16)}`);
  }
  return parts.join(',');
}

/**
 * Characters that are never drawn, so need no glyph: white space (the no-break spaces of the
 * markup's `&nbsp;` and of typography among them, line breaks), controls, and the default
 * ignorables, which a browser draws as nothing: the soft hyphens that the kiosk's hyphenation
 * puts into Russian body text (it draws a hyphen at a break, which every stack has), zero-width
 * spaces and joiners, direction marks, variation selectors and tags.
 */
const NEVER_DRAWN = /^[\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;

/** True for a character that needs no glyph to be shown as it is meant (a space, a soft hyphen). */
export function isNeverDrawn(character: string): boolean {
  return NEVER_DRAWN.test(character);
}

/** A character the kiosk cannot draw: as it is (the replacement character for half a surrogate pair), and as `U+XXXX`. */
export interface Undrawable {
  character: string;
  codePoint: string;
}

/** `U+` and at least four upper-case hexadecimal digits, as Unicode names a code point. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character of `text` that no font of `coverage` draws, or undefined when the kiosk
 * can draw it all. As the browser's text shaper does, a character is taken composed where the
 * font has the composed form (e and a combining acute as é), and decomposed where it has only
 * the parts (ǘ as ü and an accent).
 */
export function firstUndrawable(text: string, coverage: Coverage): Undrawable | undefined {
  const drawn = (c: string): boolean => isNeverDrawn(c) || covers(coverage, c.codePointAt(0)!);
  for (const character of text.normalize('NFC')) {
    if (drawn(character) || [...character.normalize('NFD')].every(drawn)) continue;
    const codePoint = character.codePointAt(0)!;
    const lone = codePoint >= 0xd800 && codePoint <= 0xdfff;
    return { character: lone ? '\ufffd' : character, codePoint: codePointName(codePoint) };
  }
  return undefined;
}

/** The code points a font stack draws: the union of its bundled families (its system fallbacks draw nothing known). */
export function stackCoverage(stack: readonly string[], fonts: { readonly [F in BundledFont]?: Coverage }): Coverage {
  return unionOf(...stack.map((family) => (Object.hasOwn(fonts, family) ? (fonts[family as BundledFont] ?? NO_COVERAGE) : NO_COVERAGE)));
}

let bundled: { readonly [F in BundledFont]: Coverage } | undefined;
const byLanguage = new Map<Language, Coverage>();

/** What the kiosk's bundled fonts draw, each family read once from the coverage file. */
export function bundledCoverage(): { readonly [F in BundledFont]: Coverage } {
  bundled ??= Object.fromEntries(Object.entries(BUNDLED_COVERAGE.families).map(([family, ranges]) => [family, parseRanges(ranges)])) as {
    [F in BundledFont]: Coverage;
  };
  return bundled;
}

/**
 * What the kiosk draws in `language`: the bundled families of its font stack (a Chinese text is
 * set in Noto Sans SC alone, a Russian one in Source Sans 3, then Noto Sans SC).
 */
export function languageCoverage(language: Language): Coverage {
  let coverage = byLanguage.get(language);
  if (!coverage) {
    coverage = stackCoverage(LANGUAGE[language].fontStack, bundledCoverage());
    byLanguage.set(language, coverage);
  }
  return coverage;
}

/**
 * What the kiosk draws in every one of `languages`: for a text that is the same in all (`none`),
 * shown in whichever language the visitor chose.
 */
export function commonCoverage(languages: readonly Language[], coverageFor: (language: Language) => Coverage = languageCoverage): Coverage {
  const [first, ...rest] = languages.map(coverageFor);
  return rest.reduce(intersectionOf, first ?? NO_COVERAGE);
}

/** A text the kiosk cannot draw all of: where it is, and its first character that no font of its language has. */
export interface UndrawableText extends Undrawable {
  /** JSON path of the string, its language and index included: `sections[2].panels[0].body.ru[0]`. */
  place: string;
}

/**
 * Every string of every language map in `value` (an exhibit) that has a character the kiosk
 * cannot draw in its language, in document order. A `none` string is shown in whichever of the
 * exhibit's `languages` the visitor chose, so it must be drawn in each. The rich-text markup is
 * read as written: its tags and entities are ASCII, which every stack draws, and what they stand
 * for is ASCII or a no-break space.
 */
export function undrawableTexts(
  value: unknown,
  languages: readonly Language[],
  coverageFor: (language: Language) => Coverage = languageCoverage,
): UndrawableText[] {
  let none: Coverage | undefined;
  const found: UndrawableText[] = [];
  for (const { path, map } of langMapsIn(value))
    for (const [key, values] of Object.entries(map) as [Language | 'none', string[]][]) {
      const coverage = key === 'none' ? (none ??= commonCoverage(languages, coverageFor)) : coverageFor(key);
      values.forEach((text, i) => {
        // The schema has already refused a text that is not a string; nothing to draw in it here.
        const first = typeof text === 'string' ? firstUndrawable(text, coverage) : undefined;
        if (first) found.push({ place: formatPath([...path, key, i]), ...first });
      });
    }
  return found;
}
