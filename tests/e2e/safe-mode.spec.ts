import { expect, test } from '@playwright/test';
import { DEFAULT_EXHIBIT, LANGUAGES, strings, textOf } from './exhibit.ts';
import { startHost, watchOutsideRequests, type KioskHost } from './kiosk-host.ts';

let host: KioskHost;
let token: string;
test.beforeAll(async () => {
  host = await startHost();
  token = new URL(host.url).searchParams.get('t')!;
});
test.afterAll(async () => {
  await host.stop();
});

/** "Back shortly", in each language, as locales/ has it. */
const MESSAGES = Object.fromEntries(LANGUAGES.map(({ code }) => [code, strings(code).safeMode!.heading!]));

test('the safe-mode page says the exhibit will be back, in every language and the bundled font, with no script', async ({ page }) => {
  const outside = watchOutsideRequests(page, host.origin);
  await page.goto(`${host.origin}/safe-mode/?t=${token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(DEFAULT_EXHIBIT.title, 'zh-Hans'));
  for (const { code } of LANGUAGES.slice(1))
    await expect(page.locator(`[lang="${code}"]`).getByText(textOf(DEFAULT_EXHIBIT.title, code))).toBeVisible();
  expect(Object.values(MESSAGES)).toContain('Экспонат скоро снова заработает');
  for (const [lang, text] of Object.entries(MESSAGES))
    await expect(page.locator(`section[lang="${lang}"]`).getByRole('heading', { level: 2 })).toHaveText(text);
  await expect(page.locator('script')).toHaveCount(0);

  const fonts = await page.evaluate(async (texts) => {
    await document.fonts.ready;
    const result: Record<string, { faces: number; check: boolean; family: string }> = {};
    for (const text of texts) {
      const spec = '750 40px "Noto Sans SC Variable"';
      const faces = await document.fonts.load(spec, text);
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === text)!;
      result[text] = { faces: faces.length, check: document.fonts.check(spec, text), family: getComputedStyle(heading).fontFamily };
    }
    return result;
  }, Object.values(MESSAGES));
  for (const [text, font] of Object.entries(fonts)) {
    expect(font.faces, text).toBeGreaterThan(0);
    expect(font.check, text).toBe(true);
    expect(font.family, text).toContain('Noto Sans SC Variable');
  }
  expect(outside).toEqual([]);
});

test('the safe-mode page retries the kiosk by itself, and the address it retries opens the kiosk', async ({ page }) => {
  await page.goto(`${host.origin}/safe-mode/?t=${token}`);
  const refresh = await page.locator('meta[http-equiv="refresh"]').getAttribute('content');
  expect(refresh).toBe(`120; url=/?t=${token}`);
  await page.goto(new URL(refresh!.split('url=')[1]!, host.origin).href);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(DEFAULT_EXHIBIT.title, 'zh-Hans'));
});

test('the safe-mode page opens only with the host’s token', async ({ request }) => {
  expect((await request.get(`${host.origin}/safe-mode/`)).status()).toBe(403);
  expect((await request.get(`${host.origin}/safe-mode/index.html?t=wrong`)).status()).toBe(403);
  const ok = await request.get(`${host.origin}/safe-mode/index.html?t=${token}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-security-policy']).toContain("default-src 'none'");
});
