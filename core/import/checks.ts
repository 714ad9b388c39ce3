/**
 * The import's checks, apart from the copy and the install they guard: the package opened (a
 * zip unpacked into staging, with room for it first), its signature, manifest and exhibit.json
 * read before a byte is copied, what staff must confirm, every file on the stick held to the
 * manifest and the size limits, room on the disk; and after the copy, the full validator on it.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ImportFinding } from '../admin/messages.ts';
import { DEFAULT_LIMITS } from '../content/limits.ts';
import { checkExhibitData, readExhibitJson } from '../content/load.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../content/manifest.ts';
import { readManifest } from '../content/manifest-check.ts';
import { scanPackage } from '../content/scan.ts';
import type { Exhibit, Language } from '../content/schema.ts';
import { noRoomFor, sizeProblem, validatePackage } from '../content/validate.ts';
import { extractZip, packageRootIn } from '../content/zip.ts';
import type { FaultPoint } from '../fs-atomic.ts';
import { confirmationProblem, englishFinding, findingProblem, refuse, type ImportRefusal } from './findings.ts';
import type { CopySource } from './verified-copy.ts';
import { confirmationFor, onScreenOf, readStatus, type ExhibitVersion, type InstalledVersion } from './versions.ts';

/** Free bytes on the disk that holds a folder. */
export type FreeBytes = (dir: string) => Promise<number>;

/** Whether `bytes` fit on the kiosk's disk (the rule is `noRoomFor`'s); the finding when they do not. */
async function roomFor(dataDir: string, bytes: number, freeBytes: FreeBytes): Promise<ImportFinding | undefined> {
  const free = await freeBytes(dataDir);
  return (await noRoomFor(dataDir, bytes, async () => free)) ? { code: 'no-room', needed: bytes, free } : undefined;
}

/**
 * The package's folder: `source` itself, or for a `.zip` the folder it was unpacked into under
 * `work` (after making sure the disk holds it twice: unpacked, then copied into the version).
 */
export async function openSource(
  source: string,
  work: string,
  options: { dataDir: string; freeBytes: FreeBytes; fault: FaultPoint },
): Promise<{ ok: true; root: string } | ImportRefusal> {
  const sourceStat = await fsp.lstat(source).catch(() => undefined);
  const isZip = sourceStat?.isFile() && source.toLowerCase().endsWith('.zip');
  await options.fault('create staging folder');
  await fsp.mkdir(work, { recursive: true });
  if (isZip) {
    await options.fault('unpack the zip');
    const unpacked = path.join(work, 'unpacked');
    await fsp.mkdir(unpacked);
    let noRoom: ImportFinding | undefined;
    const problems = await extractZip(source, unpacked, DEFAULT_LIMITS, path.basename(source), {
      beforeUnpack: async (bytes) => {
        noRoom = await roomFor(options.dataDir, 2 * bytes, options.freeBytes);
        return noRoom && englishFinding(noRoom);
      },
    });
    // A refusal from beforeUnpack is the only problem extractZip then returns.
    if (problems.length > 0) return { ok: false, problems: noRoom ? problems.map((p) => ({ ...p, finding: noRoom })) : problems };
    return { ok: true, root: await packageRootIn(unpacked) };
  }
  if (!sourceStat?.isDirectory()) return refuse(path.basename(source), { code: 'source-not-found' });
  return { ok: true, root: source };
}

/** What the checks before the copy ask of the kiosk. */
export interface CheckOptions {
  dataDir: string;
  trustedKeys: readonly string[];
  /** The exhibit built into the kiosk, on screen while nothing is installed. */
  builtIn?: ExhibitVersion;
  /** Staff confirmed installing a version that is not newer, or another exhibit. */
  allowSameOrOlder: boolean;
  freeBytes: FreeBytes;
}

/** A package that passed every check before the copy: what to copy, what it is, and what it replaces. */
export interface CheckedPackage extends CopySource {
  ok: true;
  exhibit: Exhibit;
  /** The version on screen now, which the package replaces; null: the built-in exhibit. */
  replaced: InstalledVersion | null;
}

/**
 * Everything that can be told from the stick before copying: the signature, the manifest (its
 * paths held to the package path rule before any is joined to a folder), exhibit.json, what
 * staff must confirm, every file listed and within its limit, and room on the disk.
 */
export async function checkBeforeCopy(root: string, options: CheckOptions): Promise<CheckedPackage | ImportRefusal> {
  const read = await readManifest(root, DEFAULT_LIMITS, { trustedKeys: options.trustedKeys, required: true });
  if (!read.manifest) return { ok: false, problems: read.problems };
  const manifest = read.manifest;
  const exhibitRead = await readExhibitJson(root);
  if (!exhibitRead.ok) return { ok: false, problems: [exhibitRead.problem] };
  const early = checkExhibitData(exhibitRead.data);
  if (!early.ok) return { ok: false, problems: early.problems };
  const exhibit = early.exhibit;
  if (manifest.package.id !== exhibit.id || manifest.package.version !== exhibit.version)
    return refuse(
      MANIFEST_FILE,
      {
        code: 'other-package',
        manifestId: manifest.package.id,
        manifestVersion: manifest.package.version,
        id: exhibit.id,
        version: exhibit.version,
      },
      'package',
    );

  const { active } = await readStatus(options.dataDir);
  const needsConfirmation = confirmationFor(onScreenOf(active, options.builtIn), exhibit);
  if (needsConfirmation && !options.allowSameOrOlder)
    return { ok: false, needsConfirmation, problems: [confirmationProblem(needsConfirmation)] };

  const scan = await scanPackage(root, DEFAULT_LIMITS);
  if (scan.problems.length > 0) return { ok: false, problems: scan.problems };
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of scan.files.values()) {
    if (file.path !== MANIFEST_FILE && file.path !== SIGNATURE_FILE && !listed.has(file.path))
      return refuse(file.path, { code: 'not-listed' });
    const tooLarge = sizeProblem(file, DEFAULT_LIMITS);
    if (tooLarge) return { ok: false, problems: [{ file: file.path, place: '', message: tooLarge, severity: 'error' }] };
  }

  const bytesTotal = manifest.files.reduce((sum, f) => sum + f.size, 0);
  const noRoom = await roomFor(options.dataDir, bytesTotal, options.freeBytes);
  if (noRoom) return { ok: false, problems: [findingProblem('.', noRoom)] };
  return { ok: true, root, manifest, manifestBytes: read.bytes!, signed: scan.files.has(SIGNATURE_FILE), exhibit, replaced: active };
}

/** The full validator on the copy in staging (its hashes were checked while copying); the languages complete in it. */
export async function checkCopy(
  staged: string,
  trustedKeys: readonly string[],
): Promise<{ ok: true; languages: Language[] } | ImportRefusal> {
  const verdict = await validatePackage(staged, { trustedKeys, requireManifest: true, hashesVerified: true });
  await verdict.cleanup();
  if (!verdict.ok) return { ok: false, problems: verdict.problems.filter((p) => p.severity === 'error') };
  return { ok: true, languages: verdict.languages ?? [] };
}
