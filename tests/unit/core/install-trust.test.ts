import { describe, expect, it } from 'vitest';
import { writableInstallPaths } from '../../../core/install-trust.ts';

const deb = { platform: 'linux' as const, packaged: true, resourcesDir: '/opt/Dongfanghong Kiosk/resources' };

describe('where a Linux kiosk may run from (no asar integrity there)', () => {
  it('trusts the deb under /opt, which only root can write', () => {
    expect(writableInstallPaths({ ...deb, writable: () => false })).toEqual([]);
  });

  it('refuses an install folder the kiosk user can write', () => {
    expect(writableInstallPaths({ ...deb, writable: (p) => p === '/opt/Dongfanghong Kiosk' })).toEqual(['/opt/Dongfanghong Kiosk']);
  });

  it('refuses an AppImage in the kiosk user’s home, though its own mount is read-only', () => {
    const appImage = {
      platform: 'linux' as const,
      packaged: true,
      resourcesDir: '/tmp/.mount_Dongfa/resources',
      appImage: '/home/kiosk/Dongfanghong.AppImage',
    };
    const home = (p: string) => p.startsWith('/home/kiosk');
    expect(writableInstallPaths({ ...appImage, writable: home })).toEqual(['/home/kiosk/Dongfanghong.AppImage', '/home/kiosk']);
    expect(writableInstallPaths({ ...appImage, appImage: '/opt/kiosk/Dongfanghong.AppImage', writable: home })).toEqual([]);
  });

  it('leaves Windows and macOS to the asar integrity fuse, and a checkout to its developer', () => {
    expect(writableInstallPaths({ ...deb, platform: 'win32', writable: () => true })).toEqual([]);
    expect(writableInstallPaths({ ...deb, packaged: false, writable: () => true })).toEqual([]);
  });
});
