import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../core/content/languages.ts';
import { DEFAULT_LIMITS } from '../../../../core/content/limits.ts';
import { formatProblem, type Problem } from '../../../../core/content/load.ts';
import { generateKeyPair } from '../../../../core/content/manifest.ts';
import { packPackage } from '../../../../core/content/pack.ts';
import { englishProblem } from '../../../../core/content/problem-codes.ts';
import { validatePackage, type ValidateOptions } from '../../../../core/content/validate.ts';
import { glbWithJsonText } from '../../../fixtures/corpus/make-corpus.ts';
import {
  makeGlb,
  makePackage,
  makePackageV2,
  makePicture,
  mediaFixture,
  pngHeader,
  type ExhibitJson,
} from '../../../fixtures/make-package.ts';

/** The same .glb with its JSON chunk edited (padded to four bytes, as the format wants). */
function withGltfJson(glb: Buffer, change: (json: Record<string, unknown>) => void): Buffer {
  return withGltfText(glb, (text) => {
    const json = JSON.parse(text) as Record<string, unknown>;
    change(json);
    return JSON.stringify(json);
  });
}

/** The same .glb with the text of its JSON chunk replaced. */
function withGltfText(glb: Buffer, change: (text: string) => string): Buffer {
  return glbWithJsonText(
    glb,
    change(
      glb
        .subarray(20, 20 + glb.readUInt32LE(12))
        .toString('utf8')
        .trimEnd(),
    ),
  );
}

/** The errors of the last `errorsOf`, as the validator gave them (with their codes). */
let lastErrors: Problem[] = [];

async function errorsOf(source: string, options: ValidateOptions = {}): Promise<string[]> {
  const report = await validatePackage(source, options);
  await report.cleanup();
  lastErrors = report.problems.filter((p) => p.severity === 'error');
  return lastErrors.map(formatProblem);
}

async function zipOf(entries: { name: string; data: Buffer; mode?: number; compress?: boolean }[]): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zip-')), 'package.zip');
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mode: e.mode ?? 0o100644, compress: e.compress ?? true });
  zip.end();
  await new Promise<void>((resolve) => zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve()));
  return file;
}

async function zipOfFolder(dir: string): Promise<{ name: string; data: Buffer }[]> {
  const out: { name: string; data: Buffer }[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push({ name: r, data: fs.readFileSync(path.join(dir, r)) });
    }
  };
  walk('');
  return out;
}

const edit = (change: (e: ExhibitJson) => void) => makePackage(change);

describe('content validator: a good package', () => {
  it('accepts the fixture package as a folder and as a zip', async () => {
    const dir = await makePackage();
    expect(await errorsOf(dir)).toEqual([]);
    expect(await errorsOf(await zipOf(await zipOfFolder(dir)))).toEqual([]);
    const nested = (await zipOfFolder(dir)).map((e) => ({ ...e, name: `exhibit-1/${e.name}` }));
    expect(await errorsOf(await zipOf(nested))).toEqual([]);
  });

  it('accepts the default Kharkiv–Luoyang exhibit with every language complete', async () => {
    const report = await validatePackage('assets/content');
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.languages).toEqual([...LANGUAGES]);
  });
});

describe('content validator: each fault alone is refused, naming the file and place', () => {
  const cases: [string, () => Promise<string>, RegExp, ValidateOptions?][] = [
    [
      'broken JSON',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'exhibit.json'), '{ "schemaVersion": 1, ');
        return d;
      },
      /^exhibit\.json: is not valid JSON/,
    ],
    [
      'no exhibit.json',
      async () => {
        const d = await makePackage();
        fs.rmSync(path.join(d, 'exhibit.json'));
        return d;
      },
      /^exhibit\.json: is missing/,
    ],
    ['a future schemaVersion', () => edit((e) => (e.schemaVersion = 3)), /^exhibit\.json: schemaVersion: this package needs a newer kiosk/],
    ['an unknown schemaVersion', () => edit((e) => (e.schemaVersion = 0)), /^exhibit\.json: schemaVersion: /],
    ['a version that is not semver', () => edit((e) => (e.version = 'spring')), /^exhibit\.json: version: must be a version/],
    ['a missing title', () => edit((e) => delete e.title), /^exhibit\.json: title: /],
    [
      'a text with no language at all',
      () => edit((e) => (e.sections[0].title = {})),
      /^exhibit\.json: sections\[0\]\.title: has no text in any language/,
    ],
    [
      'a missing picture',
      () => edit((e) => (e.sections[0].panels[1].picture.src = 'pictures/missing.webp')),
      /^exhibit\.json: sections\[0\]\.panels\[1\]\.picture\.src: refers to "pictures\/missing\.webp", which is not in the package/,
    ],
    [
      'a picture named with the wrong case',
      () => edit((e) => (e.sections[0].cover = 'pictures/A.webp')),
      /sections\[0\]\.cover: .*there is "pictures\/a\.webp"/,
    ],
    [
      'an absolute path',
      () => edit((e) => (e.sections[0].cover = '/etc/passwd.webp')),
      /^exhibit\.json: sections\[0\]\.cover: is an absolute path/,
    ],
    [
      'a Windows absolute path',
      () => edit((e) => (e.sections[0].cover = 'C:/x.webp')),
      /^exhibit\.json: sections\[0\]\.cover: is an absolute path/,
    ],
    [
      'a path leaving the package',
      () => edit((e) => (e.stories[0].slides[0].picture.src = '../../secret.webp')),
      /^exhibit\.json: stories\[0\]\.slides\[0\]\.picture\.src: leaves the package/,
    ],
    ['a backslash path', () => edit((e) => (e.model.poster = 'pictures\\b.webp')), /^exhibit\.json: model\.poster: uses a backslash/],
    [
      'a symbolic link',
      async () => {
        const d = await makePackage();
        fs.symlinkSync('/etc/passwd', path.join(d, 'pictures', 'c.webp'));
        return d;
      },
      /^pictures\/c\.webp: is a symbolic link/,
    ],
    [
      'a referenced picture that is a link to a real picture',
      async () => {
        const d = await makePackage();
        fs.renameSync(path.join(d, 'pictures', 'a.webp'), path.join(os.tmpdir(), `outside-${Date.now()}.webp`));
        fs.symlinkSync(path.join(d, 'pictures', 'b.webp'), path.join(d, 'pictures', 'a.webp'));
        return d;
      },
      /^pictures\/a\.webp: is a symbolic link/,
    ],
    [
      'a special file',
      async () => {
        const d = await makePackage();
        execFileSync('mkfifo', [path.join(d, 'pictures', 'pipe.webp')]);
        return d;
      },
      /^pictures\/pipe\.webp: is a special file/,
    ],
    [
      'a .webp whose bytes are a PNG',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'pictures', 'a.webp'), await makePicture(64, 48, 'png'));
        return d;
      },
      /^pictures\/a\.webp: is named as webp but its bytes are png/,
    ],
    [
      'a .webp that is not a picture at all',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'pictures', 'b.webp'), '#!/bin/sh\nrm -rf /\n');
        return d;
      },
      /^pictures\/b\.webp: is named as webp but its bytes are not a webp file/,
    ],
    [
      'a picture over the pixel limit (read from its header)',
      async () => {
        const d = await makePackage((e) => (e.sections[0].cover = 'pictures/huge.png'));
        fs.writeFileSync(path.join(d, 'pictures', 'huge.png'), pngHeader(30000, 30000));
        return d;
      },
      /^pictures\/huge\.png: is 30000 × 30000 pixels, more than the 24 megapixels/,
    ],
    [
      'a .glb the glTF validator rejects',
      async () => {
        const d = await makePackage();
        const glb = Buffer.from(await makeGlb());
        glb.writeUInt32LE(glb.length + 400, 8);
        fs.writeFileSync(path.join(d, 'models', 'm.glb'), glb);
        return d;
      },
      /^models\/m\.glb: the glTF validator refuses it: /,
    ],
    [
      'a .glb that needs Draco, whose decoder the kiosk cannot run',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(
          path.join(d, 'models', 'm.glb'),
          withGltfJson(Buffer.from(await makeGlb()), (json) => {
            json.extensionsUsed = [...((json.extensionsUsed as string[] | undefined) ?? []), 'KHR_draco_mesh_compression'];
            json.extensionsRequired = ['KHR_draco_mesh_compression'];
          }),
        );
        return d;
      },
      /^models\/m\.glb: extensionsRequired: needs "KHR_draco_mesh_compression" \(Draco compression\), which the kiosk cannot decode/,
    ],
    [
      'a .glb that is not glTF',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'models', 'm.glb'), 'not a model');
        return d;
      },
      /^models\/m\.glb: is named as glb but its bytes are not a glb file/,
    ],
    [
      'a hotspot on a node the model lacks',
      () => edit((e) => (e.model.hotspots[0].node = 'cabin')),
      /^exhibit\.json: model\.hotspots\[0\]\.node: no node named "cabin" in models\/m\.glb/,
    ],
    [
      'a livery the model lacks',
      () => edit((e) => (e.model.liveries = [{ id: 'red', variant: 'red', label: { none: ['红'] } }])),
      /^exhibit\.json: model\.liveries\[0\]\.variant: no material variant named "red"/,
    ],
    [
      'a <script> in rich text',
      () => edit((e) => (e.sections[0].panels[0].body.en = ['<p>Hi</p><script>alert(1)</script>'])),
      /^exhibit\.json: sections\[0\]\.panels\[0\]\.body\.en\[0\]: the tag <script> is not allowed/,
    ],
    [
      'an attribute in rich text',
      () => edit((e) => (e.sections[0].panels[0].body.ru = ['<p onclick="steal()">Текст</p>'])),
      /^exhibit\.json: sections\[0\]\.panels\[0\]\.body\.ru\[0\]: the tag .* has attributes/,
    ],
    [
      'a link in rich text',
      () => edit((e) => (e.sections[0].panels[0].body['zh-Hans'] = ['<p><a href="https://example.com">点</a></p>'])),
      /body\.zh-Hans\[0\]: .*not allowed/,
    ],
    [
      'an oversized file',
      async () => {
        const d = await makePackage();
        const noise = crypto.randomBytes(300 * 300 * 3);
        fs.writeFileSync(
          path.join(d, 'pictures', 'b.webp'),
          await sharp(noise, { raw: { width: 300, height: 300, channels: 3 } })
            .webp({ lossless: true })
            .toBuffer(),
        );
        return d;
      },
      /^pictures\/b\.webp: is .* more than the 20 KB a file may be/,
      { limits: { ...DEFAULT_LIMITS, maxFileBytes: 20 * 1024 } },
    ],
    [
      'too many files',
      async () => makePackage(),
      /: is one file more than the 2 a package may hold/,
      { limits: { ...DEFAULT_LIMITS, maxFiles: 2 } },
    ],
    [
      'an oversized exhibit.json',
      async () => makePackage(),
      /^exhibit\.json: is .* more than the 100 bytes allowed/,
      { limits: { ...DEFAULT_LIMITS, maxExhibitBytes: 100 } },
    ],
    [
      'duplicate ids',
      () => edit((e) => (e.stories[0].slides[1].id = 'slide-1')),
      /^exhibit\.json: stories\[0\]\.slides\[1\]\.id: the id "slide-1" is used twice \(first at stories\[0\]\.slides\[0\]\.id\)/,
    ],
    [
      'an attract item opening a story that does not exist',
      () => edit((e) => (e.attract.playlist[1].opens.id = 'nowhere')),
      /^exhibit\.json: attract\.playlist\[1\]\.opens\.id: no story has the id "nowhere"/,
    ],
    [
      'a tour stop on a hotspot that does not exist',
      () => edit((e) => (e.model.tour[0].hotspot = 'wheel')),
      /^exhibit\.json: model\.tour\[0\]\.hotspot: no hotspot has the id "wheel"/,
    ],
    [
      'the default language missing somewhere',
      () => edit((e) => delete e.sections[0].title['zh-Hans']),
      /^exhibit\.json: sections\[0\]\.title: no "zh-Hans" text/,
    ],
    [
      'a rights statement that is not a RightsStatements.org or CC URI',
      () => edit((e) => (e.sections[0].panels[1].picture.rights = 'all rights reserved')),
      /^exhibit\.json: sections\[0\]\.panels\[1\]\.picture\.rights: must be a RightsStatements\.org or Creative Commons URI/,
    ],
    [
      'a file type a package may not hold',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'setup.exe'), 'MZ');
        return d;
      },
      /^setup\.exe: is a kind of file a package may not hold/,
    ],
    [
      'a model where a picture belongs',
      () => edit((e) => (e.sections[0].cover = 'models/m.glb')),
      /^exhibit\.json: sections\[0\]\.cover: "models\/m\.glb" must be a picture/,
    ],
    [
      'a zip bomb',
      async () =>
        zipOf([
          { name: 'exhibit.json', data: Buffer.from('{}') },
          { name: 'pictures/bomb.webp', data: Buffer.alloc(24 * 1024 * 1024) },
        ]),
      /^package\.zip: pictures\/bomb\.webp: unpacks \d+ times larger than it is packed: refused as a zip bomb/,
    ],
    [
      'a zip entry over the size limit',
      async () =>
        zipOf([
          { name: 'exhibit.json', data: Buffer.from('{}') },
          { name: 'big.webp', data: Buffer.alloc(5000, 7), compress: false },
        ]),
      /^package\.zip: big\.webp: unpacks to .* more than the 1000 bytes a file may be/,
      { limits: { ...DEFAULT_LIMITS, maxFileBytes: 1000 } },
    ],
    [
      'a zip entry that leaves the package',
      async () => {
        const file = await zipOf([
          { name: 'exhibit.json', data: Buffer.from('{}') },
          { name: 'xx/evil.txt', data: Buffer.from('evil') },
        ]);
        const bytes = fs.readFileSync(file);
        let at = bytes.indexOf('xx/evil.txt');
        while (at >= 0) {
          bytes.write('../evil.txt', at, 'latin1');
          at = bytes.indexOf('xx/evil.txt', at + 1);
        }
        fs.writeFileSync(file, bytes);
        return file;
      },
      /package\.zip.*\.\.\/evil\.txt|package\.zip: .*(invalid relative path|leaves the package)/,
    ],
    [
      'a symbolic link inside a zip',
      async () =>
        zipOf([
          { name: 'exhibit.json', data: Buffer.from('{}') },
          { name: 'pictures/a.webp', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
        ]),
      /^package\.zip: pictures\/a\.webp: is a symbolic link/,
    ],
    [
      'a .glb whose JSON nests 10,000 levels deep (it overflowed the validator’s stack and took the kiosk down)',
      async () => {
        const d = await makePackage();
        const glb = Buffer.from(await makeGlb());
        fs.writeFileSync(
          path.join(d, 'models', 'm.glb'),
          withGltfText(glb, (text) => `{"extras":${'['.repeat(10_000)}${']'.repeat(10_000)},${text.slice(1)}`),
        );
        return d;
      },
      /^models\/m\.glb: its JSON chunk is nested more than 64 levels deep/,
    ],
    [
      'an exhibit.json nested 10,000 levels deep',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'exhibit.json'), `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
        return d;
      },
      /^exhibit\.json: is nested more than 64 levels deep/,
    ],
    [
      'a 143 KB PNG that decodes to 49 megapixels',
      async () => {
        const d = await makePackage((e) => (e.sections[0].cover = 'pictures/bomb.png'));
        fs.writeFileSync(
          path.join(d, 'pictures', 'bomb.png'),
          await sharp({ create: { width: 7000, height: 7000, channels: 3, background: '#000' } })
            .png({ compressionLevel: 9 })
            .toBuffer(),
        );
        return d;
      },
      /^pictures\/bomb\.png: is 7000 × 7000 pixels, more than the 24 megapixels/,
    ],
    [
      'a truncated WebP (its header is whole)',
      async () => {
        const d = await makePackage();
        const webp = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b3261e' } })
          .webp()
          .toBuffer();
        fs.writeFileSync(path.join(d, 'pictures', 'b.webp'), webp.subarray(0, Math.floor(webp.length / 2)));
        return d;
      },
      /^pictures\/b\.webp: cannot be decoded as a picture: it is damaged or cut short/,
    ],
    [
      'an .mp3 of random bytes after "ID3"',
      async () => {
        const d = await makePackage(
          (e) =>
            (e.stories[0].slides[0].audio = {
              src: 'audio/a.mp3',
              credit: { none: ['—'] },
              rights: 'https://creativecommons.org/licenses/by/4.0/',
            }),
        );
        fs.mkdirSync(path.join(d, 'audio'));
        fs.writeFileSync(
          path.join(d, 'audio', 'a.mp3'),
          // Noise with no byte 0xFF, so that no MPEG frame sync (eleven set bits) can appear in it by
          // chance: unmasked, a run now and then found a "frame" in the noise and the test failed.
          Buffer.concat([
            Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'),
            crypto.randomBytes(20_000).map((b) => b & 0x7f),
          ]),
        );
        return d;
      },
      /^audio\/a\.mp3: holds no sound that can be played/,
    ],
    [
      'a picture named with % (it validated, then 404ed on screen)',
      async () => {
        const d = await makePackage((e) => (e.sections[0].cover = 'pictures/50%.webp'));
        fs.writeFileSync(path.join(d, 'pictures', '50%.webp'), await makePicture());
        return d;
      },
      /^exhibit\.json: sections\[0\]\.cover: has a character a name may not have/,
    ],
    [
      'a picture named with #',
      async () => {
        const d = await makePackage();
        fs.writeFileSync(path.join(d, 'pictures', 'no#1.webp'), await makePicture());
        return d;
      },
      /^pictures\/no#1\.webp: has a character a name may not have/,
    ],
    [
      'a zip holding a/b as a file and a/b/c (it crashed the CLI with EEXIST)',
      async () =>
        zipOf([
          { name: 'exhibit.json', data: Buffer.from('{}') },
          { name: 'a/b', data: Buffer.from('x') },
          { name: 'a/b/c', data: Buffer.from('y') },
        ]),
      /^package\.zip: a\/b\/c: goes through "a\/b" as a folder, but it is a file/,
    ],
    [
      'a zip bomb split into many 1 MiB entries',
      async () =>
        zipOf([
          { name: 'exhibit.json', data: Buffer.from('{}') },
          ...Array.from({ length: 40 }, (_, i) => ({ name: `pad/${i}.webp`, data: Buffer.alloc(1024 * 1024) })),
        ]),
      /^package\.zip: unpacks to 40 MB, \d+ times more than it is packed: refused as a zip bomb/,
    ],
    [
      'a file that is not a zip',
      async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zip-')), 'package.zip');
        fs.writeFileSync(file, 'PK\u0003\u0004 definitely not a zip');
        return file;
      },
      /^package\.zip: is not a readable zip file/,
    ],
  ];

  const refusals = new Map<string, string>();
  const refused = new Map<string, Problem>();
  it.each(cases)('refuses %s', async (name, make, expected, options) => {
    const errors = await errorsOf(await make(), options);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors, errors.join('\n')).toContainEqual(expect.stringMatching(expected));
    refusals.set(
      name,
      errors.find((e) => expected.test(e))!,
    );
    refused.set(name, lastErrors[errors.findIndex((e) => expected.test(e))]!);
  });

  // The admin screen says a problem in the staff's language only when it has a code.
  it('gives staff a code for every fault, which the admin screen says in their language, its English made from the code', () => {
    expect(refused.size).toBe(cases.length);
    for (const [name, problem] of refused) {
      expect(problem.issue, `${name}: ${problem.message}`).toBeDefined();
      expect(problem.message, name).toBe(englishProblem(problem.issue!));
    }
  });

  // What the validator said, not how long the table is: 30 faults, each refused in words of its own.
  it('tells at least 30 faults apart, each with its own message', () => {
    expect(refusals.size).toBe(cases.length);
    expect(new Set(refusals.values()).size).toBeGreaterThanOrEqual(30);
  });

  it('reports every problem at once, not just the first', async () => {
    const errors = await errorsOf(
      await edit((e) => {
        e.version = 'x';
        e.title = {};
        e.sections[0].id = 'Bad Id';
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^exhibit\.json: version:/),
        expect.stringMatching(/^exhibit\.json: title:/),
        expect.stringMatching(/^exhibit\.json: sections\[0\]\.id:/),
      ]),
    );
  });

  it('only notes a missing non-default language and offers the complete ones', async () => {
    const report = await validatePackage(await edit((e) => delete e.sections[0].title.ru));
    expect(report.ok).toBe(true);
    expect(report.problems.map(formatProblem)).toContain('exhibit.json: sections[0].title: no "ru" text');
    expect(report.languages).toEqual(['zh-Hans', 'en']);
  });
});

describe('manifest and signature', () => {
  async function packed(sign = false): Promise<{ dir: string; zip: string; publicKey: string }> {
    const src = await makePackage();
    fs.writeFileSync(path.join(src, 'pictures', 'big.png'), await makePicture(3000, 1500, 'png'));
    const exhibit = JSON.parse(fs.readFileSync(path.join(src, 'exhibit.json'), 'utf8')) as ExhibitJson;
    exhibit.stories[0].slides[0].picture.src = 'pictures/big.png';
    fs.writeFileSync(path.join(src, 'exhibit.json'), JSON.stringify(exhibit));
    const keys = generateKeyPair();
    const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'packed-')), 'exhibit.zip');
    const result = await packPackage(src, zip, sign ? { privateKey: keys.privateKeyPem } : {});
    expect(result.ok).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unpacked-'));
    execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, dir]);
    return { dir, zip, publicKey: keys.publicKeyPem };
  }

  it('pack makes display-sized WebP, lists every file, and the zip verifies', async () => {
    const { dir, zip } = await packed();
    const exhibit = JSON.parse(fs.readFileSync(path.join(dir, 'exhibit.json'), 'utf8')) as ExhibitJson;
    expect(exhibit.stories[0].slides[0].picture.src).toBe('pictures/big.webp');
    expect(fs.existsSync(path.join(dir, 'pictures', 'big.png'))).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual([
      'exhibit.json',
      'models/m.glb',
      'pictures/a.webp',
      'pictures/b.webp',
      'pictures/big.webp',
    ]);
    expect(await errorsOf(zip, { requireManifest: true })).toEqual([]);
  });

  it('refuses a file changed after packing', async () => {
    const { dir } = await packed();
    fs.appendFileSync(path.join(dir, 'models', 'm.glb'), Buffer.alloc(4));
    expect(await errorsOf(dir)).toContainEqual(expect.stringMatching(/^models\/m\.glb: is larger than the manifest says/));
    const { dir: dir2 } = await packed();
    const a = path.join(dir2, 'pictures', 'a.webp');
    const bytes = fs.readFileSync(a);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    fs.writeFileSync(a, bytes);
    expect(await errorsOf(dir2)).toContainEqual(
      'pictures/a.webp: does not match its SHA-256 in the manifest: the file was changed or damaged',
    );
  });

  it('refuses a file added after packing, and a listed file that is missing', async () => {
    const { dir } = await packed();
    fs.writeFileSync(path.join(dir, 'pictures', 'extra.webp'), await makePicture());
    fs.rmSync(path.join(dir, 'pictures', 'b.webp'));
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual('pictures/extra.webp: is not listed in the manifest: it was added after the package was made');
    expect(errors).toContainEqual(
      expect.stringMatching(/^pictures\/b\.webp: is listed in the manifest \(.*\) but missing from the package/),
    );
  });

  it('with a trusted key: accepts the signed package, refuses unsigned, tampered and foreign-signed ones', async () => {
    const signed = await packed(true);
    expect(await errorsOf(signed.zip, { trustedKeys: [signed.publicKey] })).toEqual([]);
    const unsigned = await packed(false);
    expect(await errorsOf(unsigned.dir, { trustedKeys: [signed.publicKey] })).toContainEqual(
      'signature.json: is missing: this kiosk accepts signed packages only',
    );
    expect(await errorsOf(signed.dir, { trustedKeys: [generateKeyPair().publicKeyPem] })).toContainEqual(
      expect.stringMatching(/^signature\.json: is signed with key [0-9a-f]{16}, which this kiosk does not trust/),
    );
    const manifestFile = path.join(signed.dir, 'manifest.json');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').replace('"1.0.0"', '"9.0.0"'));
    expect(await errorsOf(signed.dir, { trustedKeys: [signed.publicKey] })).toContainEqual(
      'signature.json: does not match the manifest: the package was changed after it was signed',
    );
  });
});

describe('the glTF validator runs apart from the kiosk', () => {
  it('a model that exhausts the validator’s heap or time is one refusal, and the kiosk goes on', async () => {
    const { checkGlb } = await import('../../../../core/content/glb.ts');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glb-')), 'm.glb');
    fs.writeFileSync(file, await makeGlb());
    expect((await checkGlb(file)).errors).toEqual([]);
    expect((await checkGlb(file, { timeoutMs: 120_000, heapMb: 2 })).errors).toEqual([
      expect.stringMatching(/^could not be checked by the glTF validator: .*memory limit/),
    ]);
    expect((await checkGlb(file, { timeoutMs: 1, heapMb: 512 })).errors).toEqual([
      expect.stringMatching(/^could not be checked by the glTF validator: it took longer than/),
    ]);
    expect((await checkGlb(file)).errors).toEqual([]);
  });
});

describe('with a key trusted, nothing but the signature is looked at until it holds', () => {
  it('a package signed by nobody the kiosk trusts is refused on its signature alone: its model and pictures are never opened', async () => {
    const keys = generateKeyPair();
    const d = await makePackage();
    const glb = Buffer.from(await makeGlb());
    fs.writeFileSync(
      path.join(d, 'models', 'm.glb'),
      withGltfText(glb, (text) => `{"extras":${'['.repeat(10_000)}${']'.repeat(10_000)},${text.slice(1)}`),
    );
    fs.writeFileSync(path.join(d, 'pictures', 'a.webp'), 'not a picture');
    const { buildManifest } = await import('../../../../core/content/manifest.ts');
    const files = fs
      .readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(d, path.join(e.parentPath, e.name)));
    fs.writeFileSync(path.join(d, 'manifest.json'), JSON.stringify(await buildManifest(d, files, { id: 'fixture', version: '1.0.0' })));
    expect(await errorsOf(d, { trustedKeys: [keys.publicKeyPem] })).toEqual([
      'signature.json: is missing: this kiosk accepts signed packages only',
    ]);
    expect((await errorsOf(d)).some((e) => e.startsWith('models/m.glb:'))).toBe(true);
  });
});

describe('what staff read of a file that differs from its manifest', () => {
  it('names the bytes when the sizes round to the same figure', async () => {
    const { manifestMessages } = await import('../../../../core/content/manifest-check.ts');
    expect(manifestMessages.otherSize(156_671, 156_700)).toBe(
      'is 156671 bytes, but the manifest says 156700 bytes: the file was changed or damaged',
    );
    expect(manifestMessages.otherSize(1024, 3 * 1024 * 1024)).toBe(
      'is 1.0 KB, but the manifest says 3.0 MB: the file was changed or damaged',
    );
  });
});

describe('content validator: format 2', () => {
  it('accepts a package with a film and its subtitles, narration in each language, a "more" layer and two 3D objects', async () => {
    const report = await validatePackage(await makePackageV2());
    await report.cleanup();
    expect(report.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(report.ok && report.format).toBe(2);
    expect(report.exhibit!.models.map((m) => m.id)).toEqual(['model', 'engine']);
  });

  it('refuses an HEVC film by what its container holds, with what to export instead', async () => {
    const dir = await makePackageV2();
    fs.copyFileSync(mediaFixture('hevc.mp4'), path.join(dir, 'films', 'f.mp4'));
    expect(await errorsOf(dir)).toEqual([
      'films/f.mp4: is HEVC (H.265) video, which the kiosk cannot play: export it as MP4 with H.264 video and AAC sound, or as WebM with VP9 or AV1 video and Opus sound',
    ]);
  });

  it('refuses subtitles out of time order, naming the file and the line', async () => {
    const dir = await makePackageV2();
    fs.writeFileSync(
      path.join(dir, 'films', 'f.ru.vtt'),
      'WEBVTT\n\n00:00:02.000 --> 00:00:03.000\nВторой\n\n00:00:00.000 --> 00:00:01.000\nПервый\n',
    );
    expect(await errorsOf(dir)).toEqual(['films/f.ru.vtt: line 6: starts before the subtitle above it: subtitles must be in time order']);
  });

  it('refuses a subtitle that starts after its film has ended, by the length the film’s container gives (4 s)', async () => {
    const dir = await makePackageV2();
    fs.writeFileSync(
      path.join(dir, 'films', 'f.en.vtt'),
      'WEBVTT\n\n00:00:00.000 --> 00:00:03.900\nShown\n\n00:00:06.000 --> 00:00:07.000\nNever shown\n',
    );
    expect(await errorsOf(dir)).toEqual(['films/f.en.vtt: line 6: starts after the film has ended (it is 4 seconds long)']);
  });

  it('refuses subtitles that are not UTF-8, and a subtitle file given where a film must be', async () => {
    const dir = await makePackageV2((e) => (e.sections[0].panels[3].video.src = 'films/f.en.vtt'));
    fs.writeFileSync(path.join(dir, 'films', 'f.zh-Hans.vtt'), Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe]));
    const errors = await errorsOf(dir);
    expect(errors).toContain('exhibit.json: sections[0].panels[3].video.src: "films/f.en.vtt" must be a video (.mp4 or .webm)');
    expect(errors).toContain('films/f.zh-Hans.vtt: is not UTF-8 text: save it again as UTF-8');
  });

  it('refuses links to a 3D object that is not there, and a narration file missing, by their places', async () => {
    const dir = await makePackageV2((e) => {
      e.sections[0].panels[0].models = ['tractor'];
      e.attract.playlist[0].opens = { kind: 'model', id: 'tractor' };
    });
    fs.rmSync(path.join(dir, 'audio', 'narration-ru.mp3'));
    expect(await errorsOf(dir)).toEqual([
      'exhibit.json: attract.playlist[0].opens.id: no 3D object has the id "tractor"',
      'exhibit.json: sections[0].panels[0].models[0]: no 3D object has the id "tractor"',
      'exhibit.json: sections[0].panels[0].narration.audio.ru: refers to "audio/narration-ru.mp3", which is not in the package',
    ]);
  });

  it('names a fault of a format-1 package where its own file has it (model.tour, not models[0].tour)', async () => {
    const dir = await makePackage((e) => (e.model.tour[0].hotspot = 'nowhere'));
    expect(await errorsOf(dir)).toEqual(['exhibit.json: model.tour[0].hotspot: no hotspot has the id "nowhere"']);
  });
});
