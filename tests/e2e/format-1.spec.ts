import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { startHost, type KioskHost } from './kiosk-host.ts';

// A museum's package made before format 2 (a copy of the built-in exhibit as it was, kept in
// tests/fixtures/format-1), shown as it is and as `kiosk-content migrate` rewrites it: the
// visitor sees the same screens, pixel for pixel.

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

/** The visitor screens a format-1 package has, each as a screenshot. */
async function screens(page: Page, host: KioskHost): Promise<Record<string, Buffer>> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const live = (selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
  const still = async () => {
    await page.waitForTimeout(500);
    return page.screenshot({ animations: 'disabled' });
  };
  const shots: Record<string, Buffer> = {};
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

async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((png) => sharp(png).raw().toBuffer()));
  let differ = 0;
  for (let i = 0; i < x!.length; i += 3) if (x![i] !== y![i] || x![i + 1] !== y![i + 1] || x![i + 2] !== y![i + 2]) differ += 1;
  return differ;
}

test('a format-1 package and its migrated copy show the same screens', async ({ page }) => {
  const before = await screens(page, original);
  const after = await screens(page, migrated);
  for (const name of Object.keys(before)) expect(await differingPixels(before[name]!, after[name]!), name).toBe(0);
});
