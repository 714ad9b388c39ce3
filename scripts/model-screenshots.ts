// Pictures of the 3D tractor for the docs (both liveries, landscape 1920×1080, the opening view
// in the default language), and with --review DIR a fuller set for a design review: portrait,
// a part's card and the guided tour, in each language.
// `npx tsx scripts/model-screenshots.ts [--review .tmp/model-screens]` (builds first if needed).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { OFFLINE_FLAGS } from '../browser-host/chromium.ts';
import { LANGUAGE, LANGUAGES } from '../core/content/languages.ts';
import { startHost } from '../tests/e2e/kiosk-host.ts';

const { values } = parseArgs({ options: { review: { type: 'string' } } });
execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
const host = await startHost();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', ...OFFLINE_FLAGS],
});

async function open(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport, hasTouch: true, reducedMotion: 'reduce' });
  await page.goto(host.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.model-card').tap();
  await page.locator('.model-view[data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page;
}

/** Waits until the view has drawn its last frame, then takes the picture. */
async function shot(page: Page, file: string): Promise<void> {
  let last = '';
  for (;;) {
    await page.waitForTimeout(600);
    const frames = (await page.locator('.model-view').getAttribute('data-frames')) ?? '';
    if (frames === last) break;
    last = frames;
  }
  await page.screenshot({ path: file });
  console.log(file);
}

const liveries = async (page: Page) => page.locator('.model-livery-button').all();

fs.mkdirSync('docs', { recursive: true });
const page = await open({ width: 1920, height: 1080 });
const [dt54, dfh] = await liveries(page);
await shot(page, 'docs/tractor-dt54.png');
await dfh!.tap();
await shot(page, 'docs/tractor-dongfanghong.png');
await dt54!.tap();
await page.close();

if (values.review) {
  fs.mkdirSync(values.review, { recursive: true });
  for (const [orientation, viewport] of [
    ['landscape', { width: 1920, height: 1080 }],
    ['portrait', { width: 1080, height: 1920 }],
  ] as const) {
    const p = await open(viewport);
    for (const lang of LANGUAGES) {
      const name = (what: string) => path.join(values.review!, `${orientation}-${lang}-${what}.png`);
      await p.getByRole('button', { name: LANGUAGE[lang].endonym, exact: true }).tap();
      await p.locator('.model-view').dblclick({ position: { x: 40, y: 400 } });
      await shot(p, name('opening'));
      await (await liveries(p))[1]!.tap();
      await p.locator('.model-marker[data-occluded="false"]').first().tap();
      await shot(p, name('card'));
      await p.locator('.model-info-close').tap();
      await p.locator('.model-action').first().tap();
      await p.locator('.model-step.next').tap();
      await p.locator('.model-step.next').tap();
      await shot(p, name('tour'));
      await p.locator('.model-action').first().tap();
      await (await liveries(p))[0]!.tap();
    }
    await p.close();
  }
}
await browser.close();
await host.stop();
