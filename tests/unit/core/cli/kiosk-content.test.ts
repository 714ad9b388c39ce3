import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../core/cli/kiosk-content.ts';
import { exhibitJsonSchema } from '../../../../core/content/schema.ts';
import { makePackage, makePackedFolder } from '../../../fixtures/make-package.ts';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));

describe('kiosk-content CLI', () => {
  it('validate: exit 0 and a plain summary for a good package', async () => {
    const r = await run('validate', await makePackage());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^OK: .* can be shown: "fixture" version 1\.0\.0, 1 sections, 1 stories, 1 3D object\./);
    expect(r.out).toContain('Languages complete: zh-Hans, ru, en.');
  });

  it('validate: exit 1 and every problem named by file and place for a bad one', async () => {
    const dir = await makePackage((e) => {
      e.version = 'x';
      e.sections[0].panels[1].picture.src = 'pictures/gone.webp';
    });
    const r = await run('validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('REFUSED');
    expect(r.err).toContain('✗ exhibit.json: version: must be a version like 1.2.0');
  });

  it('validate --json: machine-readable verdict', async () => {
    const dir = await makePackage((e) => delete e.sections[0].title.ru);
    const r = await run('validate', dir, '--json');
    const json = JSON.parse(r.out) as { ok: boolean; languages: string[]; warnings: { text: string }[]; package: { id: string } };
    expect(r.code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.package.id).toBe('fixture');
    expect(json.languages).toEqual(['zh-Hans', 'en']);
    expect(json.warnings.map((w) => w.text)).toContain('exhibit.json: sections[0].title: no "ru" text');
  });

  it('schema: the committed JSON Schema is the one the zod source makes', async () => {
    const out = path.join(tmp(), 'schema.json');
    expect((await run('schema', '--out', out)).code).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(written).toEqual(exhibitJsonSchema());
    expect(JSON.parse(fs.readFileSync('assets/content/exhibit.schema.json', 'utf8'))).toEqual(written);
  });

  it('keygen, pack --sign, verify --key: a round trip', async () => {
    const dir = tmp();
    const name = path.join(dir, 'museum');
    expect((await run('keygen', '--out', name)).code).toBe(0);
    expect((fs.statSync(`${name}.private.pem`).mode & 0o777).toString(8)).toBe('600');
    const zip = path.join(dir, 'exhibit.zip');
    const packed = await run('pack', await makePackage(), '--out', zip, '--sign', `${name}.private.pem`);
    expect(packed.code, packed.err).toBe(0);
    expect(packed.out).toMatch(/Packed 6 files into .*exhibit\.zip, signed\./);
    const verified = await run('verify', zip, '--key', `${name}.public.pem`);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain('Every file matches the manifest, and the signature holds.');
    const other = path.join(dir, 'other');
    await run('keygen', '--out', other);
    const foreign = await run('verify', zip, '--key', `${other}.public.pem`);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toMatch(/signature\.json: is signed with key .* which this kiosk does not trust/);
  });

  it('sign: signs an unpacked folder after pack; verify refuses a folder without a manifest', async () => {
    const dir = tmp();
    await run('keygen', '--out', path.join(dir, 'k'));
    const zip = path.join(dir, 'p.zip');
    expect((await run('pack', await makePackage(), '--out', zip)).code).toBe(0);
    const unpacked = path.join(dir, 'unpacked');
    execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, unpacked]);
    expect((await run('verify', unpacked, '--key', path.join(dir, 'k.public.pem'))).code).toBe(1);
    expect((await run('sign', unpacked, '--key', path.join(dir, 'k.private.pem'))).code).toBe(0);
    expect((await run('verify', unpacked, '--key', path.join(dir, 'k.public.pem'))).code).toBe(0);
    const bare = await run('verify', await makePackage());
    expect(bare.code).toBe(1);
    expect(bare.err).toContain('manifest.json: is missing');
  });

  it('pack refuses a broken package and writes nothing', async () => {
    const out = path.join(tmp(), 'x.zip');
    const r = await run('pack', await makePackage((e) => (e.title = {})), '--out', out);
    expect(r.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('install --data honours the keys that trust-key --data made the folder trust, and says so when none is trusted', async () => {
    const data = tmp();
    const keys = tmp();
    expect((await run('keygen', '--out', path.join(keys, 'museum'))).code).toBe(0);
    const unsigned = await makePackedFolder('2.0.0');
    const signed = await makePackedFolder('2.1.0', fs.readFileSync(path.join(keys, 'museum.private.pem'), 'utf8'));
    const open = await run('install', unsigned.dir, '--data', data, '--yes');
    expect(open.code).toBe(0);
    expect(open.out).toContain('trusts no signing key');
    expect((await run('trust-key', '--data', data, '--key', path.join(keys, 'museum.public.pem'))).code).toBe(0);
    const refused = await run('install', (await makePackedFolder('3.0.0')).dir, '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('✗ signature.json: is missing: this kiosk accepts signed packages only');
    const accepted = await run('install', signed.dir, '--data', data);
    expect(accepted.code, accepted.err).toBe(0);
    expect(accepted.out).not.toContain('trusts no signing key');
  });

  it('install asks for --yes before another exhibit replaces the built-in one', async () => {
    const data = tmp();
    const r = await run('install', (await makePackedFolder('1.0.0')).dir, '--data', data);
    expect(r.code).toBe(1);
    expect(r.err).toContain('✗ exhibit.json: id: is the exhibit "fixture", not "kharkiv-luoyang" that is on screen; confirm to replace it');
    expect(r.err).toContain('Run again with --yes');
  });

  it('says how to use it on a wrong command', async () => {
    const r = await run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: kiosk-content');
  });

  it('runs as the package bin (npx kiosk-content)', async () => {
    const dir = await makePackage();
    const r = spawnSync('npx', ['--no-install', 'kiosk-content', 'validate', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('OK:');
  });
});
