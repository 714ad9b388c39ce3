/**
 * Reading a content package folder into a checked exhibit. Every problem is reported with its
 * file and place, all at once.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { completeLanguages, formatPath } from './lang.ts';
import { ExhibitSchema, SCHEMA_VERSION, type Exhibit, type Language } from './schema.ts';

/** One problem found in a package, in words staff can act on. */
export interface Problem {
  /** The file, relative to the package root (`exhibit.json`, `pictures/map.webp`). */
  file: string;
  /** The place in that file, like `sections[2].panels[0].title`, or empty for the whole file. */
  place: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Formats a problem as one line: `exhibit.json: sections[2].title: no "ru" text`. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.place ? `${p.place}: ` : ''}${p.message}`;
}

/** A package read from disk: the exhibit when it is acceptable, and every problem found. */
export type LoadResult =
  | { ok: true; exhibit: Exhibit; languages: Language[]; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Checks parsed `exhibit.json` data against the schema, reporting every problem. */
export function checkExhibitData(data: unknown): LoadResult {
  const problems: Problem[] = [];
  const declared = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof declared === 'number' && declared > SCHEMA_VERSION) {
    problems.push({
      file: 'exhibit.json',
      place: 'schemaVersion',
      message: `this package needs a newer kiosk (format ${declared}; this kiosk reads format ${SCHEMA_VERSION})`,
      severity: 'error',
    });
    return { ok: false, problems };
  }
  const parsed = ExhibitSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push({ file: 'exhibit.json', place: formatPath(issue.path), message: issue.message, severity: 'error' });
    return { ok: false, problems };
  }
  const exhibit = parsed.data;
  const languages = completeLanguages(exhibit, exhibit.languages.available);
  return { ok: true, exhibit, languages, problems };
}

/** Reads `exhibit.json` from a package folder and checks it. */
export async function loadPackage(dir: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, 'exhibit.json'), 'utf8');
  } catch {
    return { ok: false, problems: [{ file: 'exhibit.json', place: '', message: 'is missing from the package', severity: 'error' }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ file: 'exhibit.json', place: '', message: `is not valid JSON (${(error as Error).message})`, severity: 'error' }],
    };
  }
  return checkExhibitData(data);
}
