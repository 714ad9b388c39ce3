/**
 * Reading a package's manifest the way both the validator and the import do, with one set of
 * rules and one set of messages: bounded in size before it is read, its signature checked on
 * the raw bytes before anything in it is believed, nesting bounded before it is parsed, and
 * every path it lists held to the package path rule before any byte is copied.
 */
import { readSmallFile } from './files.ts';
import { formatPath } from './lang.ts';
import type { PackageLimits } from './limits.ts';
import { codedProblem, schemaIssue, type Problem } from './load.ts';
import { parseJsonBounded } from './json.ts';
import { checkSignature, ManifestSchema, MANIFEST_FILE, SIGNATURE_FILE, SignatureSchema, type Manifest } from './manifest.ts';
import { packagePathProblem, pathClashes } from './package-path.ts';
import { englishProblem, type ContentProblem } from './problem-codes.ts';

const err = (file: string, place: string, message: string): Problem => ({ file, place, message, severity: 'error' });
const bad = (file: string, place: string, issue: ContentProblem): Problem => codedProblem(file, place, issue);

/** What staff read about a file and its manifest entry; the validator and the import both say these. */
export const manifestMessages = {
  missingManifest: englishProblem({ code: 'manifest-missing' }),
  missingSignature: englishProblem({ code: 'signature-required' }),
  badSignature: englishProblem({ code: 'bad-signature-file' }),
  missingFile: (size: number) => englishProblem({ code: 'listed-file-missing', size }),
  notListed: englishProblem({ code: 'file-not-listed' }),
  notRegular: englishProblem({ code: 'not-regular-file' }),
  larger: (size: number) => englishProblem({ code: 'larger-than-listed', size }),
  otherSize: (actual: number, expected: number) => englishProblem({ code: 'other-size-than-listed', size: actual, expected }),
  otherPackage: (manifest: { id: string; version: string }, exhibit: { id: string; version: string }) =>
    englishProblem({
      code: 'manifest-other-package',
      manifestId: manifest.id,
      manifestVersion: manifest.version,
      id: exhibit.id,
      version: exhibit.version,
    }),
  otherHash: englishProblem({ code: 'other-hash-than-listed' }),
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
    return { problems: options.required || keys.length > 0 ? [bad(MANIFEST_FILE, '', { code: 'manifest-missing' })] : [] };
  if ('problem' in read) return { problems: [bad(MANIFEST_FILE, '', read.issue)] };
  const { bytes } = read;

  if (keys.length > 0) {
    const signature = await readSmallFile(root, SIGNATURE_FILE, limits.maxSignatureBytes);
    if ('missing' in signature) return { bytes, problems: [bad(SIGNATURE_FILE, '', { code: 'signature-required' })] };
    if ('problem' in signature) return { bytes, problems: [bad(SIGNATURE_FILE, '', signature.issue)] };
    const parsed = parseJsonBounded(signature.bytes.toString('utf8'), 4);
    const checked = parsed.ok ? SignatureSchema.safeParse(parsed.value) : undefined;
    if (!checked?.success) return { bytes, problems: [bad(SIGNATURE_FILE, '', { code: 'bad-signature-file' })] };
    let why: ContentProblem | undefined;
    try {
      why = checkSignature(bytes, checked.data, keys);
    } catch {
      why = { code: 'bad-signature-file' };
    }
    if (why) return { bytes, problems: [bad(SIGNATURE_FILE, '', why)] };
  }

  const parsed = parseJsonBounded(bytes.toString('utf8'), 8);
  if (!parsed.ok) return { bytes, problems: [bad(MANIFEST_FILE, '', parsed.issue)] };
  const schema = ManifestSchema.safeParse(parsed.value);
  if (!schema.success)
    return {
      bytes,
      problems: schema.error.issues.slice(0, 20).map((issue) => {
        const coded = schemaIssue(issue);
        const place = formatPath(issue.path);
        return coded ? bad(MANIFEST_FILE, place, coded) : err(MANIFEST_FILE, place, issue.message);
      }),
    };
  const manifest = schema.data;
  const problems: Problem[] = [];
  if (manifest.files.length > limits.maxFiles)
    problems.push(bad(MANIFEST_FILE, 'files', { code: 'manifest-too-many-files', count: manifest.files.length, maximum: limits.maxFiles }));
  let total = 0;
  manifest.files.forEach((entry, i) => {
    const why = packagePathProblem(entry.path);
    if (why) problems.push(err(MANIFEST_FILE, `files[${i}].path`, `"${entry.path}" ${why}`));
    else if (entry.path === MANIFEST_FILE || entry.path === SIGNATURE_FILE)
      problems.push(bad(MANIFEST_FILE, `files[${i}].path`, { code: 'manifest-lists-itself', path: entry.path }));
    if (entry.size > limits.maxFileBytes)
      problems.push(
        bad(MANIFEST_FILE, `files[${i}].size`, {
          code: 'manifest-file-too-large',
          path: entry.path,
          size: entry.size,
          maximum: limits.maxFileBytes,
        }),
      );
    total += entry.size;
  });
  const index = new Map(manifest.files.map((f, i) => [f.path, i]));
  for (const clash of pathClashes(manifest.files.map((f) => f.path)))
    problems.push(err(MANIFEST_FILE, `files[${index.get(clash.path) ?? 0}].path`, `"${clash.path}" ${clash.message}`));
  if (total > limits.maxTotalBytes)
    problems.push(bad(MANIFEST_FILE, 'files', { code: 'manifest-too-large', size: total, maximum: limits.maxTotalBytes }));
  return problems.length > 0 ? { bytes, problems: problems.slice(0, 50) } : { bytes, manifest, problems };
}
