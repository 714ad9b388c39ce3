import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../core/content/load.ts';
import { generateKeyPair } from '../../../../core/content/manifest.ts';
import { importPackage, type ImportProgress } from '../../../../core/import/pipeline.ts';
import { readStatus, rollback, stagingDir, verifyActive } from '../../../../core/import/versions.ts';
import { makePackedFolder, makePicture, pngHeader } from '../../../fixtures/make-package.ts';

const tmp = (prefix = 'data-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const errorsOf = (r: Awaited<ReturnType<typeof importPackage>>) => (r.ok ? [] : r.problems.map(formatProblem));

let v1: { dir: string; zip: string };
let v2: { dir: string; zip: string };

/** A data directory with version 1.0.0 installed and active. */
async function installedV1(): Promise<string> {
  const data = tmp();
  const r = await importPackage({ source: v1.dir, dataDir: data });
  expect(r.ok, errorsOf(r).join('\n')).toBe(true);
  return data;
}

/** The kiosk shows whole content: status names a version and every file matches its hash. */
async function expectWhole(data: string, versions: string[]): Promise<string> {
  const status = await readStatus(data);
  expect(status.active).not.toBeNull();
  expect(versions).toContain(status.active!.version);
  const verified = await verifyActive(data);
  expect(verified.problems).toEqual([]);
  expect(verified.ok).toBe(true);
  return status.active!.version;
}

function copyTree(from: string): string {
  const to = tmp('copy-');
  fs.cpSync(from, to, { recursive: true });
  return to;
}

beforeAll(async () => {
  v1 = await makePackedFolder('1.0.0');
  v2 = await makePackedFolder('2.0.0');
});

describe('import pipeline', () => {
  it('installs a folder package with progress, and status and verify show it', async () => {
    const data = tmp();
    const seen: ImportProgress[] = [];
    const r = await importPackage({ source: v1.dir, dataDir: data, onProgress: (p) => seen.push(p) });
    expect(r.ok).toBe(true);
    expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['checking', 'copying', 'validating', 'switching', 'done']));
    const last = seen.at(-1)!;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.filesDone).toBe(last.filesTotal);
    await expectWhole(data, ['1.0.0']);
    expect(fs.readdirSync(stagingDir(data))).toEqual([]);
  });

  it('installs from a zip, and a newer version replaces the active one', async () => {
    const data = await installedV1();
    const r = await importPackage({ source: v2.zip, dataDir: data });
    expect(r.ok, errorsOf(r).join('\n')).toBe(true);
    if (r.ok) expect(r.replaced?.version).toBe('1.0.0');
    expect(await expectWhole(data, ['2.0.0'])).toBe('2.0.0');
    expect((await readStatus(data)).previous.map((v) => v.version)).toEqual(['1.0.0']);
  });

  it('refuses the same or an older version unless staff confirm', async () => {
    const data = await installedV1();
    const same = await importPackage({ source: v1.dir, dataDir: data });
    expect(same.ok).toBe(false);
    if (!same.ok)
      expect(same.needsConfirmation).toEqual({
        active: '1.0.0',
        incoming: '1.0.0',
        reason: 'same',
        activeId: 'fixture',
        incomingId: 'fixture',
      });
    expect(errorsOf(same)[0]).toMatch(/^exhibit\.json: version: is 1\.0\.0, the same as the version on screen \(1\.0\.0\); confirm/);
    expect((await importPackage({ source: v1.dir, dataDir: data, allowSameOrOlder: true })).ok).toBe(true);
    await expectWhole(data, ['1.0.0']);
  });

  it('asks before an older version, or another exhibit, replaces the built-in exhibit on screen', async () => {
    const data = tmp();
    const older = await importPackage({ source: v1.dir, dataDir: data, builtIn: { id: 'fixture', version: '1.5.0' } });
    expect(older.ok).toBe(false);
    if (!older.ok) expect(older.needsConfirmation).toMatchObject({ reason: 'older', active: '1.5.0', incoming: '1.0.0' });
    const other = await importPackage({ source: v1.dir, dataDir: data, builtIn: { id: 'kharkiv-luoyang', version: '1.0.0' } });
    expect(errorsOf(other)).toEqual([
      'exhibit.json: id: is the exhibit "fixture", not "kharkiv-luoyang" that is on screen; confirm to replace it',
    ]);
    expect((await readStatus(data)).active).toBeNull();
    expect(
      (await importPackage({ source: v1.dir, dataDir: data, builtIn: { id: 'kharkiv-luoyang', version: '1.0.0' }, allowSameOrOlder: true }))
        .ok,
    ).toBe(true);
  });

  it('keeps the last three versions and rolls back to the one before', async () => {
    const data = await installedV1();
    for (const version of ['1.1.0', '1.2.0', '1.3.0'])
      expect((await importPackage({ source: (await makePackedFolder(version)).dir, dataDir: data })).ok).toBe(true);
    const status = await readStatus(data);
    expect(status.active!.version).toBe('1.3.0');
    expect(status.previous.map((v) => v.version)).toEqual(['1.2.0', '1.1.0']);
    expect(fs.readdirSync(path.join(data, 'content', 'versions'))).toHaveLength(3);
    expect(await rollback(data)).toMatchObject({ ok: true, target: { version: '1.2.0' } });
    await expectWhole(data, ['1.2.0']);
  });
});

describe('import: bad input ends in a clear message and the old content stays', () => {
  const faults: [string, (dir: string) => void | Promise<void>, RegExp][] = [
    ['malformed exhibit.json', (d) => fs.writeFileSync(path.join(d, 'exhibit.json'), '{"oops"'), /^exhibit\.json: is not valid JSON/],
    [
      'a missing file',
      (d) => fs.rmSync(path.join(d, 'pictures', 'b.webp')),
      /^pictures\/b\.webp: is listed in the manifest \(.*\) but missing from the package/,
    ],
    [
      'an altered file',
      (d) => fs.appendFileSync(path.join(d, 'models', 'm.glb'), 'x'),
      /^models\/m\.glb: is larger than the manifest says/,
    ],
    [
      'a file with the wrong hash',
      (d) => {
        const f = path.join(d, 'pictures', 'a.webp');
        const b = fs.readFileSync(f);
        b[b.length - 2] = (b[b.length - 2]! + 1) % 256;
        fs.writeFileSync(f, b);
      },
      /^pictures\/a\.webp: does not match its SHA-256/,
    ],
    ['no manifest', (d) => fs.rmSync(path.join(d, 'manifest.json')), /^manifest\.json: is missing/],
    [
      'a symbolic link',
      (d) => fs.symlinkSync('/etc/passwd', path.join(d, 'pictures', 'evil.webp')),
      /^pictures\/evil\.webp: is a symbolic link/,
    ],
    [
      'an added file',
      async (d) => fs.writeFileSync(path.join(d, 'pictures', 'new.webp'), await makePicture()),
      /^pictures\/new\.webp: is not listed in the manifest/,
    ],
    [
      'a future schema',
      (d) => {
        const f = path.join(d, 'exhibit.json');
        fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 7'));
      },
      /^exhibit\.json: schemaVersion: this package needs a newer kiosk/,
    ],
  ];

  it.each(faults)('refuses %s', async (_name, breakIt, expected) => {
    const data = await installedV1();
    const stick = copyTree(v2.dir);
    await breakIt(stick);
    const r = await importPackage({ source: stick, dataDir: data });
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toContainEqual(expect.stringMatching(expected));
    await expectWhole(data, ['1.0.0']);
  });

  it('refuses a giant picture read from its header, after copying, without decoding it', async () => {
    const data = await installedV1();
    const stick = await makePackedFolderWith('pictures/huge.png', pngHeader(40000, 40000));
    const r = await importPackage({ source: stick, dataDir: data });
    expect(errorsOf(r)).toContainEqual(expect.stringMatching(/^pictures\/huge\.png: is 40000 × 40000 pixels/));
    await expectWhole(data, ['1.0.0']);
  });

  it('requires a good signature once a key is installed', async () => {
    const keys = generateKeyPair();
    const signed = await makePackedFolder('2.0.0', keys.privateKeyPem);
    const data = await installedV1();
    expect(errorsOf(await importPackage({ source: v2.dir, dataDir: data, trustedKeys: [keys.publicKeyPem] }))).toContainEqual(
      'signature.json: is missing: this kiosk accepts signed packages only',
    );
    const forged = copyTree(signed.dir);
    const manifest = path.join(forged, 'manifest.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/"sha256": "[0-9a-f]{4}/, '"sha256": "0000'));
    expect(errorsOf(await importPackage({ source: forged, dataDir: data, trustedKeys: [keys.publicKeyPem] }))).toContainEqual(
      'signature.json: does not match the manifest: the package was changed after it was signed',
    );
    expect(
      errorsOf(await importPackage({ source: signed.dir, dataDir: data, trustedKeys: [generateKeyPair().publicKeyPem] })),
    ).toContainEqual(expect.stringMatching(/which this kiosk does not trust/));
    await expectWhole(data, ['1.0.0']);
    expect((await importPackage({ source: signed.dir, dataDir: data, trustedKeys: [keys.publicKeyPem] })).ok).toBe(true);
    await expectWhole(data, ['2.0.0']);
  });

  it('refuses a zip whose entries leave the package, and a zip bomb', async () => {
    const data = await installedV1();
    const bombDir = copyTree(v2.dir);
    fs.writeFileSync(path.join(bombDir, 'bomb.txt'), Buffer.alloc(30 * 1024 * 1024));
    const yazl = (await import('yazl')).default;
    const zipPath = path.join(tmp('zip-'), 'bomb.zip');
    const zip = new yazl.ZipFile();
    for (const f of ['exhibit.json', 'manifest.json', 'bomb.txt']) zip.addFile(path.join(bombDir, f), f);
    zip.end();
    await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(zipPath)).on('close', () => resolve()));
    expect(errorsOf(await importPackage({ source: zipPath, dataDir: data }))).toContainEqual(
      expect.stringMatching(/bomb\.txt: unpacks \d+ times larger .* zip bomb/),
    );
    await expectWhole(data, ['1.0.0']);
  });

  it('says the disk is full before copying, and on a real ENOSPC during the copy', async () => {
    const data = await installedV1();
    expect(errorsOf(await importPackage({ source: v2.dir, dataDir: data, freeBytes: async () => 1000 }))).toContainEqual(
      expect.stringMatching(/^\.: needs .* but the kiosk’s disk has only 1000 bytes free/),
    );
    const enospc = await importPackage({
      source: v2.dir,
      dataDir: data,
      fault: (op) => {
        if (op.startsWith('copy models/')) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    expect(errorsOf(enospc)).toContainEqual(expect.stringMatching(/could not be installed: the kiosk’s disk is full \[ENOSPC\]/));
    await expectWhole(data, ['1.0.0']);
  });
});

describe('import: paths and sizes from a hostile stick are refused before a byte is written', () => {
  /** A sandbox with the data folder and the stick side by side, to see anything written outside either. */
  function sandbox(): { root: string; data: string; stick: string } {
    const root = tmp('sandbox-');
    const stick = path.join(root, 'media', 'stick', 'package');
    fs.mkdirSync(path.dirname(stick), { recursive: true });
    fs.cpSync(v2.dir, stick, { recursive: true });
    return { root, data: path.join(root, 'data'), stick };
  }
  const listAll = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort();

  it.each([
    ['../../../x.sh', /leaves the package/],
    ['../../../../../../../tmp/x.sh', /leaves the package/],
    ['/etc/x.sh', /absolute path/],
    ['C:/Users/Public/x.sh', /absolute path/],
    ['pictures\\..\\..\\x.sh', /backslash/],
    ['pictures/a%2e.webp', /character a name may not have/],
    ['pictures/CON.webp', /Windows keeps for devices/],
  ])('a manifest entry %s (with its hash) is refused by its path, and nothing is written for it', async (entry, why) => {
    const { root, data, stick } = sandbox();
    const payload = Buffer.from('#!/bin/sh\necho owned\n');
    const { createHash } = await import('node:crypto');
    const manifestFile = path.join(stick, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
    manifest.files.push({ path: entry, size: payload.length, sha256: createHash('sha256').update(payload).digest('hex') });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    const before = listAll(root);
    const r = await importPackage({ source: stick, dataDir: data });
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toMatch(new RegExp(`^manifest\\.json: files\\[${manifest.files.length - 1}\\]\\.path: .*${why.source}`));
    // Only the data folder's own skeleton appeared: no staging left, no x.sh anywhere.
    expect(listAll(root).filter((f) => !before.includes(f))).toEqual([
      'data',
      'data/content',
      'data/content/staging',
      'data/content/versions',
    ]);
    expect(listAll(path.join(data, 'content', 'staging'))).toEqual([]);
  });

  it('refuses a manifest of 300 MB and an exhibit.json of 191 MB by their size, before reading them', async () => {
    for (const [file, bytes, limit] of [
      ['manifest.json', 300, '2.0 MB'],
      ['exhibit.json', 191, '2.0 MB'],
    ] as const) {
      const { data, stick } = sandbox();
      // Sparse: the size is real to every reader, the disk holds nothing.
      fs.truncateSync(path.join(stick, file), bytes * 1024 * 1024);
      const rss = process.memoryUsage().rss;
      const r = await importPackage({ source: stick, dataDir: data });
      expect(errorsOf(r)).toEqual([`${file}: is ${bytes} MB, more than the ${limit} allowed`]);
      expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
    }
  });

  it('refuses a 400 MB model by its size before copying a byte of the package', async () => {
    const { data, stick } = sandbox();
    fs.truncateSync(path.join(stick, 'models', 'm.glb'), 400 * 1024 * 1024);
    const copied: string[] = [];
    const r = await importPackage({ source: stick, dataDir: data, fault: (op) => void (op.startsWith('copy ') && copied.push(op)) });
    expect(errorsOf(r)).toEqual(['models/m.glb: is 400 MB, more than the 32 MB a 3D model may be']);
    expect(copied).toEqual([]);
  });

  it('with a key trusted, checks the signature on the manifest’s bytes before parsing them', async () => {
    const keys = generateKeyPair();
    const { data, stick } = sandbox();
    fs.writeFileSync(path.join(stick, 'manifest.json'), '['.repeat(100_000));
    fs.writeFileSync(
      path.join(stick, 'signature.json'),
      JSON.stringify({ algorithm: 'ed25519', keyId: '0123456789abcdef', signature: 'AAAA' }),
    );
    expect(errorsOf(await importPackage({ source: stick, dataDir: data, trustedKeys: [keys.publicKeyPem] }))).toEqual([
      'signature.json: is signed with key 0123456789abcdef, which this kiosk does not trust',
    ]);
    expect(errorsOf(await importPackage({ source: stick, dataDir: data }))).toEqual(['manifest.json: is nested more than 8 levels deep']);
  });
});

/** A packed v3 package holding `file` with `bytes`, referenced as the first section's cover. */
async function makePackedFolderWith(file: string, bytes: Buffer): Promise<string> {
  const { buildManifest } = await import('../../../../core/content/manifest.ts');
  const dir = copyTree(v2.dir);
  fs.writeFileSync(path.join(dir, ...file.split('/')), bytes);
  const exhibitFile = path.join(dir, 'exhibit.json');
  const exhibit = JSON.parse(fs.readFileSync(exhibitFile, 'utf8')) as { version: string; sections: { cover: string }[] };
  exhibit.version = '3.0.0';
  exhibit.sections[0]!.cover = file;
  fs.writeFileSync(exhibitFile, JSON.stringify(exhibit));
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(await buildManifest(dir, files, { id: 'fixture', version: '3.0.0' })));
  return dir;
}

describe('import: interrupted at every file operation, the kiosk still has whole content', () => {
  const operations: string[] = [];

  beforeAll(async () => {
    const data = await installedV1();
    const r = await importPackage({ source: v2.dir, dataDir: data, fault: (op) => void operations.push(op) });
    expect(r.ok).toBe(true);
    expect(operations.length).toBeGreaterThan(15);
  });

  it('an I/O error at each operation: old or new content, never a mix', async () => {
    const base = await installedV1();
    for (const [i, operation] of operations.entries()) {
      const data = copyTree(base);
      let count = 0;
      const r = await importPackage({
        source: v2.dir,
        dataDir: data,
        fault: () => {
          count += 1;
          if (count === i + 1) throw Object.assign(new Error('input/output error'), { code: 'EIO' });
        },
      });
      const version = await expectWhole(data, ['1.0.0', '2.0.0']);
      if (!r.ok) {
        expect(version, `failed at "${operation}" but switched`).toBe('1.0.0');
        expect(errorsOf(r).join('\n')).toMatch(/input\/output error|EIO/);
      }
      expect((await importPackage({ source: v2.dir, dataDir: data, allowSameOrOlder: true })).ok, `retry after "${operation}"`).toBe(true);
      await expectWhole(data, ['2.0.0']);
    }
  }, 120_000);

  it('the process killed before each operation: old or new content, and the next import succeeds', async () => {
    const base = await installedV1();
    const versions = new Set<string>();
    for (let k = 1; k <= operations.length; k += 1) {
      const data = copyTree(base);
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/import-child.ts', v2.dir, data, String(k)], {
        encoding: 'utf8',
      });
      expect(child.signal, `operation ${k} "${operations[k - 1]}": ${child.stdout}${child.stderr}`).toBe('SIGKILL');
      versions.add(await expectWhole(data, ['1.0.0', '2.0.0']));
      expect((await importPackage({ source: v2.dir, dataDir: data, allowSameOrOlder: true })).ok).toBe(true);
      await expectWhole(data, ['2.0.0']);
      expect(fs.readdirSync(stagingDir(data))).toEqual([]);
    }
    expect([...versions].sort()).toEqual(['1.0.0', '2.0.0']);
  }, 300_000);
});
