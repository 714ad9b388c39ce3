/**
 * The one rule for a path inside a content package. Zip entries, manifest entries, the files
 * found on a stick and the paths exhibit.json refers to all pass it before any byte is read
 * or written, so that nothing a stick names can reach outside the package on Linux or Windows,
 * and every name that validates is one the kiosk can also serve (no `%` or `#`, which a URL
 * would read as an escape or a fragment).
 *
 * Pure: the renderer's copy of the schema runs it too.
 */
import { englishProblem, type ContentProblem, type PathProblem } from './problem-codes.ts';

/** Longest path a package may use (with the kiosk's data folder in front it stays under Windows' 260). */
export const MAX_PACKAGE_PATH = 160;
/** Deepest folder nesting a path may have. */
export const MAX_PACKAGE_DEPTH = 8;

/** Characters Windows refuses in a name, and the two a URL gives a meaning of its own. */
const FORBIDDEN = /[:*?"<>|%#]/;
/** Control characters, and the invisible ones that can make a name read as another. */
const INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** Names Windows keeps for devices, with or without an extension. */
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * Why `p` cannot name a file in a package, as a code staff read in their own language, or
 * undefined when it can. `p` is relative, with forward slashes; a zip's folder entry may end
 * with one slash.
 */
export function packagePathIssue(p: string, options: { folder?: boolean } = {}): PathProblem | undefined {
  const path = options.folder && p.endsWith('/') ? p.slice(0, -1) : p;
  if (path.length === 0) return { code: 'path-empty' };
  if (path.length > MAX_PACKAGE_PATH) return { code: 'path-too-long', maximum: MAX_PACKAGE_PATH };
  if (path.includes('\\')) return { code: 'path-backslash' };
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return { code: 'path-absolute' };
  if (INVISIBLE.test(path)) return { code: 'path-invisible' };
  const parts = path.split('/');
  if (parts.some((s) => s === '..')) return { code: 'path-leaves' };
  if (parts.some((s) => s === '.' || s === '')) return { code: 'path-empty-part' };
  if (parts.length > MAX_PACKAGE_DEPTH + 1) return { code: 'path-too-deep', maximum: MAX_PACKAGE_DEPTH };
  if (FORBIDDEN.test(path)) return { code: 'path-forbidden-character' };
  if (parts.some((s) => s.endsWith('.') || s.endsWith(' ') || s.startsWith(' '))) return { code: 'path-bad-ends' };
  if (parts.some((s) => DEVICE.test(s))) return { code: 'path-device-name' };
  return undefined;
}

/** Why `p` cannot name a file in a package, in English (`packagePathIssue`'s code in words), or undefined when it can. */
export function packagePathProblem(p: string, options: { folder?: boolean } = {}): string | undefined {
  const issue = packagePathIssue(p, options);
  return issue && englishProblem(issue);
}

/** A path that clashes with another, with why: in English and as a code. */
export interface PathClash {
  path: string;
  message: string;
  issue: ContentProblem;
}

/**
 * The folders and files of a set of package paths that clash on a disk that ignores case, or
 * where one path is a file and another goes through it as a folder (`a/b` and `a/b/c`):
 * the later path of each clash, with why.
 */
export function pathClashes(paths: Iterable<string>): PathClash[] {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const clashes: PathClash[] = [];
  const clashOf = (p: string, issue: ContentProblem): PathClash => ({ path: p, message: englishProblem(issue), issue });
  for (const p of paths) {
    const key = p.toLowerCase();
    const parts = key.split('/');
    const first = files.get(key);
    if (first !== undefined) {
      clashes.push(clashOf(p, first === p ? { code: 'path-twice' } : { code: 'path-case-clash', other: first }));
      continue;
    }
    const asFolder = folders.get(key);
    if (asFolder !== undefined) {
      clashes.push(clashOf(p, { code: 'path-file-as-folder', other: asFolder }));
      continue;
    }
    let clash: ContentProblem | undefined;
    for (let i = 1; i < parts.length && !clash; i += 1) {
      const prefix = parts.slice(0, i).join('/');
      const file = files.get(prefix);
      if (file !== undefined) clash = { code: 'path-through-file', other: file };
    }
    if (clash) {
      clashes.push(clashOf(p, clash));
      continue;
    }
    files.set(key, p);
    for (let i = 1; i < parts.length; i += 1) folders.set(parts.slice(0, i).join('/'), p);
  }
  return clashes;
}
