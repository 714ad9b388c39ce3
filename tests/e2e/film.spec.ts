import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, LANGUAGES, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { Touch } from './touch.ts';

/** The built-in exhibit's film: a 24-second turntable of the 3D tractor with subtitles in three languages. */
const section = exhibit.sections.find((s) => s.panels.some((p) => p.type === 'video'))!;
const panel = section.panels.find((p) => p.type === 'video')!;
const IDLE_S = 4;
const COUNTDOWN_S = 3;

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost({ idle: IDLE_S, countdown: COUNTDOWN_S });
});
test.afterAll(async () => {
  await host.stop();
});

const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) [data-panel="${panel.id}"] ${selector}`);
const film = (page: Page) =>
  live(page, 'video').evaluate((v: HTMLVideoElement) => ({ paused: v.paused, time: v.currentTime, duration: v.duration }));
/** Where a film that will not move stands: what the browser says of its file and its codec. */
const state = (page: Page) =>
  live(page, 'video').evaluate((v: HTMLVideoElement) => ({
    src: v.currentSrc,
    error: v.error && `${v.error.code} ${v.error.message}`,
    readyState: v.readyState,
    networkState: v.networkState,
    canPlay: { webmVp9: v.canPlayType('video/webm; codecs="vp9"'), mp4H264: v.canPlayType('video/mp4; codecs="avc1.64001f"') },
    browser: navigator.userAgent,
  }));

/** Plays the film by its big button and waits until it has run past its first second. */
async function playAndRun(page: Page): Promise<void> {
  await live(page, '.video-big-play').tap();
  const ran = await expect
    .poll(async () => (await film(page)).time, { timeout: 15_000 })
    .toBeGreaterThan(1)
    .then(() => true)
    .catch(() => false);
  expect(ran, `the film did not run: ${JSON.stringify(await state(page))}`).toBe(true);
}

async function openFilm(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
  await page.locator(`.screen:not([inert]) .section-tile[data-section="${section.id}"]`).tap();
  await live(page, '.video-frame').scrollIntoViewIfNeeded();
  await expect(live(page, '.video-player')).toHaveAttribute('data-playing', 'false');
}

test('a film plays by touch with subtitles in the visitor’s language, which change with the language; it pauses, scrubs by finger and goes back 10 s', async ({
  page,
}) => {
  const touch = await Touch.on(page);
  await openFilm(page);
  expect((await film(page)).paused).toBe(true);
  await playAndRun(page);
  expect((await film(page)).paused).toBe(false);
  const cue = live(page, '.video-cue');
  await expect(cue).toHaveAttribute('lang', 'zh-Hans');
  await expect(cue).toContainText('斯大林格勒');

  await page.getByRole('button', { name: LANGUAGES.find((l) => l.code === 'ru')!.name, exact: true }).tap();
  await expect(cue).toHaveAttribute('lang', 'ru');
  await expect(cue).toContainText(/Сталинграде|Д‑54/);
  expect((await film(page)).paused).toBe(false);

  await live(page, '.video-toggle').tap();
  await expect.poll(async () => (await film(page)).paused).toBe(true);

  // A finger drags the bar from near its start to three quarters along: the film follows it.
  const bar = (await live(page, '.video-scrub').boundingBox())!;
  const y = bar.y + bar.height / 2;
  await touch.swipe({ x: bar.x + bar.width * 0.1, y }, { x: bar.x + bar.width * 0.75, y }, 12);
  await expect.poll(async () => (await film(page)).time).toBeGreaterThan(17);
  expect((await film(page)).time).toBeLessThan(19.5);
  await expect(cue).toContainText('Дунфанхун');
  await expect(live(page, '.video-scrub')).toHaveAttribute('aria-valuenow', /^1[78]$/);

  await live(page, '.video-back').tap();
  await expect.poll(async () => (await film(page)).time).toBeLessThan(9.5);
  expect((await film(page)).time).toBeGreaterThan(7);

  await live(page, '.video-subtitles').tap();
  await expect(live(page, '.video-subtitles')).toHaveAttribute('aria-pressed', 'false');
  await expect(cue).toHaveCount(0);
});

test('the idle clock waits while a film plays; once it stops the session ends, and the next visitor finds the film at its start', async ({
  page,
}) => {
  await openFilm(page);
  await playAndRun(page);
  await expect(live(page, '.video-player')).toHaveAttribute('data-failed', 'false');
  // Longer than the idle time and the countdown together: still playing, no dialog, no attract loop.
  await page.waitForTimeout((IDLE_S + COUNTDOWN_S + 2) * 1000);
  expect((await film(page)).paused).toBe(false);
  await expect(page.locator('.attract')).toHaveCount(0);
  await live(page, '.video-toggle').tap();
  await expect(page.locator('.attract')).toBeVisible({ timeout: (IDLE_S + COUNTDOWN_S + 4) * 1000 });
  expect(await page.evaluate(() => [...document.querySelectorAll('[data-kiosk-media]')].some((m) => !(m as HTMLMediaElement).paused))).toBe(
    false,
  );
  await page.locator('.attract').tap();
  await expect(page.locator('.attract')).toBeHidden();
  await page.getByRole('button', { name: strings('zh-Hans').nav!.home }).tap();
  await page.locator(`.screen:not([inert]) .section-tile[data-section="${section.id}"]`).tap();
  await expect(live(page, '.video-player')).toHaveAttribute('data-started', 'false');
  expect((await film(page)).time).toBe(0);
});
