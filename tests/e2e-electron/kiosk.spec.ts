import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron, NO_RUNTIME } from './electron-runtime.ts';

const executablePath = findElectron();
test.skip(!executablePath, NO_RUNTIME);

test('the Electron kiosk shows the default exhibit and switches language', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-electron-'));
  const app = await electron.launch({ executablePath: executablePath!, args: ['.'], env: { ...process.env, KIOSK_DATA_DIR: dataDir } });
  const page = await app.firstWindow();
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!/^(app|data|blob):/.test(r.url())) outside.push(r.url());
  });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.kiosk))).toEqual(['invoke', 'on']);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(outside).toEqual([]);
  await app.close();
});
