import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { kioskChromiumArgs, writeLaunchPage } from '../../browser-host/chromium.ts';
import { openKiosk, startHost, watchOutsideRequests, type KioskHost } from './kiosk-host.ts';

const MINIMAL = 'tests/fixtures/packages/minimal';
let host: KioskHost;

test.beforeAll(async () => {
  host = await startHost({ content: MINIMAL });
});
test.afterAll(async () => {
  await host.stop();
});

test('opens in Chinese with the package title and a trilingual switcher', async ({ page }) => {
  const outside = watchOutsideRequests(page, host.origin);
  await openKiosk(page, host);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展览');
  for (const name of ['中文', 'Русский', 'English']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  expect(outside).toEqual([]);
});

test('tapping Русский then English switches every visible word and <html lang>', async ({ page }) => {
  await openKiosk(page, host);
  const main = page.getByRole('main');
  await page.getByRole('button', { name: 'Русский' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Тестовая выставка');
  await expect(main).toContainText('Разделы выставки');
  await expect(main).toContainText('Первый раздел');
  await expect(main).not.toContainText(/[\u4e00-\u9fff]/);
  await expect(page.getByRole('navigation')).toHaveAccessibleName('Язык');

  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test exhibition');
  await expect(main).toContainText('Exhibition sections');
  await expect(main).not.toContainText(/[\u4e00-\u9fff\u0400-\u04ff]/);

  await page.getByRole('button', { name: '中文' }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('测试展览');
  await expect(main).toContainText('展览单元');
});

test('draws Chinese with the bundled Noto Sans SC font', async ({ page }) => {
  await openKiosk(page, host);
  const drawn = await page.evaluate(async () => {
    await document.fonts.load('700 40px "Noto Sans SC Variable"', '测试展览');
    await document.fonts.ready;
    return {
      check: document.fonts.check('700 40px "Noto Sans SC Variable"', '测试展览'),
      family: getComputedStyle(document.querySelector('h1')!).fontFamily,
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family),
    };
  });
  expect(drawn.check).toBe(true);
  expect(drawn.family).toContain('Noto Sans SC Variable');
  expect(drawn.loaded).toContain('Noto Sans SC Variable');
});

test('the host refuses pages without the token, wrong hosts and bad requests', async ({ request }) => {
  const port = new URL(host.url).port;
  expect((await request.get(`http://127.0.0.1:${port}/`)).status()).toBe(403);
  expect((await request.get(`http://127.0.0.1:${port}/?t=wrong`)).status()).toBe(403);
  expect((await request.get(host.url, { headers: { Host: 'attacker.example:80' } })).status()).toBe(421);
  const token = new URL(host.url).searchParams.get('t')!;
  const invoke = (headers: Record<string, string>, data: unknown) =>
    request.post(`http://127.0.0.1:${port}/__kiosk/invoke`, { headers: { 'Content-Type': 'application/json', ...headers }, data });
  expect((await invoke({}, { channel: 'content:current' })).status()).toBe(403);
  expect((await invoke({ 'X-Kiosk-Token': token }, { channel: 'fs:read', payload: '/etc/passwd' })).status()).toBe(400);
  expect((await invoke({ 'X-Kiosk-Token': token }, { channel: 'content:current', payload: { extra: 1 } })).status()).toBe(400);
  const ok = await invoke({ 'X-Kiosk-Token': token }, { channel: 'content:current' });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { result: { exhibit: { id: string } } }).result.exhibit.id).toBe('minimal-test');
  expect((await request.get(`http://127.0.0.1:${port}/content/unknown/exhibit.json`)).status()).toBe(404);
  // An escaped slash is a malformed address (core/serve's route), refused before any file is looked for.
  expect((await request.get(`http://127.0.0.1:${port}/content/x/..%2f..%2fpackage.json`)).status()).toBe(400);
  const page = await request.get(host.url);
  expect(page.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(page.headers()['content-security-policy']).not.toContain('unsafe');
});

test('a null body, a malformed escape and a flood of event streams are refused, not answered with 500', async ({ request }) => {
  const port = new URL(host.url).port;
  const token = new URL(host.url).searchParams.get('t')!;
  const nullBody = await request.post(`http://127.0.0.1:${port}/__kiosk/invoke`, {
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
    data: 'null',
  });
  expect(nullBody.status()).toBe(400);
  expect((await request.get(`http://127.0.0.1:${port}/content/%E0%A4%A/exhibit.json`)).status()).toBe(400);
  const controllers: AbortController[] = [];
  const statuses: number[] = [];
  try {
    for (let i = 0; i < 10; i += 1) {
      const controller = new AbortController();
      controllers.push(controller);
      statuses.push((await fetch(`http://127.0.0.1:${port}/__kiosk/events?t=${token}`, { signal: controller.signal })).status);
    }
  } finally {
    for (const c of controllers) c.abort();
  }
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(8);
  expect(statuses.slice(-2)).toEqual([429, 429]);
});

test('Chromium is started on a launch page only the kiosk user can read, never with the token on its command line', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'launch-'));
  const launch = await writeLaunchPage(dir, host.url);
  const args = kioskChromiumArgs(launch, path.join(dir, 'profile'));
  const token = new URL(host.url).searchParams.get('t')!;
  expect(args.join(' ')).not.toContain(token);
  expect(args).toContain(`--app=${launch}`);
  expect(fs.statSync(new URL(launch)).mode & 0o777).toBe(0o600);
  await page.goto(launch);
  await expect(page).toHaveURL(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
