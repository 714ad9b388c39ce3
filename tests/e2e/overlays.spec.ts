import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { enterPin, holdCorners, PIN, setPin } from './staff.ts';
import { Touch } from './touch.ts';

const zh = strings('zh-Hans');
const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);

async function open(page: Page, host: KioskHost): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
}

/** The kiosk behind the overlay: inert, hidden from assistive technology, its buttons out of focus's reach. */
async function kioskBehindIsOutOfReach(page: Page): Promise<void> {
  const behind = page.locator('.kiosk-content');
  await expect(behind).toHaveAttribute('inert', '');
  await expect(behind).toHaveAttribute('aria-hidden', 'true');
  const focusable = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.kiosk-content button')].some((b) => {
      b.focus();
      return document.activeElement === b;
    }),
  );
  expect(focusable).toBe(false);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const names = nodes.filter((n) => !n.ignored).map((n) => String(n.name?.value ?? ''));
  for (const name of [zh.nav!.largeText, zh.nav!.bar, textOf(exhibit.title, 'zh-Hans')]) expect(names).not.toContain(name);
}

test.describe('staff overlays', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-overlays-'));
    setPin(data);
    host = await startHost({ dataDir: data });
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('behind the PIN pad and the admin screen the kiosk is inert and hidden, and a tap where a home tile is opens nothing', async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'landscape', 'what is inert does not depend on the orientation');
    const touch = await Touch.on(page);
    await open(page, host);
    const tile = (await live(page, '.section-tile').first().boundingBox())!;
    const onTile = { x: tile.x + tile.width / 2, y: tile.y + tile.height / 2 };

    await holdCorners(page, touch);
    const pin = page.getByRole('dialog', { name: zh.admin!.pinTitle });
    await expect(pin).toBeVisible();
    await kioskBehindIsOutOfReach(page);
    await touch.hold(onTile, 50);
    await page.waitForTimeout(400);
    await expect(pin).toBeVisible();
    await expect(live(page, '.home')).toBeVisible();
    await expect(page.locator('.section-screen')).toHaveCount(0);

    await enterPin(page, PIN);
    await expect(page.getByRole('heading', { level: 1, name: zh.admin!.title, exact: true })).toBeVisible();
    await kioskBehindIsOutOfReach(page);
    await touch.hold(onTile, 50);
    await page.waitForTimeout(400);
    await expect(page.getByRole('heading', { level: 1, name: zh.admin!.title, exact: true })).toBeVisible();
    await expect(page.locator('.section-screen')).toHaveCount(0);

    await page.getByRole('button', { name: zh.admin!.close, exact: true }).tap();
    await expect(page.locator('.kiosk-content')).not.toHaveAttribute('inert');
    await expect(page.locator('.kiosk-content')).not.toHaveAttribute('aria-hidden');
    await live(page, '.section-tile').first().tap();
    await expect(live(page, '.section-screen')).toBeVisible();
  });
});

test.describe('the idle dialog', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startHost({ idle: 6, countdown: 60 });
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('behind the idle dialog the kiosk is inert and hidden; a tap anywhere still continues', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'landscape', 'what is inert does not depend on the orientation');
    await open(page, host);
    const dialog = page.getByRole('alertdialog', { name: zh.idle!.title });
    await expect(dialog).toBeVisible({ timeout: 20_000 });
    await kioskBehindIsOutOfReach(page);
    await page.mouse.click(300, 300);
    await expect(dialog).toBeHidden();
    await expect(page.locator('.kiosk-content')).not.toHaveAttribute('inert');
  });
});
