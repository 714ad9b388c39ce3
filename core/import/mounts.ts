/**
 * Finding USB sticks without native modules: the mount table is read every couple of seconds
 * and filtered to the removable-media roots. The parsing and filtering are pure functions;
 * reading the table is the small platform-specific part beside them.
 */
import fsSync from 'node:fs';
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

/** What the kernel says of block devices (sysfs), passed in so that a test can describe any machine. */
export interface BlockDeviceFacts {
  /** The real path of `p`, or undefined when it does not exist. */
  realpath(p: string): string | undefined;
  /** The text of a file, or undefined when it does not exist. */
  read(p: string): string | undefined;
}

/**
 * Whether a mount's source is a removable device: a block device on a USB bus (a stick, a USB
 * disk), or one whose disk the kernel calls removable (an SD card). An internal disk, a loop
 * device or a network share mounted under `/mnt` is not a stick, and is not offered to staff.
 */
export function isRemovableDevice(source: string, sys: BlockDeviceFacts): boolean {
  if (!source.startsWith('/dev/')) return false;
  const device = sys.realpath(source) ?? source;
  const node = sys.realpath(`/sys/class/block/${path.posix.basename(device)}`);
  if (!node) return false;
  if (/\/usb\d*\//.test(node)) return true;
  const disk = sys.read(`${node}/partition`) !== undefined ? path.posix.dirname(node) : node;
  return sys.read(`${disk}/removable`)?.trim() === '1';
}

/** This machine's sysfs. */
export const SYSFS: BlockDeviceFacts = {
  realpath: (p) => {
    try {
      return fsSync.realpathSync(p);
    } catch {
      return undefined;
    }
  },
  read: (p) => {
    try {
      return fsSync.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** Which mounts under the roots count as sticks: removable devices only, or any (roots a test or an operator named). */
export type MountFilter = 'removable' | 'any';

/** Where removable media appear on each platform. */
export function defaultMountRoots(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'linux') return ['/media', '/run/media', '/mnt'];
  if (platform === 'darwin') return ['/Volumes'];
  return [];
}

/** Lists mounted media under `roots` on this platform (on Linux, removable devices only unless `filter` is `any`). */
export async function listMounts(
  roots: readonly string[],
  platform: NodeJS.Platform = process.platform,
  filter: MountFilter = 'removable',
  sys: BlockDeviceFacts = SYSFS,
): Promise<Mount[]> {
  if (platform === 'linux') {
    try {
      const under = mountsUnder(parseMountInfo(await fs.readFile('/proc/self/mountinfo', 'utf8')), roots);
      return filter === 'any' ? under : under.filter((m) => isRemovableDevice(m.source, sys));
    } catch {
      return [];
    }
  }
  if (platform === 'win32') {
    const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
    const letters = 'DEFGHIJKLMNOPQRSTUVWXYZ'
      .split('')
      .map((l) => `${l}:`)
      .filter((l) => l !== system);
    const present = await Promise.all(letters.map(async (l) => ((await fs.stat(`${l}\\`).catch(() => undefined)) ? l : undefined)));
    return present.filter((l): l is string => !!l).map((l) => ({ mountPoint: `${l}\\`, fsType: 'drive', source: l }));
  }
  const found: Mount[] = [];
  for (const root of roots) {
    const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
    for (const e of entries)
      if (e.isDirectory() && e.name !== 'Macintosh HD')
        found.push({ mountPoint: path.join(root, e.name), fsType: 'volume', source: e.name });
  }
  return found;
}
