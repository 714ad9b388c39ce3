/**
 * The import's install, once the copy in staging has passed every check: its record written,
 * every folder synced, the complete version moved into place, then the pointer switched to it
 * atomically. The pointer is the truth: until it names the new version the old one is active,
 * whatever else happened; after, the new one is, whatever fails next.
 */
import fsp from 'node:fs/promises';
import path from 'node:path';
import { syncDir, type FaultPoint } from '../fs-atomic.ts';
import type { Exhibit } from '../content/schema.ts';
import {
  listVersions,
  readPointer,
  readStatus,
  switchActive,
  tidy,
  versionsDir,
  type InstallRecord,
  type InstalledVersion,
} from './versions.ts';

/** The folder name of a new version: its place in the install order, the exhibit and its version, in characters any disk takes. */
export function versionNameOf(sequence: number, exhibit: { id: string; version: string }): string {
  return `${String(sequence).padStart(4, '0')}-${exhibit.id}-${exhibit.version}`.replace(/[^A-Za-z0-9._@-]/g, '_');
}

/** The name and record the next version gets: one after the newest installed. */
export async function nextVersion(
  dataDir: string,
  exhibit: Exhibit,
  details: Pick<InstallRecord, 'installedAt' | 'source' | 'languages'>,
): Promise<{ name: string; record: InstallRecord }> {
  const sequence = ((await listVersions(dataDir))[0]?.sequence ?? 0) + 1;
  return {
    name: versionNameOf(sequence, exhibit),
    record: {
      id: exhibit.id,
      version: exhibit.version,
      sequence,
      ...details,
      sections: exhibit.sections.length,
      stories: exhibit.stories.length,
    },
  };
}

/**
 * Moves the verified copy in `work` (its package in `work/package`, made folders `dirs`) into
 * place as version `name` and switches the kiosk to it. Every step is synced before the next,
 * so a power cut leaves either the old version active or the new one complete and active.
 */
export async function installVersion(
  dataDir: string,
  work: string,
  version: { name: string; record: InstallRecord; dirs: readonly string[] },
  fault: FaultPoint,
): Promise<void> {
  await fault('write install.json');
  const recordFile = await fsp.open(path.join(work, 'install.json'), 'wx');
  try {
    await recordFile.writeFile(`${JSON.stringify(version.record, null, 2)}\n`);
    await recordFile.sync();
  } finally {
    await recordFile.close();
  }
  for (const dir of [...version.dirs, path.join(work, 'package'), work]) {
    await fault(`fsync folder ${path.relative(work, dir) || '.'}`);
    await syncDir(dir);
  }
  await fault('move the new version into place');
  await fsp.rename(work, path.join(versionsDir(dataDir), version.name));
  await fault('fsync the versions folder');
  await syncDir(versionsDir(dataDir));
  await switchActive(dataDir, version.name, fault);
}

/**
 * The installed version `name` when the pointer names it (then old versions are pruned to the
 * kept ones), else undefined: after an error, this tells whether the install happened anyway.
 */
export async function installedAs(dataDir: string, name: string | undefined, fault: FaultPoint): Promise<InstalledVersion | undefined> {
  if (!name || (await readPointer(dataDir)) !== name) return undefined;
  await tidy(dataDir, fault).catch(() => undefined);
  const { active } = await readStatus(dataDir);
  return active?.name === name ? active : undefined;
}
