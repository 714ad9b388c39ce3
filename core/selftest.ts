/**
 * What the host knows for the field self-test: versions, platform, the package on screen and
 * the free space where the kiosk keeps its data (a full disk is what stops an import, and
 * what a technician on site needs to see first). The renderer measures the rest itself:
 * touch, frame rate, WebGL, fonts and sound.
 *
 * Runs in Node.
 */
import fs from 'node:fs/promises';
import type { HostInfo, SelfTestInfo } from './contract.ts';
import type { ActivePackage } from './content/store.ts';

/** What the self-test reads from; the file system's `statfs` and the process are parameters for tests. */
export interface SelfTestSources {
  host: HostInfo;
  /** The data directory, whose disk is measured; undefined: unknown. */
  dataDir: string | undefined;
  /** Reads the package on screen; may throw (then the content is reported unknown). */
  active: () => Promise<Pick<ActivePackage, 'exhibit' | 'source' | 'languages'>>;
  statfs?: (dir: string) => Promise<{ bavail: number | bigint; blocks: number | bigint; bsize: number | bigint }>;
  process?: Pick<NodeJS.Process, 'arch' | 'versions'>;
}

/** Free and total bytes of the disk holding `dir`, or null when it cannot be read. */
export async function diskSpace(dir: string, statfs: NonNullable<SelfTestSources['statfs']> = fs.statfs): Promise<SelfTestInfo['disk']> {
  try {
    const s = await statfs(dir);
    const size = Number(s.bsize);
    return { freeBytes: Number(s.bavail) * size, totalBytes: Number(s.blocks) * size };
  } catch {
    return null;
  }
}

/** Gathers the host's side of the self-test; never throws, reporting what it cannot read as null. */
export async function gatherSelfTest(sources: SelfTestSources): Promise<SelfTestInfo> {
  const proc = sources.process ?? process;
  let content: SelfTestInfo['content'] = null;
  try {
    const pkg = await sources.active();
    content = { id: pkg.exhibit.id, version: pkg.exhibit.version, source: pkg.source, languages: pkg.languages };
  } catch {
    // Reported as unknown.
  }
  const versions: SelfTestInfo['versions'] = { node: proc.versions.node };
  if (proc.versions.electron) versions.electron = proc.versions.electron;
  if (proc.versions.chrome) versions.chrome = proc.versions.chrome;
  return {
    host: sources.host.host,
    appVersion: sources.host.appVersion,
    platform: sources.host.platform,
    arch: proc.arch,
    versions,
    content,
    disk: sources.dataDir === undefined ? null : await diskSpace(sources.dataDir, sources.statfs),
  };
}
