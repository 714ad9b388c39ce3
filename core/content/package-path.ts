/**
 * The one rule for a path inside a content package. Zip entries, manifest entries, the files
 * found on a stick and the paths exhibit.json refers to all pass it before any byte is read
 * or written, so that nothing a stick names can reach outside the package on Linux or Windows,
 * and every name that validates is one the kiosk can also serve (no `%` or `#`, which a URL
 * would read as an escape or a fragment).
 *
 * Pure: the renderer's copy of the schema runs it too.
 */

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
 * Why `p` cannot name a file in a package, in words staff can act on, or undefined when it
 * can. `p` is relative, with forward slashes; a zip's folder entry may end with one slash.
 */
export function packagePathProblem(p: string, options: { folder?: boolean } = {}): string | undefined {
  const path = options.folder && p.endsWith('/') ? p.slice(0, -1) : p;
  if (path.length === 0) return 'is an empty path';
  if (path.length > MAX_PACKAGE_PATH) return `is a path longer than ${MAX_PACKAGE_PATH} characters`;
  if (path.includes('\\')) return 'uses a backslash; use forward slashes';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'is an absolute path; use a path inside the package';
  if (INVISIBLE.test(path)) return 'has control or invisible characters in its name';
  const parts = path.split('/');
  if (parts.some((s) => s === '..')) return 'leaves the package (its path contains "..")';
  if (parts.some((s) => s === '.' || s === '')) return 'has an empty part or "." in its path';
  if (parts.length > MAX_PACKAGE_DEPTH + 1) return `is nested more than ${MAX_PACKAGE_DEPTH} folders deep`;
  if (FORBIDDEN.test(path)) return 'has a character a name may not have (: * ? " < > | % #)';
  if (parts.some((s) => s.endsWith('.') || s.endsWith(' ') || s.startsWith(' ')))
    return 'has a name that starts with a space or ends with a dot or a space';
  if (parts.some((s) => DEVICE.test(s))) return 'uses a name Windows keeps for devices (CON, NUL, COM1…)';
  return undefined;
}

/**
 * The folders and files of a set of package paths that clash on a disk that ignores case, or
 * where one path is a file and another goes through it as a folder (`a/b` and `a/b/c`):
 * the later path of each clash, with why.
 */
export function pathClashes(paths: Iterable<string>): { path: string; message: string }[] {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const clashes: { path: string; message: string }[] = [];
  for (const p of paths) {
    const key = p.toLowerCase();
    const parts = key.split('/');
    const first = files.get(key);
    if (first !== undefined) {
      clashes.push({ path: p, message: first === p ? 'appears twice' : `differs only in upper and lower case from the path "${first}"` });
      continue;
    }
    const asFolder = folders.get(key);
    if (asFolder !== undefined) {
      clashes.push({ path: p, message: `is a file, but "${asFolder}" uses it as a folder` });
      continue;
    }
    let clash: string | undefined;
    for (let i = 1; i < parts.length && !clash; i += 1) {
      const prefix = parts.slice(0, i).join('/');
      const file = files.get(prefix);
      if (file !== undefined) clash = `goes through "${file}" as a folder, but it is a file`;
    }
    if (clash) {
      clashes.push({ path: p, message: clash });
      continue;
    }
    files.set(key, p);
    for (let i = 1; i < parts.length; i += 1) folders.set(parts.slice(0, i).join('/'), p);
  }
  return clashes;
}
