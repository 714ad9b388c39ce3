/**
 * Installing a content package from a stick: one pipeline for the kiosk and the CLI.
 *
 * 1. the signature, when the kiosk requires signed packages;
 * 2. exhibit.json and the manifest, before anything is copied (`checks.ts`);
 * 3. a copy to staging on the kiosk's own disk, every file hashed against the manifest as it
 *    is copied, with progress (`verified-copy.ts`);
 * 4. the full validator on the copy (`checks.ts`);
 * 5. the complete version moved into place and synced, then the pointer replaced atomically
 *    (`install.ts`);
 * 6. old versions pruned to the last three.
 *
 * An interruption anywhere (error, stick pulled out, full disk, power cut) leaves the pointer on
 * a complete version: the old one until step 5's rename of the pointer, the new one after.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from '../content/load.ts';
import { diskFree } from '../content/validate.ts';
import type { FaultPoint } from '../fs-atomic.ts';
import { checkBeforeCopy, checkCopy, openSource } from './checks.ts';
import { failureFinding, refuse, type ImportRefusal } from './findings.ts';
import { installedAs, installVersion, nextVersion } from './install.ts';
import { copyVerified, READ_TIMEOUT_MS, type ImportProgress } from './verified-copy.ts';
import { stagingDir, tidy, versionsDir, type ExhibitVersion, type InstalledVersion } from './versions.ts';

export type { ImportProblem, ImportRefusal } from './findings.ts';
export { READ_TIMEOUT_MS, type ImportProgress } from './verified-copy.ts';
export type { NeedsConfirmation } from './versions.ts';

/**
 * What an import is given: the package and the data folder, the kiosk's trust and what staff
 * confirmed, and the clocks, disk and failure points, which tests pass their own.
 */
export interface ImportOptions {
  /** A package folder or `.zip` (usually on a stick). */
  source: string;
  dataDir: string;
  /** Trusted public keys (PEM); when any is given, unsigned packages are refused. */
  trustedKeys?: readonly string[];
  /** Staff confirmed installing a version that is not newer than the active one. */
  allowSameOrOlder?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Before every file operation: tests inject failures and kills here. */
  fault?: FaultPoint;
  /** A monotonic clock in milliseconds (for the time-left estimate). */
  now?: () => number;
  /** The wall-clock time recorded in install.json (staff see it; visitors never do). */
  installedAt?: () => string;
  /** The exhibit built into the kiosk, on screen while nothing is installed (installing over it asks like over any other). */
  builtIn?: ExhibitVersion;
  /** How long one read from the stick may go unanswered before the import gives up (READ_TIMEOUT_MS). */
  readTimeoutMs?: number;
  /** Free bytes on the kiosk's disk; `fs.statfs` by default. */
  freeBytes?: (dir: string) => Promise<number>;
}

/**
 * How an import ended: installed (and what it replaced, for the health check's way back), or
 * refused with every problem, each found by the import carrying its code for the admin screen.
 */
export type ImportResult = { ok: true; installed: InstalledVersion; replaced: InstalledVersion | null } | ImportRefusal;

/** Installs a package; never leaves a half-installed version active. */
export async function importPackage(options: ImportOptions): Promise<ImportResult> {
  const fault = options.fault ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const report = (p: ImportProgress) => options.onProgress?.(p);
  const keys = options.trustedKeys ?? [];
  const { dataDir } = options;

  await fsp.mkdir(versionsDir(dataDir), { recursive: true });
  await fsp.mkdir(stagingDir(dataDir), { recursive: true });
  await tidy(dataDir);
  const work = path.join(stagingDir(dataDir), crypto.randomBytes(6).toString('hex'));
  const staged = path.join(work, 'package');
  let name: string | undefined;
  let replaced: InstalledVersion | null = null;

  /** The pointer is the truth: once it names the new version, the new version is installed. */
  const installedResult = async (): Promise<ImportResult | undefined> => {
    const installed = await installedAs(dataDir, name, fault);
    return installed ? { ok: true, installed, replaced } : undefined;
  };

  try {
    report({ phase: 'checking', bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0, secondsLeft: null });
    const freeBytes = options.freeBytes ?? diskFree;
    const opened = await openSource(options.source, work, { dataDir, freeBytes, fault });
    if (!opened.ok) return opened;

    // 1–2. Signature, manifest, exhibit.json, confirmation, files and room, before copying anything.
    const checked = await checkBeforeCopy(opened.root, {
      dataDir,
      trustedKeys: keys,
      allowSameOrOlder: options.allowSameOrOlder ?? false,
      freeBytes,
      ...(options.builtIn ? { builtIn: options.builtIn } : {}),
    });
    if (!checked.ok) return checked;
    replaced = checked.replaced;

    // 3. Copy with hashing, every byte checked against the manifest.
    const copy = await copyVerified(checked, staged, { fault, now, report, readTimeoutMs: options.readTimeoutMs ?? READ_TIMEOUT_MS });
    if (!copy.ok) return copy;
    report({ ...copy.progress(), phase: 'validating' });

    // 4. The full validator on the copy.
    const verdict = await checkCopy(staged, keys);
    if (!verdict.ok) return verdict;

    // 5. Into place, synced; then the pointer.
    report({ ...copy.progress(), phase: 'switching' });
    const next = await nextVersion(dataDir, checked.exhibit, {
      installedAt: (options.installedAt ?? (() => new Date().toISOString()))(),
      source: path.basename(options.source),
      languages: verdict.languages,
    });
    name = next.name;
    await installVersion(dataDir, work, { ...next, dirs: copy.dirs }, fault);

    // 6. Keep the last three.
    const done = await installedResult();
    if (!done) throw new Error('the new version did not become active');
    report({ ...copy.progress(), phase: 'done' });
    return done;
  } catch (error) {
    const done = await installedResult().catch(() => undefined);
    if (done) return done;
    return refuse(path.basename(options.source), failureFinding(error));
  } finally {
    await fsp.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** One line per problem, for logs and the CLI: in English, each of the import's own findings by `englishFinding`. */
export function describeResult(result: ImportResult): string[] {
  return result.ok
    ? [`Installed "${result.installed.id}" ${result.installed.version}${result.replaced ? ` (replacing ${result.replaced.version})` : ''}.`]
    : result.problems.map(formatProblem);
}
