/**
 * Finding USB sticks without native modules: the mount table is read every couple of seconds
 * and filtered to the removable-media roots. The parsing and filtering are pure functions;
 * reading the table is the small platform-specific part beside them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** One mounted file system. */
export interface Mount {
  mountPoint: string;
  fsType: string;
  source: string;
}

/** Decodes the octal escapes (`\040` for a space) the kernel writes in mountinfo paths. */
function unescapeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Parses `/proc/self/mountinfo` (Linux). */
export function parseMountInfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const fields = left.split(' ');
    const after = right.split(' ');
    const mountPoint = fields[4];
    if (!mountPoint) continue;
    mounts.push({ mountPoint: unescapeMountPath(mountPoint), fsType: after[0] ?? '', source: unescapeMountPath(after[1] ?? '') });
  }
  return mounts;
}

/** The mounts at or below one of `roots` (never a root itself: `/media` is not a stick). */
export function mountsUnder(mounts: readonly Mount[], roots: readonly string[]): Mount[] {
  const normalized = roots.map((r) => path.resolve(r));
  const seen = new Set<string>();
  return mounts.filter((m) => {
    const inside = normalized.some((root) => m.mountPoint.startsWith(root + path.sep));
    if (!inside || seen.has(m.mountPoint)) return false;
    seen.add(m.mountPoint);
    return true;
  });
}

/** Where removable media appear on each platform. */
export function defaultMountRoots(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'linux') return ['/media', '/run/media', '/mnt'];
  if (platform === 'darwin') return ['/Volumes'];
  return [];
}

/** Lists mounted media under `roots` on this platform. */
export async function listMounts(roots: readonly string[], platform: NodeJS.Platform = process.platform): Promise<Mount[]> {
  if (platform === 'linux') {
    try {
      return mountsUnder(parseMountInfo(await fs.readFile('/proc/self/mountinfo', 'utf8')), roots);
    } catch {
      return [];
    }
  }
  if (platform === 'win32') {
    const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
    const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((l) => `${l}:`).filter((l) => l !== system);
    const present = await Promise.all(letters.map(async (l) => ((await fs.stat(`${l}\\`).catch(() => undefined)) ? l : undefined)));
    return present.filter((l): l is string => !!l).map((l) => ({ mountPoint: `${l}\\`, fsType: 'drive', source: l }));
  }
  const found: Mount[] = [];
  for (const root of roots) {
    const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isDirectory() && e.name !== 'Macintosh HD') found.push({ mountPoint: path.join(root, e.name), fsType: 'volume', source: e.name });
  }
  return found;
}
