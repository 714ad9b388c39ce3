import { describe, expect, it } from 'vitest';
import { appLayout, defaultDataDir } from '../../../core/paths.ts';
import { kioskCsp } from '../../../core/csp.ts';

describe('paths and policy', () => {
  it('puts data in the platform app-data folder, like Electron userData', () => {
    expect(defaultDataDir('linux', {}, '/home/m')).toBe('/home/m/.config/dongfanghong-kiosk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/m')).toBe('/cfg/dongfanghong-kiosk');
    expect(defaultDataDir('darwin', {}, '/Users/m')).toBe('/Users/m/Library/Application Support/dongfanghong-kiosk');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\m\\AppData\\Roaming' }, 'C:\\Users\\m')).toBe(
      'C:\\Users\\m\\AppData\\Roaming\\dongfanghong-kiosk',
    );
    expect(appLayout('/app').defaultContentDir).toBe('/app/assets/content');
  });

  it('allows nothing from outside the app: no remote origins, no eval, no inline script', () => {
    const csp = kioskCsp('app://content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe|https?:|\*/);
    expect(csp).toContain('app://content');
  });
});
