import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore, PackageError } from '../../../../core/content/store.ts';
import { pointerPath as pointerFile } from '../../../../core/import/versions.ts';

const MINIMAL = path.resolve('tests/fixtures/packages/minimal');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
}

function copyPackage(to: string, change?: (exhibit: Record<string, unknown>) => void): void {
  fs.cpSync(MINIMAL, to, { recursive: true });
  if (change) {
    const file = path.join(to, 'exhibit.json');
    const exhibit = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    change(exhibit);
    fs.writeFileSync(file, JSON.stringify(exhibit));
  }
}

describe('content store', () => {
  it('shows the embedded default when the data directory has no content', async () => {
    const store = new ContentStore({ dataDir: tempDir(), defaultDir: MINIMAL });
    const active = await store.active();
    expect(active.source).toBe('default');
    expect(active.exhibit.id).toBe('minimal-test');
    expect(active.languages).toEqual(['zh-Hans', 'ru', 'en']);
  });

  it('shows the installed version the pointer names', async () => {
    const data = tempDir();
    copyPackage(path.join(data, 'content', 'versions', 'v2', 'package'), (e) => (e.version = '2.0.0'));
    fs.writeFileSync(pointerFile(data), JSON.stringify({ version: 'v2' }));
    const active = await new ContentStore({ dataDir: data, defaultDir: MINIMAL }).active();
    expect(active.source).toBe('installed');
    expect(active.exhibit.version).toBe('2.0.0');
  });

  it('falls back to the default when the installed version is damaged or the pointer is hostile', async () => {
    const data = tempDir();
    fs.mkdirSync(path.join(data, 'content', 'versions', 'bad', 'package'), { recursive: true });
    fs.writeFileSync(path.join(data, 'content', 'versions', 'bad', 'package', 'exhibit.json'), '{ broken');
    fs.writeFileSync(pointerFile(data), JSON.stringify({ version: 'bad' }));
    expect((await new ContentStore({ dataDir: data, defaultDir: MINIMAL }).active()).source).toBe('default');
    fs.writeFileSync(pointerFile(data), JSON.stringify({ version: '../../etc' }));
    expect((await new ContentStore({ dataDir: data, defaultDir: MINIMAL }).active()).source).toBe('default');
    fs.writeFileSync(pointerFile(data), 'not json');
    expect((await new ContentStore({ dataDir: data, defaultDir: MINIMAL }).active()).source).toBe('default');
  });

  it('gives the same version installed again a new key, so the screen is told to reload it', async () => {
    const { importPackage } = await import('../../../../core/import/pipeline.ts');
    const { makePackedFolder } = await import('../../../fixtures/make-package.ts');
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'store-again-'));
    const pkg = await makePackedFolder('1.0.0');
    const store = new ContentStore({ dataDir: data, defaultDir: path.resolve('tests/fixtures/packages/minimal') });
    expect((await importPackage({ source: pkg.dir, dataDir: data, allowSameOrOlder: true })).ok).toBe(true);
    const first = (await store.refresh()).key;
    expect((await importPackage({ source: pkg.dir, dataDir: data, allowSameOrOlder: true })).ok).toBe(true);
    const second = await store.refresh();
    expect(second.exhibit.version).toBe('1.0.0');
    expect(second.key).not.toBe(first);
  });

  it('shows a preview folder instead, and refuses a broken one with every problem', async () => {
    const preview = tempDir();
    copyPackage(preview, (e) => {
      e.version = 'one';
      e.title = {};
    });
    const store = new ContentStore({ dataDir: tempDir(), defaultDir: MINIMAL, previewDir: preview });
    const error = await store.active().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^exhibit\.json: version: /), expect.stringMatching(/^exhibit\.json: title: /)]),
    );
  });

  it('offers only the languages the package has complete', async () => {
    const dir = tempDir();
    copyPackage(dir, (e) => {
      (e.title as Record<string, unknown>).ru = undefined;
      e.title = JSON.parse(JSON.stringify(e.title));
    });
    const active = await new ContentStore({ dataDir: tempDir(), defaultDir: dir }).active();
    expect(active.languages).toEqual(['zh-Hans', 'en']);
  });

  it('refuses a package from a future format with a clear message', async () => {
    const dir = tempDir();
    copyPackage(dir, (e) => (e.schemaVersion = 99));
    const error = (await new ContentStore({ dataDir: tempDir(), defaultDir: dir }).active().catch((e: unknown) => e)) as PackageError;
    expect(error.problems[0]).toMatch(/exhibit\.json: schemaVersion: this package needs a newer kiosk/);
  });
});
