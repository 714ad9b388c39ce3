import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore } from '../../../core/content/store.ts';
import { pointerPath as pointerFile } from '../../../core/import/versions.ts';
import { ContractError } from '../../../core/contract.ts';
import { KioskService } from '../../../core/kiosk-service.ts';
import { SettingsStore } from '../../../core/settings.ts';

const MINIMAL = path.resolve('tests/fixtures/packages/minimal');

function service(data = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-')), overrides = {}) {
  return {
    data,
    service: new KioskService({
      content: new ContentStore({ dataDir: data, defaultDir: MINIMAL }),
      settings: new SettingsStore(data, overrides),
      host: { host: 'browser', appVersion: '0.0.0', platform: 'linux' },
      contentBaseUrl: '/content/',
    }),
  };
}

describe('kiosk service', () => {
  it('answers content:current with the exhibit, its languages and a versioned base URL', async () => {
    const { service: s } = service();
    const content = (await s.invoke('content:current', undefined)) as { exhibit: { id: string }; baseUrl: string; languages: string[] };
    expect(content.exhibit.id).toBe('minimal-test');
    expect(content.baseUrl).toMatch(/^\/content\/.+minimal-test.+\/$/);
    expect(content.languages).toEqual(['zh-Hans', 'ru', 'en']);
  });

  it('refuses unknown channels and payloads the contract does not allow', async () => {
    const { service: s } = service();
    await expect(s.invoke('fs:read', '/etc/passwd')).rejects.toBeInstanceOf(ContractError);
    await expect(s.invoke('content:current', { sneaky: true })).rejects.toThrow(/content:current/);
    await expect(s.invoke(42, undefined)).rejects.toBeInstanceOf(ContractError);
  });

  it('serves files of the active package only, and not through links or parent folders', async () => {
    const { service: s } = service();
    const content = (await s.invoke('content:current', undefined)) as { key: string };
    expect(await s.contentFile(content.key, 'exhibit.json')).toBe(fs.realpathSync(path.join(MINIMAL, 'exhibit.json')));
    expect(await s.contentFile(content.key, '../minimal/exhibit.json')).toBeUndefined();
    expect(await s.contentFile(content.key, '%2e%2e/x')).toBeUndefined();
    expect(await s.contentFile('another', 'exhibit.json')).toBeUndefined();
  });

  it('pushes content:changed when another package becomes active, and not otherwise', async () => {
    const { service: s, data } = service();
    const pushes: unknown[] = [];
    s.subscribe((channel, payload) => pushes.push([channel, payload]));
    await s.invoke('content:current', undefined);
    await s.refreshContent();
    expect(pushes).toHaveLength(0);
    const dir = path.join(data, 'content', 'versions', 'v2', 'package');
    fs.cpSync(MINIMAL, dir, { recursive: true });
    const file = path.join(dir, 'exhibit.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"1.0.0"', '"2.0.0"'));
    fs.writeFileSync(pointerFile(data), JSON.stringify({ version: 'v2' }));
    await s.refreshContent();
    expect(pushes).toHaveLength(1);
    expect((pushes[0] as [string, { exhibit: { version: string } }])[1].exhibit.version).toBe('2.0.0');
  });

  it('reports settings with command-line overrides on top', async () => {
    const { service: s } = service(undefined, { idleSeconds: 5 });
    expect(await s.invoke('settings:get', undefined)).toEqual({ idleSeconds: 5, countdownSeconds: null });
  });
});
