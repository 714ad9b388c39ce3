import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../../core/settings.ts';

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
    expect(await store.update({ idleSeconds: 120 })).toEqual({ idleSeconds: 120, countdownSeconds: 3 });
    expect(JSON.parse(fs.readFileSync(path.join(d, 'settings.json'), 'utf8'))).toEqual({ idleSeconds: 120, countdownSeconds: null });
    expect(fs.readdirSync(d)).toEqual(['settings.json']);
  });

  it('refuses values out of range', async () => {
    await expect(new SettingsStore(dir()).update({ idleSeconds: -1 })).rejects.toThrow();
  });
});
