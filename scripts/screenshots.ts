// Screenshots of every kind of screen, in each language and orientation, for review and the
// README: `npx tsx scripts/screenshots.ts [--out DIR] [--lang zh-Hans,ru,en] [--only home,story] [--large]`
// (--large: with the visitor's large text on).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { OFFLINE_FLAGS } from '../browser-host/chromium.ts';
import { LANGUAGE, LANGUAGES, type Language } from '../core/content/languages.ts';
import { startHost } from '../tests/e2e/kiosk-host.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.tmp/screens' },
    lang: { type: 'string', default: LANGUAGES.join(',') },
    only: { type: 'string' },
    large: { type: 'boolean', default: false },
  },
});
const only = values.only?.split(',');
fs.mkdirSync(values.out, { recursive: true });

const host = await startHost();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', ...OFFLINE_FLAGS],
});

async function shot(page: Page, name: string): Promise<void> {
  if (only && !only.some((o) => name.includes(o))) return;
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(values.out, `${name}.png`) });
}

for (const [orientation, viewport] of [
  ['landscape', { width: 1920, height: 1080 }],
  ['portrait', { width: 1080, height: 1920 }],
] as const) {
  const page = await browser.newPage({ viewport, hasTouch: true, reducedMotion: 'reduce' });
  await page.goto(host.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  for (const lang of values.lang.split(',')) {
    const tag = `${orientation}-${lang}${values.large ? '-large' : ''}`;
    await page.getByRole('button', { name: LANGUAGE[lang as Language].endonym, exact: true }).tap();
    const large = page.locator('.large-text-toggle');
    if ((await large.getAttribute('aria-pressed')) !== String(values.large)) await large.tap();
    await shot(page, `home-${tag}`);
    if (!only || only.some((o) => 'listening'.includes(o))) {
      // Listening mode on, a tile just spoken of (outlined); a new visitor's session turns it off again.
      await page.locator('.listening-toggle').tap();
      await page.locator('.section-tile').nth(1).tap();
      await shot(page, `listening-${tag}`);
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: LANGUAGE[lang as Language].endonym, exact: true }).tap();
      if (values.large) await page.locator('.large-text-toggle').tap();
    }
    await page.locator('.section-tile').nth(1).tap();
    await shot(page, `section-${tag}`);
    await page.locator('.section-panels').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await shot(page, `section-scrolled-${tag}`);
    await page.locator('.bar-button').first().tap();
    await page.locator('.story-card[data-story]').first().tap();
    await shot(page, `story-${tag}`);
    const compare = page.locator('.before-after');
    for (let i = 0; i < 8 && !(await compare.count()); i += 1) await page.locator('.story-arrow.next').tap();
    await shot(page, `story-compare-${tag}`);
    await page.locator('.bar-button').first().tap();
    await page.locator('.credits-tile').tap();
    await shot(page, `credits-${tag}`);
    await page.locator('.bar-button').first().tap();
    await page.locator('.model-card').first().tap();
    await shot(page, `model-${tag}`);
    await page.locator('.bar-button').first().tap();
  }
  await page.close();
}
await browser.close();
await host.stop();
console.log(`Screenshots in ${values.out}`);
