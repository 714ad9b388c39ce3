import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../core/content/load.ts';
import { isRemovableDevice, mountsUnder, parseMountInfo, type BlockDeviceFacts } from '../../../../core/import/mounts.ts';
import { importPackage } from '../../../../core/import/pipeline.ts';
import { StickWatcher, type Stick } from '../../../../core/import/sticks.ts';
import { readStatus, verifyActive } from '../../../../core/import/versions.ts';
import { makePackedFolder } from '../../../fixtures/make-package.ts';
import { canMountTmpfs } from '../../../fixtures/mount.ts';

const SAMPLE = `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
95 22 8:17 / /media/staff/MUSEUM\\040STICK rw,nosuid,nodev shared:50 - vfat /dev/sdb1 rw,uid=1000
96 22 0:45 / /run/media/staff/EXHIBIT rw shared:51 - exfat /dev/sdc1 rw
97 22 0:46 / /mnt rw shared:52 - tmpfs tmpfs rw
98 22 0:47 / /home/staff/media rw shared:53 - ext4 /dev/sdd1 rw
`;

describe('mount table', () => {
  it('parses mountinfo, decoding escaped spaces', () => {
    const mounts = parseMountInfo(SAMPLE);
    expect(mounts).toHaveLength(5);
    expect(mounts[1]).toEqual({ mountPoint: '/media/staff/MUSEUM STICK', fsType: 'vfat', source: '/dev/sdb1' });
  });

  it('keeps only mounts below the removable-media roots, never a root itself', () => {
    expect(mountsUnder(parseMountInfo(SAMPLE), ['/media', '/run/media', '/mnt']).map((m) => m.mountPoint)).toEqual([
      '/media/staff/MUSEUM STICK',
      '/run/media/staff/EXHIBIT',
    ]);
  });
});

const canMount = canMountTmpfs();

describe('which mounts are sticks', () => {
  /** A machine's sysfs: a USB stick, an SD card, an internal NVMe disk, a SATA disk and a loop device. */
  const machine: BlockDeviceFacts = (() => {
    const links: Record<string, string> = {
      '/dev/disk/by-label/MUSEUM': '/dev/sdb1',
      '/sys/class/block/sdb1': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1',
      '/sys/class/block/sdb': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb',
      '/sys/class/block/mmcblk0p1': '/sys/devices/platform/mmc/mmc0/mmc0:0001/block/mmcblk0/mmcblk0p1',
      '/sys/class/block/nvme0n1p2': '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2',
      '/sys/class/block/sda1': '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda1',
      '/sys/class/block/loop3': '/sys/devices/virtual/block/loop3',
    };
    const files: Record<string, string> = {
      '/sys/devices/platform/mmc/mmc0/mmc0:0001/block/mmcblk0/mmcblk0p1/partition': '1\n',
      '/sys/devices/platform/mmc/mmc0/mmc0:0001/block/mmcblk0/removable': '1\n',
      '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/nvme0n1p2/partition': '2\n',
      '/sys/devices/pci0000:00/0000:00:1d.0/nvme/nvme0/nvme0n1/removable': '0\n',
      '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda1/partition': '1\n',
      '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/removable': '0\n',
      '/sys/devices/virtual/block/loop3/removable': '0\n',
    };
    return { realpath: (p) => links[p] ?? (p in files || Object.values(links).includes(p) ? p : undefined), read: (p) => files[p] };
  })();

  it('offers a USB stick (by its device or a link to it) and an SD card', () => {
    expect(isRemovableDevice('/dev/sdb1', machine)).toBe(true);
    expect(isRemovableDevice('/dev/disk/by-label/MUSEUM', machine)).toBe(true);
    expect(isRemovableDevice('/dev/mmcblk0p1', machine)).toBe(true);
  });

  it('does not offer an internal disk, a loop device, a tmpfs or a network share mounted under /mnt', () => {
    for (const source of ['/dev/nvme0n1p2', '/dev/sda1', '/dev/loop3', 'tmpfs', '//nas/share', 'python'])
      expect(isRemovableDevice(source, machine), source).toBe(false);
  });
});

describe.skipIf(!canMount)('a real stick (tmpfs mounted under a mount root)', () => {
  const mounted: string[] = [];
  afterEach(() => {
    for (const m of mounted.splice(0)) spawnSync('umount', ['-l', m]);
  });

  function insertStick(root: string, label: string): string {
    const point = path.join(root, 'staff', label);
    fs.mkdirSync(point, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', point]);
    mounted.push(point);
    return point;
  }

  it('sees a stick mounted late, the packages on it, and its removal', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'media-'));
    const seen: Stick[][] = [];
    const watcher = new StickWatcher({ roots: [root], filter: 'any', onChange: (s) => seen.push(s) });
    expect(await watcher.poll()).toEqual([]);
    const stick = insertStick(root, 'MUSEUM STICK');
    const { dir, zip } = await makePackedFolder('2.0.0');
    fs.cpSync(dir, path.join(stick, 'exhibit-2'), { recursive: true });
    fs.copyFileSync(zip, path.join(stick, 'exhibit-2.zip'));
    fs.mkdirSync(path.join(stick, 'holiday photos'));
    const sticks = await watcher.poll();
    expect(sticks).toEqual([
      {
        mountPoint: stick,
        label: 'MUSEUM STICK',
        packages: [
          { path: path.join(stick, 'exhibit-2'), kind: 'folder', name: 'exhibit-2' },
          { path: path.join(stick, 'exhibit-2.zip'), kind: 'zip', name: 'exhibit-2.zip' },
        ],
      },
    ]);
    execFileSync('umount', [stick]);
    mounted.pop();
    expect(await watcher.poll()).toEqual([]);
    expect(seen.map((s) => s.length)).toEqual([0, 1, 0]);
  });

  async function installedV1(): Promise<string> {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
    expect((await importPackage({ source: (await makePackedFolder('1.0.0')).dir, dataDir: data })).ok).toBe(true);
    return data;
  }

  async function expectOldContent(data: string): Promise<void> {
    expect((await readStatus(data)).active?.version).toBe('1.0.0');
    expect((await verifyActive(data)).ok).toBe(true);
  }

  it.each([
    [
      'a file removed from the stick under the import',
      (stick: string) => fs.rmSync(path.join(stick, 'pkg', 'pictures', 'b.webp')),
      /pictures\/b\.webp: is listed in the manifest \(.*\) but missing/,
    ],
    [
      'a file changed on the stick under the import',
      (stick: string) => fs.appendFileSync(path.join(stick, 'pkg', 'pictures', 'b.webp'), 'tampered'),
      /pictures\/b\.webp: is larger than the manifest says/,
    ],
    [
      'the stick pulled out mid-copy',
      (stick: string) => execFileSync('umount', ['-l', stick]),
      /pictures\/b\.webp: is listed in the manifest \(.*\) but missing|was the stick pulled out/,
    ],
  ] as const)('%s: a clear message, and the old content stays whole', async (_name, act, expected) => {
    const data = await installedV1();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'media-'));
    const stick = insertStick(root, 'STICK');
    fs.cpSync((await makePackedFolder('2.0.0')).dir, path.join(stick, 'pkg'), { recursive: true });
    const r = await importPackage({
      source: path.join(stick, 'pkg'),
      dataDir: data,
      fault: (op) => {
        if (op === 'copy pictures/a.webp') act(stick);
      },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map(formatProblem)).toContainEqual(expect.stringMatching(expected));
    await expectOldContent(data);
  });
});
