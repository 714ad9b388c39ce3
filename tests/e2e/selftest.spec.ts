import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type en from '../../locales/en/common.json';
import { DEFAULT_EXHIBIT, LANGUAGES, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { openAdmin, setPin } from './staff.ts';
import { Touch } from './touch.ts';

type Locale = typeof en;
type Strings = Locale['selftest'];
const locale = (lang: string): Locale => JSON.parse(fs.readFileSync(`locales/${lang}/common.json`, 'utf8')) as Locale;
const ui = (lang: string): Strings => locale(lang).selftest;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_m, k: string) => String(values[k]));

let host: KioskHost;
test.beforeAll(async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-selftest-'));
  setPin(data);
  host = await startHost({ dataDir: data });
});
test.afterAll(async () => {
  await host.stop();
});

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Opens the self-test the way staff do: the kiosk in `lang`, the corner gesture, the PIN, the admin screen's self-test button. */
async function openSelfTest(page: Page, lang: string): Promise<void> {
  const touch = await Touch.on(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: LANGUAGES.find((l) => l.code === lang)!.name, exact: true }).tap();
  await openAdmin(page, touch, locale(lang).admin.title);
  await page.getByRole('button', { name: locale(lang).admin.selfTest, exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: ui(lang).title, exact: true })).toBeVisible();
}

test('the self-test shows the fonts, the WebGL renderer, two fingers at once, the frame rate and the content version', async ({ page }) => {
  const s = ui('en');
  await openSelfTest(page, 'en');

  const fonts = region(page, s.fonts.title);
  await expect(fonts.getByText(s.fonts.present, { exact: true })).toHaveCount(LANGUAGES.length);
  await expect(fonts.getByText(s.fonts.missing, { exact: true })).toHaveCount(0);
  for (const { name } of LANGUAGES) await expect(fonts.getByText(name, { exact: true })).toBeVisible();

  await expect(region(page, s.graphics.title)).toContainText(/SwiftShader/);

  const touch = region(page, s.touch.title);
  const hint = (await page.getByText(s.touch.hint).boundingBox())!;
  const y = hint.y + hint.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [
      { x: hint.x + hint.width * 0.25, y, id: 0 },
      { x: hint.x + hint.width * 0.75, y, id: 1 },
    ],
  });
  await expect(touch).toContainText(fill(s.touch.now, { n: 2 }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(touch).toContainText(fill(s.touch.now, { n: 0 }));
  await expect(touch).toContainText(fill(s.touch.max, { n: 2 }));
  await expect(touch).toContainText(fill(s.touch.total, { n: 2 }));

  const frameRate = region(page, s.frameRate.title);
  await expect(frameRate).toContainText(new RegExp(fill(s.frameRate.value, { fps: '\\d+' })));
  expect(Number(/(\d+)/.exec(await frameRate.innerText())![1])).toBeGreaterThan(0);

  await expect(region(page, s.content.title)).toContainText(fill(s.content.version, { version: DEFAULT_EXHIBIT.version }));
  await expect(region(page, s.disk.title)).toContainText(new RegExp(fill(s.disk.free, { free: '\\d+\\.\\d' })));

  for (const name of [s.sound.left, s.sound.right]) {
    const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
    expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(64);
  }
});

test('the self-test opens in Chinese by default and finds the bundled font for every language', async ({ page }) => {
  const s = ui('zh-Hans');
  await openSelfTest(page, 'zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(region(page, s.fonts.title).getByText(s.fonts.present, { exact: true })).toHaveCount(LANGUAGES.length);
});

test('the address #selftest opens no self-test without the PIN: a visitor sees the exhibit', async ({ page }) => {
  for (const hash of ['#selftest', '#selftest/en']) {
    await page.goto(`${host.url}${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(DEFAULT_EXHIBIT.title, 'zh-Hans'));
    for (const lang of LANGUAGES) await expect(page.getByRole('heading', { name: ui(lang.code).title, exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: ui('zh-Hans').touch.title, exact: true })).toHaveCount(0);
  }
});

test('the self-test always offers a readable way back to the admin screen, at least 64 px, in all three languages', async ({ page }) => {
  await openSelfTest(page, 'zh-Hans');
  for (const { code, name } of LANGUAGES) {
    const admin = locale(code).admin;
    await page.locator('.admin-header').getByRole('button', { name, exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name: ui(code).title, exact: true })).toBeVisible();
    const back = page.getByRole('button', { name: admin.backToAdmin, exact: true });
    await expect(back).toBeVisible();
    await expect(back).not.toHaveAttribute('aria-pressed');
    const box = (await back.boundingBox())!;
    expect(Math.min(box.width, box.height), code).toBeGreaterThanOrEqual(64);
    expect(box.x + box.width, code).toBeLessThanOrEqual(page.viewportSize()!.width);
    const contrast = await new AxeBuilder({ page }).include('.admin-header').withRules(['color-contrast']).analyze();
    expect(
      contrast.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' '))),
      code,
    ).toEqual([]);
    await back.tap();
    await expect(page.getByRole('heading', { level: 2, name: admin.onScreen, exact: true })).toBeVisible();
    await page.getByRole('button', { name: admin.selfTest, exact: true }).tap();
  }
});
