import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, hidesCursor, SettingsStore } from '../../../core/settings.ts';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));

describe('settings', () => {
  it('starts from the defaults when there is no file or it is damaged', async () => {
    const d = dir();
    expect(await new SettingsStore(d).read()).toEqual(DEFAULT_SETTINGS);
    fs.writeFileSync(path.join(d, 'settings.json'), '{"idleSeconds": "soon"');
    expect(await new SettingsStore(d).read()).toEqual(DEFAULT_SETTINGS);
  });

  it('writes changes atomically and keeps overrides out of the file', async () => {
    const d = dir();
    const store = new SettingsStore(d, { countdownSeconds: 3 });
    expect(await store.update({ idleSeconds: 120 })).toMatchObject({ idleSeconds: 120, countdownSeconds: 3 });
    expect(JSON.parse(fs.readFileSync(path.join(d, 'settings.json'), 'utf8'))).toMatchObject({ idleSeconds: 120, countdownSeconds: null });
    expect(fs.readdirSync(d)).toEqual(['settings.json']);
  });

  it('refuses values out of range', async () => {
    await expect(new SettingsStore(dir()).update({ idleSeconds: -1 })).rejects.toThrow();
  });

  it('keeps the hardening settings: nightly restart time, memory ceiling, cursor', async () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ nightlyRestart: null, memoryCeilingMb: null, hideCursor: 'touch' });
    const store = new SettingsStore(dir());
    expect(await store.update({ nightlyRestart: '03:30', memoryCeilingMb: 1500, hideCursor: 'always' })).toMatchObject({
      nightlyRestart: '03:30',
      memoryCeilingMb: 1500,
      hideCursor: 'always',
    });
    for (const bad of [{ nightlyRestart: '3:30' }, { nightlyRestart: '25:00' }, { memoryCeilingMb: 10 }, { hideCursor: 'sometimes' }])
      await expect(store.update(bad as never)).rejects.toThrow();
  });

  it('hides the cursor on touch screens unless told otherwise', () => {
    expect(hidesCursor('touch', ['unavailable', 'available'])).toBe(true);
    expect(hidesCursor('touch', ['unavailable'])).toBe(false);
    expect(hidesCursor('touch', ['unknown'])).toBe(false);
    expect(hidesCursor('always', ['unavailable'])).toBe(true);
    expect(hidesCursor('never', ['available'])).toBe(false);
  });
});
