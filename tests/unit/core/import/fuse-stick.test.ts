/**
 * The content import against a real misbehaving stick (FUSE, tests/fixtures/fuse): slow, failing
 * with EIO at a chosen byte, or pulled out mid-copy. Whatever the stick does, the kiosk keeps
 * whole content and staff get a message.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../core/content/load.ts';
import { buildManifest } from '../../../../core/content/manifest.ts';
import { importPackage } from '../../../../core/import/pipeline.ts';
import { readStatus, stagingDir, verifyActive } from '../../../../core/import/versions.ts';
import {
  freshMountPoint,
  fuseAvailable,
  fuseMissing,
  mountFuseStick,
  mountPoints,
  type FuseStick,
  type StickOptions,
} from '../../../fixtures/fuse/stick.ts';
import { makePackedFolder } from '../../../fixtures/make-package.ts';

const RATE = 30_000_000; // bytes a second, a USB 2 stick
const PKG = 'exhibit-2'; // the package folder on the stick
const BIG = `${PKG}/pictures/big.png`;
const FAULT_AT = 8_000_000; // a byte well inside big.png

/** Temporary folders of this file, removed at the end (the package alone is 18 MB). */
const made: string[] = [];
const tmp = (prefix = 'data-') => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};
const errorsOf = (r: Awaited<ReturnType<typeof importPackage>>) => (r.ok ? [] : r.problems.map(formatProblem));

/** Version 2.0.0 with an 18 MB picture (noise, stored uncompressed) as the first section's cover. */
async function packageWithBigPicture(version: string): Promise<string> {
  const { dir } = await makePackedFolder(version);
  made.push(path.dirname(dir));
  const [width, height] = [3000, 2000];
  const png = await sharp(crypto.randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0, adaptiveFiltering: false })
    .toBuffer();
  fs.writeFileSync(path.join(dir, 'pictures', 'big.png'), png);
  const exhibitFile = path.join(dir, 'exhibit.json');
  const exhibit = JSON.parse(fs.readFileSync(exhibitFile, 'utf8')) as { sections: { cover: string }[] };
  exhibit.sections[0]!.cover = 'pictures/big.png';
  fs.writeFileSync(exhibitFile, JSON.stringify(exhibit, null, 2));
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(await buildManifest(dir, files, { id: 'fixture', version }), null, 2));
  return dir;
}

const skipped = fuseMissing();
if (skipped) console.warn(`FUSE stick tests skipped: FUSE is not available here (${skipped})`);

describe.skipIf(!fuseAvailable())(
  skipped ? `a FUSE stick (skipped: FUSE is not available: ${skipped})` : 'import from a real misbehaving stick (FUSE)',
  () => {
    let v1: string;
    let stickSource: string;
    let packageBytes = 0;
    const sticks: FuseStick[] = [];
    const points: string[] = [];

    beforeAll(async () => {
      v1 = (await makePackedFolder('1.0.0')).dir;
      made.push(path.dirname(v1));
      stickSource = tmp('stick-');
      fs.cpSync(await packageWithBigPicture('2.0.0'), path.join(stickSource, PKG), { recursive: true });
      const manifest = JSON.parse(fs.readFileSync(path.join(stickSource, PKG, 'manifest.json'), 'utf8')) as { files: { size: number }[] };
      packageBytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
      expect(packageBytes).toBeGreaterThan(15_000_000);
    }, 60_000);

    afterEach(async () => {
      for (const stick of sticks.splice(0)) await stick.close();
    });

    afterAll(async () => {
      for (const stick of sticks.splice(0)) await stick.close();
      const left = mountPoints();
      expect(
        points.filter((p) => left.includes(p)),
        'FUSE sticks left mounted',
      ).toEqual([]);
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    });

    async function insert(options: StickOptions): Promise<FuseStick> {
      const point = freshMountPoint();
      points.push(point);
      made.push(path.resolve(point, '../../..'));
      const stick = await mountFuseStick(stickSource, point, options);
      sticks.push(stick);
      return stick;
    }

    /** A data directory with 1.0.0 installed from an ordinary folder. */
    async function installedV1(): Promise<string> {
      const data = tmp();
      const r = await importPackage({ source: v1, dataDir: data });
      expect(r.ok, errorsOf(r).join('\n')).toBe(true);
      return data;
    }

    /** `version` is active, every file matches its hash, and no copy is left in staging. */
    async function expectWhole(data: string, version: string): Promise<void> {
      expect((await readStatus(data)).active?.version).toBe(version);
      const verified = await verifyActive(data);
      expect(verified.problems).toEqual([]);
      expect(verified.ok).toBe(true);
      expect(fs.readdirSync(stagingDir(data))).toEqual([]);
    }

    it('installs whole from a stick reading at 30 MB/s, taking at least size ÷ rate', async () => {
      const data = tmp();
      const stick = await insert({ rate: RATE });
      const started = performance.now();
      const r = await importPackage({ source: path.join(stick.mountPoint, PKG), dataDir: data });
      const seconds = (performance.now() - started) / 1000;
      expect(r.ok, errorsOf(r).join('\n')).toBe(true);
      await expectWhole(data, '2.0.0');
      console.info(
        `30 MB/s FUSE stick: ${packageBytes} bytes installed in ${seconds.toFixed(2)} s (at least ${(packageBytes / RATE).toFixed(2)} s)`,
      );
      expect(seconds).toBeGreaterThanOrEqual(packageBytes / RATE);
    }, 30_000);

    it('an EIO mid-copy: refused with the plain stick message, and 1.0.0 stays whole', async () => {
      const data = await installedV1();
      const stick = await insert({ eio: { file: BIG, at: FAULT_AT } });
      const r = await importPackage({ source: path.join(stick.mountPoint, PKG), dataDir: data });
      expect(r.ok).toBe(false);
      const fired = stick.events.find((e) => e.startsWith(`eio ${BIG} `));
      expect(fired, `the stick never failed a read: ${stick.events.join(' | ')}`).toBeDefined();
      expect(Number(fired!.split(' ')[2])).toBeGreaterThan(0); // mid-file, after earlier reads of it succeeded
      expect(errorsOf(r)).toEqual([
        `${PKG}: could not be installed: the stick or the disk could not be read or written (input/output error; was the stick pulled out?) [EIO]`,
      ]);
      await expectWhole(data, '1.0.0');
    }, 30_000);

    it('the stick pulled out mid-copy: the import ends, refused, and 1.0.0 stays whole', async () => {
      const data = await installedV1();
      const stick = await insert({ hang: { file: BIG, at: FAULT_AT } });
      const importing = importPackage({ source: path.join(stick.mountPoint, PKG), dataDir: data });
      await stick.waitFor(/^hang /);
      // A lazy unmount alone leaves the blocked read waiting for the FUSE process; pull() then
      // kills it, as a stick losing power would, and the read fails (ENOTCONN).
      await stick.pull();
      let timer: NodeJS.Timeout | undefined;
      const r = await Promise.race([
        importing,
        new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error('the import did not end after the stick was pulled')), 15_000)),
        ),
      ]).finally(() => clearTimeout(timer));
      expect(r.ok).toBe(false);
      expect(errorsOf(r)).toEqual([expect.stringMatching(new RegExp(`^${PKG}: could not be installed: .*was the stick pulled out\\?`))]);
      await expectWhole(data, '1.0.0');
    }, 30_000);

    it('a stick that stops answering without going away: the import gives up after the read time-out with a plain message, and 1.0.0 stays whole', async () => {
      const data = await installedV1();
      const stick = await insert({ hang: { file: BIG, at: FAULT_AT } });
      const started = performance.now();
      const r = await importPackage({ source: path.join(stick.mountPoint, PKG), dataDir: data, readTimeoutMs: 1500 });
      expect(stick.events, 'the stick never stopped answering').toContainEqual(expect.stringMatching(/^hang /));
      expect(performance.now() - started).toBeLessThan(15_000);
      expect(errorsOf(r)).toEqual([
        `${PKG}: could not be installed: the stick stopped answering (is it failing, or was it pulled out?) [ETIMEDOUT]`,
      ]);
      await expectWhole(data, '1.0.0');
    }, 30_000);

    it.each(['exhibit.json', 'manifest.json'])(
      'an EIO in %s, read before copying: refused naming the file, and 1.0.0 stays whole',
      async (file) => {
        const data = await installedV1();
        const stick = await insert({ eio: { file: `${PKG}/${file}`, at: 0 } });
        const r = await importPackage({ source: path.join(stick.mountPoint, PKG), dataDir: data });
        expect(r.ok).toBe(false);
        expect(stick.events, 'the stick never failed a read').toContainEqual(`eio ${PKG}/${file} 0`);
        expect(r.ok ? [] : r.problems.map((p) => p.file)).toEqual([file]);
        // Said as a stick that could not be read, not as a file that is missing (which would send staff to pack it again).
        expect(errorsOf(r)).toEqual([
          `${file}: could not be read: the stick or the disk could not be read or written (input/output error; was the stick pulled out?) [EIO]`,
        ]);
        await expectWhole(data, '1.0.0');
      },
      30_000,
    );
  },
);
