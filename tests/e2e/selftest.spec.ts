import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type en from '../../locales/en/common.json';
import { DEFAULT_EXHIBIT } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';

type Strings = (typeof en)['selftest'];
const ui = (lang: string): Strings => (JSON.parse(fs.readFileSync(`locales/${lang}/common.json`, 'utf8')) as { selftest: Strings }).selftest;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_m, k: string) => String(values[k]));

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('the self-test shows the fonts, the WebGL renderer, two fingers at once, the frame rate and the content version', async ({ page }) => {
  const s = ui('en');
  await page.goto(`${host.url}#selftest/en`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.title);

  const fonts = region(page, s.fonts.title);
  await expect(fonts.getByText(s.fonts.present, { exact: true })).toHaveCount(3);
  await expect(fonts.getByText(s.fonts.missing, { exact: true })).toHaveCount(0);
  for (const sample of ['中文', 'Русский', 'English']) await expect(fonts.getByText(sample, { exact: true })).toBeVisible();

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

test('the self-test opens in Chinese by default and finds the bundled font for all three languages', async ({ page }) => {
  const s = ui('zh-Hans');
  await page.goto(`${host.url}#selftest`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(region(page, s.fonts.title).getByText(s.fonts.present, { exact: true })).toHaveCount(3);
});
