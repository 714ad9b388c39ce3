import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN,
  compareVersions,
  confirmationFor,
  onScreenOf,
  pointerPath,
  readPointer,
  rollbackTarget,
  statusOf,
  switchActive,
  type InstalledVersion,
} from '../../../../core/import/versions.ts';

const version = (name: string, v: string, sequence: number): InstalledVersion => ({
  name,
  dir: `/data/content/versions/${name}/package`,
  id: 'kharkiv-luoyang',
  version: v,
  sequence,
  installedAt: '2026-01-01T00:00:00.000Z',
  source: 'exhibit.zip',
  languages: ['zh-Hans', 'ru', 'en'],
  sections: 5,
  stories: 3,
});
const v3 = version('0003-kharkiv-luoyang-1.2.0', '1.2.0', 3);
const v2 = version('0002-kharkiv-luoyang-1.1.0', '1.1.0', 2);
const v1 = version('0001-kharkiv-luoyang-1.0.0', '1.0.0', 1);

describe('versions: what is on screen', () => {
  it('is the version the pointer names when it is complete, else the built-in exhibit', () => {
    expect(statusOf(v2.name, [v3, v2, v1])).toEqual({ active: v2, previous: [v3, v1] });
    expect(statusOf('0009-gone-1.0.0', [v3, v2])).toEqual({ active: null, previous: [v3, v2] });
    expect(statusOf(undefined, [])).toEqual({ active: null, previous: [] });
    const builtIn = { id: 'kharkiv-luoyang', version: '1.0.0' };
    expect(onScreenOf(v2, builtIn)).toBe(v2);
    expect(onScreenOf(null, builtIn)).toBe(builtIn);
    expect(onScreenOf(null)).toBeNull();
  });

  it('compares versions as semver', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0-beta', '2.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
  });
});

describe('versions: what staff must confirm', () => {
  const onScreen = { id: 'kharkiv-luoyang', version: '1.1.0' };
  it('asks before the same version, an older one or another exhibit, and not before a newer one', () => {
    expect(confirmationFor(onScreen, { id: 'kharkiv-luoyang', version: '1.2.0' })).toBeUndefined();
    expect(confirmationFor(onScreen, { id: 'kharkiv-luoyang', version: '1.1.0' })).toEqual({
      active: '1.1.0',
      incoming: '1.1.0',
      reason: 'same',
      activeId: 'kharkiv-luoyang',
      incomingId: 'kharkiv-luoyang',
    });
    expect(confirmationFor(onScreen, { id: 'kharkiv-luoyang', version: '1.1.0-rc.1' })).toMatchObject({ reason: 'older' });
    expect(confirmationFor(onScreen, { id: 'museum-own', version: '9.0.0' })).toMatchObject({
      reason: 'other-exhibit',
      activeId: 'kharkiv-luoyang',
      incomingId: 'museum-own',
    });
  });

  it('asks nothing when it cannot tell what is on screen', () => {
    expect(confirmationFor(null, { id: 'kharkiv-luoyang', version: '0.1.0' })).toBeUndefined();
  });
});

describe('versions: where a rollback goes', () => {
  const status = { active: v3, previous: [v2, v1] };
  it('goes to the newest kept version, to the one named, or to the built-in exhibit', () => {
    expect(rollbackTarget(status)).toEqual({ ok: true, target: v2 });
    expect(rollbackTarget(status, v1.name)).toEqual({ ok: true, target: v1 });
    expect(rollbackTarget(status, BUILT_IN)).toEqual({ ok: true, target: BUILT_IN });
  });

  it('refuses, with a code, a name that is not kept (the active one included) and a rollback with nothing kept', () => {
    expect(rollbackTarget(status, v3.name)).toEqual({ ok: false, refusal: { code: 'no-such-version', name: v3.name } });
    expect(rollbackTarget(status, 'nonsense')).toEqual({ ok: false, refusal: { code: 'no-such-version', name: 'nonsense' } });
    expect(rollbackTarget({ active: v3, previous: [] })).toEqual({ ok: false, refusal: { code: 'no-earlier-version' } });
  });

  it('switches by the pointer alone: a version is named in it, the built-in exhibit is no pointer at all', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'switch-'));
    fs.mkdirSync(path.join(data, 'content'));
    await switchActive(data, v2);
    expect(await readPointer(data)).toBe(v2.name);
    await switchActive(data, v1.name);
    expect(await readPointer(data)).toBe(v1.name);
    await switchActive(data, BUILT_IN);
    expect(fs.existsSync(pointerPath(data))).toBe(false);
    await switchActive(data, BUILT_IN);
    expect(fs.existsSync(pointerPath(data))).toBe(false);
  });
});
