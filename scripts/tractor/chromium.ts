/** Headless Chromium for the build scripts: the system browser, no network, no downloads. */
import { type Browser, chromium } from '@playwright/test';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const QUIET_FLAGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** For drawing text: no GPU needed. */
export function launchForText(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...QUIET_FLAGS, '--disable-gpu'] });
}

/** For WebGL renders through SwiftShader. */
export function launchForWebGL(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...QUIET_FLAGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'],
  });
}
