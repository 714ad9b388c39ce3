import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { startHost, type KioskHost } from './kiosk-host.ts';

// A museum's package made before format 2 (a copy of the built-in exhibit as it was, kept in
// tests/fixtures/format-1), shown as it is and as `kiosk-content migrate` rewrites it: the
// visitor sees the same screens: the same words, pictures and boxes in the same places, and
// screenshots that differ only where Chromium resamples a picture a shade differently.

let original: KioskHost;
let migrated: KioskHost;
const dirs: string[] = [];

function packageOfFormat1(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'format-1-'));
  dirs.push(dir);
  fs.cpSync('assets/content', dir, { recursive: true });
  fs.rmSync(path.join(dir, 'films'), { recursive: true });
  fs.rmSync(path.join(dir, 'exhibit.schema.json'));
  fs.copyFileSync('tests/fixtures/format-1/exhibit.json', path.join(dir, 'exhibit.json'));
  return dir;
}

test.beforeAll(async () => {
  const v1 = packageOfFormat1();
  const v2 = packageOfFormat1();
  execFileSync(process.execPath, ['bin/kiosk-content.mjs', 'migrate', v2], { stdio: 'pipe' });
  expect((JSON.parse(fs.readFileSync(path.join(v2, 'exhibit.json'), 'utf8')) as { schemaVersion: number }).schemaVersion).toBe(2);
  original = await startHost({ content: v1 });
  migrated = await startHost({ content: v2 });
});
test.afterAll(async () => {
  await original.stop();
  await migrated.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Screen {
  /** Every element drawn: its tag, its own text, the picture it shows and its box, in document order. */
  drawn: string[];
  png: Buffer;
}

/** The visitor screens a format-1 package has, each as what is drawn and a screenshot. */
async function screens(page: Page, host: KioskHost): Promise<Record<string, Screen>> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const live = (selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
  // Each screen once everything on it has loaded and been drawn: a busy machine is slower, not different.
  const still = async () => {
    await page.waitForFunction(
      () =>
        document.fonts.status === 'loaded' &&
        [...document.images].every((img) => img.complete) &&
        !document.querySelector('.screen[inert]'),
      undefined,
      { timeout: 20_000 },
    );
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(500);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('.screen:not([inert]) *, .kiosk-bar *')].flatMap((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return [];
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim();
        const picture = el instanceof HTMLImageElement ? el.currentSrc.replace(/^.*\/content\/[^/]+\//, '') : '';
        return [`${el.tagName} ${own} ${picture} ${[box.x, box.y, box.width, box.height].map(Math.round).join(',')}`];
      }),
    );
    return { drawn, png: await page.screenshot({ animations: 'disabled' }) };
  };
  const shots: Record<string, Screen> = {};
  shots.home = await still();
  await live('.section-tile').nth(2).tap();
  shots.section = await still();
  await page.locator('.bar-button').first().tap();
  await live('.story-card[data-story]').first().tap();
  shots.story = await still();
  await live('.story-arrow.next').tap();
  shots.slide2 = await still();
  await page.locator('.bar-button').first().tap();
  await live('.credits-tile').tap();
  shots.credits = await still();
  return shots;
}

/** At most this many pixels (0.05% of a screen) may differ by more than a shade: Chromium's resampling of a picture varies between loads. */
const MAX_SHADED = 1000;

/** Pixels whose colour differs by more than a resampling shade (32 of 255 in a channel). */
async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((png) => sharp(png).removeAlpha().raw().toBuffer()));
  let differ = 0;
  for (let i = 0; i < x!.length; i += 3)
    if (Math.max(Math.abs(x![i]! - y![i]!), Math.abs(x![i + 1]! - y![i + 1]!), Math.abs(x![i + 2]! - y![i + 2]!)) > 32) differ += 1;
  return differ;
}

test('a format-1 package and its migrated copy show the same screens', async ({ page }) => {
  const before = await screens(page, original);
  const after = await screens(page, migrated);
  for (const name of Object.keys(before)) {
    const [b, a] = [before[name]!, after[name]!];
    expect(a.drawn, `${name}: the same words, pictures and boxes`).toEqual(b.drawn);
    const differ = await differingPixels(b.png, a.png);
    if (differ > MAX_SHADED) {
      fs.writeFileSync(test.info().outputPath(`${name}-format-1.png`), b.png);
      fs.writeFileSync(test.info().outputPath(`${name}-migrated.png`), a.png);
    }
    expect(differ, `${name}: pixels that differ by more than a resampling shade`).toBeLessThanOrEqual(MAX_SHADED);
  }
});
