/**
 * Reading a package's manifest the way both the validator and the import do, with one set of
 * rules and one set of messages: bounded in size before it is read, its signature checked on
 * the raw bytes before anything in it is believed, nesting bounded before it is parsed, and
 * every path it lists held to the package path rule before any byte is copied.
 */
import { readSmallFile } from './files.ts';
import { formatPath } from './lang.ts';
import { formatBytes, type PackageLimits } from './limits.ts';
import type { Problem } from './load.ts';
import { parseJsonBounded } from './json.ts';
import { checkSignature, ManifestSchema, MANIFEST_FILE, SIGNATURE_FILE, SignatureSchema, type Manifest } from './manifest.ts';
import { packagePathProblem, pathClashes } from './package-path.ts';

const err = (file: string, place: string, message: string): Problem => ({ file, place, message, severity: 'error' });

/** What staff read about a file and its manifest entry; the validator and the import both say these. */
export const manifestMessages = {
  missingManifest: 'is missing: make the package with "kiosk-content pack"',
  missingSignature: 'is missing: this kiosk accepts signed packages only',
  badSignature: 'is not a valid signature file',
  missingFile: (size: number) => `is listed in the manifest (${formatBytes(size)}) but missing from the package`,
  notListed: 'is not listed in the manifest: it was added after the package was made',
  notRegular: 'is not a regular file',
  larger: (size: number) => `is larger than the manifest says (${formatBytes(size)}): the file was changed or damaged`,
  otherSize: (actual: number, expected: number) => {
    // Sizes a few bytes apart read the same rounded: then the bytes themselves are named.
    const [a, e] =
      formatBytes(actual) === formatBytes(expected)
        ? [`${actual} bytes`, `${expected} bytes`]
        : [formatBytes(actual), formatBytes(expected)];
    return `is ${a}, but the manifest says ${e}: the file was changed or damaged`;
  },
  otherPackage: (manifest: { id: string; version: string }, exhibit: { id: string; version: string }) =>
    `is for "${manifest.id}" ${manifest.version}, but exhibit.json is "${exhibit.id}" ${exhibit.version}`,
  otherHash: 'does not match its SHA-256 in the manifest: the file was changed or damaged',
} as const;

/** The manifest, when it can be believed, and what was wrong. */
export interface ManifestRead {
  manifest?: Manifest;
  /** The manifest's exact bytes (signed), when they were read. */
  bytes?: Buffer;
  problems: Problem[];
}

/**
 * Reads `manifest.json` of the package at `root`. With trusted keys, `signature.json` must
 * sign the manifest's exact bytes under one of them before the manifest is parsed at all.
 */
export async function readManifest(
  root: string,
  limits: PackageLimits,
  options: { trustedKeys?: readonly string[]; required?: boolean } = {},
): Promise<ManifestRead> {
  const keys = options.trustedKeys ?? [];
  const read = await readSmallFile(root, MANIFEST_FILE, limits.maxManifestBytes);
  if ('missing' in read)
    return { problems: options.required || keys.length > 0 ? [err(MANIFEST_FILE, '', manifestMessages.missingManifest)] : [] };
  if ('problem' in read) return { problems: [err(MANIFEST_FILE, '', read.problem)] };
  const { bytes } = read;

  if (keys.length > 0) {
    const signature = await readSmallFile(root, SIGNATURE_FILE, limits.maxSignatureBytes);
    if ('missing' in signature) return { bytes, problems: [err(SIGNATURE_FILE, '', manifestMessages.missingSignature)] };
    if ('problem' in signature) return { bytes, problems: [err(SIGNATURE_FILE, '', signature.problem)] };
    const parsed = parseJsonBounded(signature.bytes.toString('utf8'), 4);
    const checked = parsed.ok ? SignatureSchema.safeParse(parsed.value) : undefined;
    if (!checked?.success) return { bytes, problems: [err(SIGNATURE_FILE, '', manifestMessages.badSignature)] };
    let why: string | undefined;
    try {
      why = checkSignature(bytes, checked.data, keys);
    } catch {
      why = manifestMessages.badSignature;
    }
    if (why) return { bytes, problems: [err(SIGNATURE_FILE, '', why)] };
  }

  const parsed = parseJsonBounded(bytes.toString('utf8'), 8);
  if (!parsed.ok) return { bytes, problems: [err(MANIFEST_FILE, '', parsed.message)] };
  const schema = ManifestSchema.safeParse(parsed.value);
  if (!schema.success)
    return { bytes, problems: schema.error.issues.slice(0, 20).map((issue) => err(MANIFEST_FILE, formatPath(issue.path), issue.message)) };
  const manifest = schema.data;
  const problems: Problem[] = [];
  if (manifest.files.length > limits.maxFiles)
    problems.push(err(MANIFEST_FILE, 'files', `lists ${manifest.files.length} files, more than the ${limits.maxFiles} allowed`));
  let total = 0;
  manifest.files.forEach((entry, i) => {
    const why = packagePathProblem(entry.path);
    if (why) problems.push(err(MANIFEST_FILE, `files[${i}].path`, `"${entry.path}" ${why}`));
    else if (entry.path === MANIFEST_FILE || entry.path === SIGNATURE_FILE)
      problems.push(err(MANIFEST_FILE, `files[${i}].path`, `lists "${entry.path}" itself`));
    if (entry.size > limits.maxFileBytes)
      problems.push(
        err(
          MANIFEST_FILE,
          `files[${i}].size`,
          `says "${entry.path}" is ${formatBytes(entry.size)}, more than the ${formatBytes(limits.maxFileBytes)} a file may be`,
        ),
      );
    total += entry.size;
  });
  const index = new Map(manifest.files.map((f, i) => [f.path, i]));
  for (const clash of pathClashes(manifest.files.map((f) => f.path)))
    problems.push(err(MANIFEST_FILE, `files[${index.get(clash.path) ?? 0}].path`, `"${clash.path}" ${clash.message}`));
  if (total > limits.maxTotalBytes)
    problems.push(
      err(MANIFEST_FILE, 'files', `lists ${formatBytes(total)} in all, more than the ${formatBytes(limits.maxTotalBytes)} allowed`),
    );
  return problems.length > 0 ? { bytes, problems: problems.slice(0, 50) } : { bytes, manifest, problems };
}
