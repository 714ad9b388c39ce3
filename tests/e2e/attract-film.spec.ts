import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type KioskHost } from './kiosk-host.ts';

// The built-in exhibit's attract film (a VP9 turntable of the tractor), alone in the playlist so
// the loop reaches it at once.

const IDLE_S = 3;
const COUNTDOWN_S = 2;

let host: KioskHost;
let dir: string;
test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attract-film-'));
  fs.cpSync('assets/content', dir, { recursive: true });
  const file = path.join(dir, 'exhibit.json');
  const exhibit = JSON.parse(fs.readFileSync(file, 'utf8')) as { attract: { playlist: { type: string }[] } };
  exhibit.attract.playlist = exhibit.attract.playlist.filter((item) => item.type === 'video');
  fs.writeFileSync(file, JSON.stringify(exhibit, null, 2));
  host = await startHost({ content: dir, idle: IDLE_S, countdown: COUNTDOWN_S });
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const film = (page: Page) =>
  page
    .locator('.attract-film video')
    .evaluate((v: HTMLVideoElement) => ({ muted: v.muted, loop: v.loop, paused: v.paused, time: v.currentTime }));

test('the attract film plays by itself, muted and looping, and a tap opens what it names', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.attract')).toBeVisible({ timeout: (IDLE_S + COUNTDOWN_S + 5) * 1000 });
  await expect(page.locator('.attract')).toHaveAttribute('data-attract-item', 'attract-film');
  await expect.poll(async () => (await film(page)).time, { timeout: 15_000 }).toBeGreaterThan(0.5);
  expect(await film(page)).toMatchObject({ muted: true, loop: true, paused: false });
  await page.locator('.attract').tap();
  await expect(page.locator('.attract')).toBeHidden();
  await expect(page.locator('.screen:not([inert])')).toHaveAttribute('data-screen', 'section');
  expect(
    await page.evaluate(() => [...document.querySelectorAll('video')].filter((v) => !v.paused).length),
    'the attract film stops with the loop',
  ).toBe(0);
});

test('where the film cannot play, the attract loop shows its still picture instead', async ({ page }) => {
  await page.route('**/*.webm', (route) => route.abort());
  await page.goto(host.url);
  await expect(page.locator('.attract')).toBeVisible({ timeout: (IDLE_S + COUNTDOWN_S + 5) * 1000 });
  await expect(page.locator('.attract-film')).toHaveAttribute('data-failed', 'true');
  const still = page.locator('.attract-film img');
  await expect(still).toBeVisible();
  await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});
