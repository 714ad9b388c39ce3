/**
 * The place of a problem in a package file, as a path of keys and indexes, for the admin screen
 * to put in the staff's own words. Runs in Node and in the browser.
 */

/** One step of a place: a field name, or a zero-based index into a list. */
export type PlaceStep = string | number;

/**
 * Splits a place as the validator writes it (`sections[4].panels[3].body.ru[0]`, see
 * `formatPath` in core/content/lang.ts) into its steps: `['sections', 4, 'panels', 3, 'body', 'ru', 0]`.
 * The whole file (`''` or `(root)`) is the empty path.
 */
export function parsePlace(place: string): PlaceStep[] {
  if (place === '' || place === '(root)') return [];
  const steps: PlaceStep[] = [];
  for (const match of place.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) steps.push(Number(match[1]));
    else if (match[2] !== undefined) steps.push(match[2]);
  }
  return steps;
}
