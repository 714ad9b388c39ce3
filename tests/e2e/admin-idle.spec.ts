import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { openAdmin, setPin } from './staff.ts';
import { Touch } from './touch.ts';

// The visitor's idle times are short here (4 s, then a 2 s countdown), so that the test can
// wait well past them with the admin side open.
let host: KioskHost;

test.beforeAll(async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-admin-idle-'));
  setPin(data);
  host = await startHost({ dataDir: data, idle: 4, countdown: 2 });
});
test.afterAll(async () => {
  await host?.stop();
});

test('the admin screen stays open and unlocked while staff read it, however long; the visitor clock starts afresh when it closes', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'landscape', 'one layout is enough for this long test');
  test.setTimeout(90_000);
  const touch = await Touch.on(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await openAdmin(page, touch, 'Administration');
  // Three times the visitor's whole idle time without a touch.
  await page.waitForTimeout(18_000);
  await expect(page.getByRole('heading', { level: 1, name: 'Administration', exact: true })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('.attract-picture, .attract-titles')).toHaveCount(0);
  await page.getByRole('button', { name: 'Close and lock', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration', exact: true })).toHaveCount(0);
  // Closed: the visitor's clock runs from now, not from the last touch before the admin side opened.
  await page.waitForTimeout(2_500);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 6_000 });
});
