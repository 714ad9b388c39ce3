import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AdminService } from '../../../core/admin/admin-service.ts';
import { PinStore } from '../../../core/admin/pin.ts';
import { ContentStore } from '../../../core/content/store.ts';
import { ContractError, type SelfTestInfo } from '../../../core/contract.ts';
import { KioskService } from '../../../core/kiosk-service.ts';
import { diskSpace, gatherSelfTest } from '../../../core/selftest.ts';
import { SettingsStore } from '../../../core/settings.ts';

const MINIMAL = path.resolve('tests/fixtures/packages/minimal');
const host = { host: 'electron' as const, appVersion: '1.2.3', platform: 'linux' };

function service(options: Partial<ConstructorParameters<typeof KioskService>[0]> = {}) {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'selftest-'));
  return new KioskService({
    content: new ContentStore({ dataDir: data, defaultDir: MINIMAL }),
    settings: new SettingsStore(data),
    host,
    contentBaseUrl: '/content/',
    dataDir: data,
    ...options,
  });
}

/** A kiosk service with its staff side, the PIN set to 123456 and the admin screen still locked. */
async function withAdmin() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'selftest-admin-'));
  const content = new ContentStore({ dataDir: data, defaultDir: MINIMAL });
  const pins = new PinStore(data);
  await pins.set('123456');
  const admin = new AdminService({
    dataDir: data,
    content,
    pins,
    sticks: () => [],
    refresh: async () => ({ key: (await content.refresh()).key }),
    push: () => {},
  });
  return { admin, service: service({ content, dataDir: data, admin }) };
}

describe('field self-test (host side)', () => {
  it('reports free disk space of the data directory from statfs', async () => {
    const statfs = vi.fn(async () => ({ bavail: 1000n, blocks: 4000n, bsize: 4096n }));
    expect(await diskSpace('/data', statfs)).toEqual({ freeBytes: 4096 * 1000, totalBytes: 4096 * 4000 });
    expect(statfs).toHaveBeenCalledWith('/data');
    const real = await diskSpace(os.tmpdir());
    expect(real!.freeBytes).toBeGreaterThan(0);
    expect(real!.totalBytes).toBeGreaterThanOrEqual(real!.freeBytes);
  });

  it('reports what it cannot read as unknown instead of failing', async () => {
    const info = await gatherSelfTest({
      host,
      dataDir: '/no/such/dir',
      active: () => Promise.reject(new Error('no package')),
      process: { arch: 'x64', versions: { node: '20.0.0' } as NodeJS.ProcessVersions },
    });
    expect(info).toEqual({
      host: 'electron',
      appVersion: '1.2.3',
      platform: 'linux',
      arch: 'x64',
      versions: { node: '20.0.0' },
      content: null,
      disk: null,
    });
  });

  it('names the Electron and Chromium versions under Electron', async () => {
    const info = await gatherSelfTest({
      host,
      dataDir: undefined,
      active: () => Promise.reject(new Error('none')),
      process: { arch: 'arm64', versions: { node: '22.0.0', electron: '45.5.0', chrome: '142.0.0.0' } as NodeJS.ProcessVersions },
    });
    expect(info.versions).toEqual({ node: '22.0.0', electron: '45.5.0', chrome: '142.0.0.0' });
  });

  it('answers selftest:info only once the PIN has unlocked the admin screen, with the package on screen, its version and the disk', async () => {
    const { service: s, admin } = await withAdmin();
    await expect(s.invoke('selftest:info', undefined)).rejects.toThrow(/selftest:info: refused, the admin screen is locked/);
    await expect(service().invoke('selftest:info', undefined)).rejects.toBeInstanceOf(ContractError);
    expect(await admin.unlock('123456')).toEqual({ ok: true });
    const info = (await s.invoke('selftest:info', undefined)) as SelfTestInfo;
    expect(info.content).toEqual({ id: 'minimal-test', version: '1.0.0', source: 'default', languages: ['zh-Hans', 'ru', 'en'] });
    expect(info.appVersion).toBe('1.2.3');
    expect(info.disk!.freeBytes).toBeGreaterThan(0);
  });

  it('passes the renderer heartbeat to the host, and refuses a malformed one', async () => {
    const onHeartbeat = vi.fn();
    const s = service({ onHeartbeat });
    expect(await s.invoke('app:heartbeat', { rendered: true })).toEqual({ ok: true });
    expect(onHeartbeat).toHaveBeenCalledWith({ rendered: true });
    await expect(s.invoke('app:heartbeat', { rendered: 'yes' })).rejects.toBeInstanceOf(ContractError);
    await expect(s.invoke('app:heartbeat', { rendered: true, extra: 1 })).rejects.toBeInstanceOf(ContractError);
    expect(onHeartbeat).toHaveBeenCalledTimes(1);
  });

  it('gives the exhibit title for the safe-mode page, or nothing when no package can be read', async () => {
    expect(await service().exhibitTitle()).toMatchObject({ en: ['Test exhibition'] });
    const broken = service({ content: { active: () => Promise.reject(new Error('damaged')) } as unknown as ContentStore });
    expect(await broken.exhibitTitle()).toBeUndefined();
  });
});
