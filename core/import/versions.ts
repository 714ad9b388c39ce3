/**
 * The installed versions of the exhibit in a data directory, the pointer to the active one,
 * status, verification and rollback. The decisions about versions are pure functions here,
 * once, for the admin screen, the import and the CLI alike: what is on screen, whether an
 * install needs staff to confirm it, and where a rollback goes. Layout:
 *
 *   content/active.json                  {"version": "0003-kharkiv-luoyang-1.1.0"}
 *   content/versions/<name>/install.json what was installed, when, from where
 *   content/versions/<name>/package/     the package's files, complete and verified
 *   content/staging/                     copies in progress (removed at the next start)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AdminAnswer } from '../admin/messages.ts';
import type { NeedsConfirmation } from '../contract.ts';
import { writeFileAtomic, type FaultPoint } from '../fs-atomic.ts';
import { formatProblem } from '../content/load.ts';
import { validatePackage } from '../content/validate.ts';

export type { NeedsConfirmation } from '../contract.ts';

/** How many versions are kept, the active one included. */
export const KEEP_VERSIONS = 3;

/** The name staff (and `rollback --to`) use for the exhibit built into the app: no pointer at all. */
export const BUILT_IN = 'built-in';

/** What `install.json` of a version records: what was installed, when and from where. */
export const InstallRecordSchema = z.object({
  id: z.string(),
  version: z.string(),
  sequence: z.number().int().positive(),
  installedAt: z.string(),
  source: z.string(),
  languages: z.array(z.string()),
  sections: z.number().int(),
  stories: z.number().int(),
});
/** An install record, as `InstallRecordSchema` reads it. */
export type InstallRecord = z.infer<typeof InstallRecordSchema>;

/** An installed version: its record, its folder's name (what the pointer holds) and its package folder. */
export interface InstalledVersion extends InstallRecord {
  name: string;
  dir: string;
}

/** What `status` reports: the active version (null: the built-in exhibit) and the ones kept for rollback, newest first. */
export interface ContentStatus {
  active: InstalledVersion | null;
  previous: InstalledVersion[];
}

/** The folder of the kiosk's content in a data directory. */
export const contentRoot = (dataDir: string) => path.join(dataDir, 'content');
/** The folder of the installed versions, one complete version per folder. */
export const versionsDir = (dataDir: string) => path.join(contentRoot(dataDir), 'versions');
/** The folder of copies in progress; whatever is in it at a start was interrupted. */
export const stagingDir = (dataDir: string) => path.join(contentRoot(dataDir), 'staging');
/** The pointer file: the one truth of which version is active. */
export const pointerPath = (dataDir: string) => path.join(contentRoot(dataDir), 'active.json');
/** The package folder of installed version `name`. */
export const packageDirOf = (dataDir: string, name: string) => path.join(versionsDir(dataDir), name, 'package');

const NAME = /^[A-Za-z0-9._@-]+$/;

/** The name the pointer holds, or undefined. */
export async function readPointer(dataDir: string): Promise<string | undefined> {
  try {
    const value = (JSON.parse(await fs.readFile(pointerPath(dataDir), 'utf8')) as { version?: unknown }).version;
    return typeof value === 'string' && NAME.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Points the kiosk at version `name`: temporary file, fsync, rename, fsync of the folder. */
export async function writePointer(dataDir: string, name: string, fault?: FaultPoint): Promise<void> {
  if (!NAME.test(name)) throw new Error(`bad version name ${name}`);
  await writeFileAtomic(pointerPath(dataDir), `${JSON.stringify({ version: name })}\n`, fault);
}

/**
 * Puts a version (or the one named) on screen, or the built-in exhibit for `BUILT_IN` (the pointer removed): the one
 * switch of the active version, for the import, a rollback and the health check's way back.
 * The caller tells the screen (the content store reads the pointer again).
 */
export async function switchActive(dataDir: string, to: InstalledVersion | string, fault?: FaultPoint): Promise<void> {
  const name = typeof to === 'string' ? to : to.name;
  if (name === BUILT_IN) await fs.rm(pointerPath(dataDir), { force: true });
  else await writePointer(dataDir, name, fault);
}

/** Every complete installed version, newest first. */
export async function listVersions(dataDir: string): Promise<InstalledVersion[]> {
  const names = await fs.readdir(versionsDir(dataDir)).catch(() => [] as string[]);
  const versions: InstalledVersion[] = [];
  for (const name of names) {
    if (!NAME.test(name)) continue;
    try {
      const record = InstallRecordSchema.parse(
        JSON.parse(await fs.readFile(path.join(versionsDir(dataDir), name, 'install.json'), 'utf8')),
      );
      versions.push({ ...record, name, dir: packageDirOf(dataDir, name) });
    } catch {
      // Not a complete version (no record): ignored, and removed by the next prune.
    }
  }
  return versions.sort((a, b) => b.sequence - a.sequence);
}

/**
 * Which version is active, from the pointer and the complete versions (newest first): the one
 * the pointer names when it is complete, else none (the built-in exhibit is on screen).
 */
export function statusOf(pointer: string | undefined, versions: readonly InstalledVersion[]): ContentStatus {
  const active = versions.find((v) => v.name === pointer) ?? null;
  return { active, previous: versions.filter((v) => v !== active) };
}

/** The active version and the ones kept for rollback. */
export async function readStatus(dataDir: string): Promise<ContentStatus> {
  const [pointer, versions] = await Promise.all([readPointer(dataDir), listVersions(dataDir)]);
  return statusOf(pointer, versions);
}

/** Compares two semantic versions: negative when a is older. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number(n) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i += 1) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** What is on screen or arriving: an exhibit's id and version. */
export interface ExhibitVersion {
  id: string;
  version: string;
}

/** Why staff must confirm an install before it goes ahead. */
export type ConfirmReason = NeedsConfirmation['reason'];

/**
 * What is on screen: the active installed version, else the exhibit built into the kiosk (null
 * when the caller does not know it, as a bare CLI import may not).
 */
export function onScreenOf(active: ExhibitVersion | null, builtIn?: ExhibitVersion | null): ExhibitVersion | null {
  return active ?? builtIn ?? null;
}

/**
 * Whether installing `incoming` over what is on screen (an installed version, or the exhibit
 * built into the kiosk when nothing is installed) needs staff to confirm: the same or an older
 * version of the exhibit, or another exhibit altogether.
 */
export function confirmReason(onScreen: ExhibitVersion | null, incoming: ExhibitVersion): ConfirmReason | undefined {
  if (!onScreen) return undefined;
  if (onScreen.id !== incoming.id) return 'other-exhibit';
  const order = compareVersions(incoming.version, onScreen.version);
  return order === 0 ? 'same' : order < 0 ? 'older' : undefined;
}

/**
 * What staff are asked to confirm before `incoming` replaces what is on screen, or undefined
 * when it is simply newer: one rule for the admin screen's check, the import and the CLI.
 */
export function confirmationFor(onScreen: ExhibitVersion | null, incoming: ExhibitVersion): NeedsConfirmation | undefined {
  const reason = confirmReason(onScreen, incoming);
  if (!onScreen || !reason) return undefined;
  return { active: onScreen.version, incoming: incoming.version, reason, activeId: onScreen.id, incomingId: incoming.id };
}

/** Where a rollback goes: an installed version, or the exhibit built into the app. */
export type RollbackTarget = InstalledVersion | typeof BUILT_IN;

/** Why a rollback cannot go ahead. */
export type RollbackRefusal = Extract<AdminAnswer, { code: 'no-such-version' | 'no-earlier-version' }>;

/**
 * Where going back leads: to the kept version `name`, to the built-in exhibit for `BUILT_IN`,
 * or (no name) to the newest kept version; one rule for the admin screen and the CLI.
 */
export function rollbackTarget(
  status: ContentStatus,
  name?: string,
): { ok: true; target: RollbackTarget } | { ok: false; refusal: RollbackRefusal } {
  if (name === BUILT_IN) return { ok: true, target: BUILT_IN };
  const target = name === undefined ? status.previous[0] : status.previous.find((v) => v.name === name);
  if (target) return { ok: true, target };
  return { ok: false, refusal: name === undefined ? { code: 'no-earlier-version' } : { code: 'no-such-version', name } };
}

/** Checks every file of the active version against its manifest. */
export async function verifyActive(dataDir: string): Promise<{ ok: boolean; problems: string[]; active: InstalledVersion | null }> {
  const { active } = await readStatus(dataDir);
  if (!active) {
    const pointer = await readPointer(dataDir);
    return pointer
      ? { ok: false, problems: [`content/active.json names "${pointer}", which is not a complete installed version`], active }
      : { ok: true, problems: [], active };
  }
  const report = await validatePackage(active.dir, { requireManifest: true, installed: true });
  await report.cleanup();
  return { ok: report.ok, problems: report.problems.filter((p) => p.severity === 'error').map(formatProblem), active };
}

/**
 * Goes back to the newest earlier version, or to `name` (`BUILT_IN`: the built-in exhibit);
 * returns where it went, or why it did not.
 */
export async function rollback(dataDir: string, name?: string): Promise<ReturnType<typeof rollbackTarget>> {
  const decided = rollbackTarget(await readStatus(dataDir), name);
  if (decided.ok) await switchActive(dataDir, decided.target);
  return decided;
}

/** Removes staging leftovers (an import that was interrupted) and versions beyond the kept ones. */
export async function tidy(dataDir: string, fault: FaultPoint = () => {}): Promise<void> {
  const staging = await fs.readdir(stagingDir(dataDir)).catch(() => [] as string[]);
  for (const entry of staging) {
    await fault(`remove staging ${entry}`);
    await fs.rm(path.join(stagingDir(dataDir), entry), { recursive: true, force: true });
  }
  const pointer = await readPointer(dataDir);
  const versions = await listVersions(dataDir);
  const keep = new Set([
    pointer,
    ...versions
      .filter((v) => v.name !== pointer)
      .slice(0, KEEP_VERSIONS - 1)
      .map((v) => v.name),
  ]);
  const names = await fs.readdir(versionsDir(dataDir)).catch(() => [] as string[]);
  for (const entry of names) {
    if (keep.has(entry)) continue;
    await fault(`remove old version ${entry}`);
    await fs.rm(path.join(versionsDir(dataDir), entry), { recursive: true, force: true });
  }
  const temps = await fs.readdir(contentRoot(dataDir)).catch(() => [] as string[]);
  for (const entry of temps)
    if (/^\.active\.json\..*\.tmp$/.test(entry)) await fs.rm(path.join(contentRoot(dataDir), entry), { force: true });
}
