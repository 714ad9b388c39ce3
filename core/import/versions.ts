/**
 * The installed versions of the exhibit in a data directory, the pointer to the active one,
 * status, verification and rollback. Layout:
 *
 *   content/active.json                  {"version": "0003-kharkiv-luoyang-1.1.0"}
 *   content/versions/<name>/install.json what was installed, when, from where
 *   content/versions/<name>/package/     the package's files, complete and verified
 *   content/staging/                     copies in progress (removed at the next start)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, type FaultPoint } from '../fs-atomic.ts';
import { formatProblem } from '../content/load.ts';
import { validatePackage } from '../content/validate.ts';

/** How many versions are kept, the active one included. */
export const KEEP_VERSIONS = 3;

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
export type InstallRecord = z.infer<typeof InstallRecordSchema>;

/** An installed version. */
export interface InstalledVersion extends InstallRecord {
  name: string;
  dir: string;
}

/** What `status` reports. */
export interface ContentStatus {
  active: InstalledVersion | null;
  previous: InstalledVersion[];
}

export const contentRoot = (dataDir: string) => path.join(dataDir, 'content');
export const versionsDir = (dataDir: string) => path.join(contentRoot(dataDir), 'versions');
export const stagingDir = (dataDir: string) => path.join(contentRoot(dataDir), 'staging');
export const pointerPath = (dataDir: string) => path.join(contentRoot(dataDir), 'active.json');
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

/** The active version and the ones kept for rollback. */
export async function readStatus(dataDir: string): Promise<ContentStatus> {
  const [pointer, versions] = await Promise.all([readPointer(dataDir), listVersions(dataDir)]);
  const active = versions.find((v) => v.name === pointer) ?? null;
  return { active, previous: versions.filter((v) => v !== active) };
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
export type ConfirmReason = 'same' | 'older' | 'other-exhibit';

/**
 * Whether installing `incoming` over what is on screen (an installed version, or the exhibit
 * built into the kiosk when nothing is installed) needs staff to confirm: the same or an older
 * version of the exhibit, or another exhibit altogether. One rule for the admin screen's check,
 * the import and the CLI.
 */
export function confirmReason(onScreen: ExhibitVersion | null, incoming: ExhibitVersion): ConfirmReason | undefined {
  if (!onScreen) return undefined;
  if (onScreen.id !== incoming.id) return 'other-exhibit';
  const order = compareVersions(incoming.version, onScreen.version);
  return order === 0 ? 'same' : order < 0 ? 'older' : undefined;
}

/** The staff message for a confirmation, in the words of the import's problems. */
export function confirmMessage(reason: ConfirmReason, onScreen: ExhibitVersion, incoming: ExhibitVersion): string {
  if (reason === 'other-exhibit') return `is the exhibit "${incoming.id}", not "${onScreen.id}" that is on screen; confirm to replace it`;
  return `is ${incoming.version}, ${reason === 'same' ? 'the same as' : 'older than'} the version on screen (${onScreen.version}); confirm to install it anyway`;
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
  const report = await validatePackage(active.dir, { requireManifest: true });
  await report.cleanup();
  return { ok: report.ok, problems: report.problems.filter((p) => p.severity === 'error').map(formatProblem), active };
}

/** Points back to the newest earlier version (or `name`); returns the version now active. */
export async function rollback(dataDir: string, name?: string): Promise<InstalledVersion> {
  const { active, previous } = await readStatus(dataDir);
  const target = name ? previous.find((v) => v.name === name) : previous[0];
  if (!target) throw new Error(name ? `There is no earlier version named "${name}".` : 'There is no earlier version to go back to.');
  await writePointer(dataDir, target.name);
  void active;
  return target;
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
