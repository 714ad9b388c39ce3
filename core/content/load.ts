/**
 * Reading a content package folder into a checked exhibit. Every problem is reported with its
 * file and place, all at once.
 */
import { readSmallFile } from './files.ts';
import { parseJsonBounded } from './json.ts';
import { completeLanguages, formatPath } from './lang.ts';
import { DEFAULT_LIMITS } from './limits.ts';
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
export type LoadResult = { ok: true; exhibit: Exhibit; languages: Language[]; problems: Problem[] } | { ok: false; problems: Problem[] };

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

/**
 * The parsed `exhibit.json` of a package folder, or the one problem that stops it being read:
 * missing, not a regular file, larger than allowed (refused before it is read), nested too
 * deep or not JSON.
 */
export async function readExhibitJson(
  dir: string,
  maxBytes = DEFAULT_LIMITS.maxExhibitBytes,
): Promise<{ ok: true; data: unknown } | { ok: false; problem: Problem }> {
  const problem = (message: string): { ok: false; problem: Problem } => ({
    ok: false,
    problem: { file: 'exhibit.json', place: '', message, severity: 'error' },
  });
  const read = await readSmallFile(dir, 'exhibit.json', maxBytes);
  if ('missing' in read) return problem('is missing: a package has exhibit.json at its top level');
  if ('problem' in read) return problem(read.problem);
  const parsed = parseJsonBounded(read.bytes.toString('utf8'));
  return parsed.ok ? { ok: true, data: parsed.value } : problem(parsed.message);
}

/** Reads `exhibit.json` from a package folder and checks it. */
export async function loadPackage(dir: string): Promise<LoadResult> {
  const read = await readExhibitJson(dir);
  return read.ok ? checkExhibitData(read.data) : { ok: false, problems: [read.problem] };
}
