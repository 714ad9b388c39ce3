import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { openAdmin, setPin } from './staff.ts';
import { Touch } from './touch.ts';

/** Every request and websocket a page opens, and those that would leave the host (which are refused). */
interface Recording {
  requests: { url: string; type: string }[];
  outside: string[];
}

const stays = (url: string, origin: string) => url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:');

async function record(page: Page, origin: string): Promise<Recording> {
  const recording: Recording = { requests: [], outside: [] };
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (stays(url, origin)) return route.continue();
    recording.outside.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('request', (request) => {
    recording.requests.push({ url: request.url(), type: request.resourceType() });
    if (!stays(request.url(), origin)) recording.outside.push(request.url());
  });
  page.on('websocket', (socket) => recording.outside.push(socket.url()));
  return recording;
}

const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
const ui = strings('en');

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
  setPin(host.dataDir);
});
test.afterAll(async () => {
  await host.stop();
});

test('no request leaves 127.0.0.1 on any screen: pages, fonts, pictures, the 3D model, self-test and safe mode', async ({ page }) => {
  test.setTimeout(180_000);
  const { requests, outside } = await record(page, host.origin);
  const title = page.getByRole('heading', { level: 1 });
  const home = textOf(exhibit.title, 'en');

  await page.goto(host.url);
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await expect(title).toHaveText(home);

  for (const section of exhibit.sections) {
    await page
      .getByRole('button', { name: textOf(section.title, 'en') })
      .first()
      .tap();
    await expect(title).toHaveText(textOf(section.title, 'en'));
    await live(page, '.section-panels').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect
      .poll(() => live(page, '.section-panels img').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
      .toBe(true);
    await page.getByRole('button', { name: ui.nav!.back, exact: true }).tap();
    await expect(title).toHaveText(home);
  }

  for (const story of exhibit.stories) {
    await live(page, `.story-card[data-story="${story.id}"]`).tap();
    for (const slide of story.slides.slice(1)) {
      await page.getByRole('button', { name: ui.story!.next }).tap();
      await expect(live(page, 'main')).toHaveAttribute('data-slide', slide.id);
    }
    await page.getByRole('button', { name: ui.nav!.back, exact: true }).tap();
    await expect(title).toHaveText(home);
  }

  await page.locator('.screen:not([inert]) .model-card').first().tap();
  await expect(page.locator('.screen:not([inert])[data-screen="model"]')).toBeVisible();
  // The model's files (its poster, and the glTF once the viewer loads it) come from the package on the host.
  await expect.poll(() => requests.some((r) => r.url.includes('/models/')), { timeout: 30_000 }).toBe(true);
  await page.getByRole('button', { name: ui.nav!.home }).tap();
  await expect(title).toHaveText(home);

  await page.getByRole('button', { name: ui.home!.credits }).tap();
  await expect(title).toHaveText(ui.credits!.title!);

  await page.reload();
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await expect(title).toHaveText(home);
  await openAdmin(page, await Touch.on(page), ui.admin!.title!);
  await page.getByRole('button', { name: ui.admin!.selfTest, exact: true }).tap();
  await expect(page.getByRole('region', { name: '3D graphics (WebGL)' })).toContainText(/SwiftShader/);
  await page.getByRole('button', { name: ui.admin!.close, exact: true }).tap();

  await page.goto(`${host.origin}/safe-mode/?t=${new URL(host.url).searchParams.get('t')}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
  await page.evaluate(() => document.fonts.ready);

  expect(outside).toEqual([]);
  // The recording saw the kiosk's traffic: pages, scripts, styles, fonts, pictures, the model, the contract.
  const types = new Set(requests.map((r) => r.type));
  for (const type of ['document', 'script', 'stylesheet', 'font', 'image', 'fetch']) expect(types, type).toContain(type);
  expect(requests.filter((r) => r.type === 'document').length).toBeGreaterThanOrEqual(3);
  const pictures = fs.readdirSync('assets/content/pictures');
  const requested = new Set(requests.filter((r) => r.url.includes('/content/')).map((r) => r.url.split('/').pop()));
  expect(pictures.filter((p) => !requested.has(p))).toEqual([]);
  expect(requests.some((r) => /\.woff2$/.test(r.url))).toBe(true);
  expect(requests.some((r) => r.url.includes('/safe-mode/fonts.css'))).toBe(true);
});

test('no request leaves 127.0.0.1 while the idle dialog and the attract loop play', async ({ page }) => {
  const idleHost = await startHost({ idle: 1, countdown: 1 });
  try {
    const { requests, outside } = await record(page, idleHost.origin);
    await page.goto(idleHost.url);
    await expect(page.locator('.attract')).toBeVisible({ timeout: 15_000 });
    await expect
      .poll(() => new Set(requests.filter((r) => r.type === 'image').map((r) => r.url)).size, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
    expect(outside).toEqual([]);
  } finally {
    await idleHost.stop();
  }
});
