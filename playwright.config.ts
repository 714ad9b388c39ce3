import { defineConfig } from '@playwright/test';
import { OFFLINE_FLAGS } from './browser-host/chromium.ts';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = {
  executablePath,
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', ...OFFLINE_FLAGS],
};
const touch = { hasTouch: true, isMobile: false, reducedMotion: 'reduce' as const, locale: 'zh-CN', launchOptions };

/** End-to-end tests in Debian's Chromium, touch emulated, in both kiosk orientations. */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  globalSetup: './tests/e2e/global-setup.ts',
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'landscape', testDir: 'tests/e2e', use: { ...touch, viewport: { width: 1920, height: 1080 } } },
    { name: 'portrait', testDir: 'tests/e2e', use: { ...touch, viewport: { width: 1080, height: 1920 } } },
    { name: 'electron', testDir: 'tests/e2e-electron' },
  ],
});
