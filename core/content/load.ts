/**
 * Reading a content package folder into a checked exhibit. Every problem is reported with its
 * file and place, all at once.
 */
import { readSmallFile } from './files.ts';
import { parseJsonBounded } from './json.ts';
import { completeLanguages, formatPath } from './lang.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { englishProblem, problemOfMessage, type ContentProblem } from './problem-codes.ts';
import { migrateV1 } from './migrate.ts';
import { ExhibitSchema, SCHEMA_VERSION, type Exhibit, type Language } from './schema.ts';
import { ExhibitV1Schema } from './schema-v1.ts';
import type { z } from 'zod';

/** One problem found in a package, in words staff can act on. */
export interface Problem {
  /** The file, relative to the package root (`exhibit.json`, `pictures/map.webp`). */
  file: string;
  /** The place in that file, like `sections[2].panels[0].title`, or empty for the whole file. */
  place: string;
  /** What is wrong, in English (for the CLI, the logs and the stick's report). */
  message: string;
  severity: 'error' | 'warning';
  /** What is wrong as a code, when the validator has one for it: the admin screen says it in the staff's language. */
  issue?: ContentProblem;
}

/** A problem from its code, its English made from the code. */
export function codedProblem(file: string, place: string, issue: ContentProblem, severity: Problem['severity'] = 'error'): Problem {
  return { file, place, message: englishProblem(issue), severity, issue };
}

const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * A zod issue of the schema as a code: the schema's own messages by their words (each is a
 * code's English), the path rule's by the code it carries, and zod's own by the kind of issue.
 * Undefined for an issue of no kind known here, which keeps zod's English.
 */
export function schemaIssue(issue: z.core.$ZodIssue): ContentProblem | undefined {
  const carried = (issue as { params?: { problem?: ContentProblem } }).params?.problem;
  if (carried) return carried;
  const known = problemOfMessage(issue.message);
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      if (issue.expected === 'string') return { code: 'not-text' };
      if (issue.expected === 'number') return { code: 'not-number' };
      if (issue.expected === 'array' || issue.expected === 'tuple') return { code: 'not-list' };
      if (issue.expected === 'object' || issue.expected === 'record') return { code: 'not-object' };
      return { code: 'wrong-type', expected: issue.expected };
    case 'invalid_value':
      return { code: 'not-allowed-value', allowed: list(issue.values) };
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options) ? { code: 'unknown-kind', allowed: list(issue.options) } : undefined;
    case 'unrecognized_keys':
      return { code: 'unknown-fields', keys: list(issue.keys) };
    case 'too_small':
      if (issue.origin === 'number')
        return issue.inclusive === false
          ? { code: 'number-not-above', minimum: String(issue.minimum) }
          : { code: 'number-too-small', minimum: String(issue.minimum) };
      if (issue.origin === 'string') return { code: 'text-too-short', minimum: Number(issue.minimum) };
      if (issue.origin === 'array') return { code: 'list-too-short', minimum: Number(issue.minimum) };
      return undefined;
    case 'too_big':
      if (issue.origin === 'number') return { code: 'number-too-large', maximum: String(issue.maximum) };
      if (issue.origin === 'string') return { code: 'text-too-long', maximum: Number(issue.maximum) };
      if (issue.origin === 'array') return { code: 'list-too-long', maximum: Number(issue.maximum) };
      return undefined;
    case 'invalid_format':
      return { code: 'bad-format' };
    default:
      return undefined;
  }
}

/** Formats a problem as one line: `exhibit.json: sections[2].title: no "ru" text`. */
export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.place ? `${p.place}: ` : ''}${p.message}`;
}

/**
 * A package read from disk: the exhibit when it is acceptable (always in the current format;
 * `format` is the one its file is written in), and every problem found.
 */
export type LoadResult =
  | { ok: true; exhibit: Exhibit; format: 1 | typeof SCHEMA_VERSION; languages: Language[]; problems: Problem[] }
  | { ok: false; problems: Problem[] };

function schemaProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const coded = schemaIssue(issue);
    const place = formatPath(issue.path);
    return coded ? codedProblem('exhibit.json', place, coded) : { file: 'exhibit.json', place, message: issue.message, severity: 'error' };
  });
}

/**
 * Checks parsed `exhibit.json` data against the schema of the format it declares, reporting
 * every problem; a format-1 exhibit is then moved to the current format (`migrate.ts`).
 */
export function checkExhibitData(data: unknown): LoadResult {
  const problems: Problem[] = [];
  const declared = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof declared === 'number' && declared > SCHEMA_VERSION) {
    problems.push(codedProblem('exhibit.json', 'schemaVersion', { code: 'needs-newer-kiosk', declared, supported: SCHEMA_VERSION }));
    return { ok: false, problems };
  }
  // A file that says format 1, or that names no known format and is written as format 1 (its one
  // `model`, no `models`), is read as format 1: its faults are then named in its own terms.
  const looksV1 = !!data && typeof data === 'object' && !('models' in data);
  if (declared === 1 || (declared !== SCHEMA_VERSION && looksV1)) {
    const parsed = ExhibitV1Schema.safeParse(data, { reportInput: true });
    if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues) };
    const exhibit = migrateV1(parsed.data);
    return { ok: true, exhibit, format: 1, languages: completeLanguages(exhibit, exhibit.languages.available), problems };
  }
  const parsed = ExhibitSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues) };
  const exhibit = parsed.data;
  const languages = completeLanguages(exhibit, exhibit.languages.available);
  return { ok: true, exhibit, format: SCHEMA_VERSION, languages, problems };
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
  const problem = (issue: ContentProblem): { ok: false; problem: Problem } => ({
    ok: false,
    problem: codedProblem('exhibit.json', '', issue),
  });
  const read = await readSmallFile(dir, 'exhibit.json', maxBytes);
  if ('missing' in read) return problem({ code: 'exhibit-missing' });
  if ('problem' in read) return problem(read.issue);
  const parsed = parseJsonBounded(read.bytes.toString('utf8'));
  return parsed.ok ? { ok: true, data: parsed.value } : problem(parsed.issue);
}

/** Reads `exhibit.json` from a package folder and checks it. */
export async function loadPackage(dir: string): Promise<LoadResult> {
  const read = await readExhibitJson(dir);
  return read.ok ? checkExhibitData(read.data) : { ok: false, problems: [read.problem] };
}
