import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { makePackageV2, mediaFixture } from '../fixtures/make-package.ts';
import { LANGUAGES, strings } from './exhibit.ts';
import { openKiosk, startHost, type KioskHost } from './kiosk-host.ts';

// Narration recorded in each language (espeak-ng, 2 to 3 seconds each), on a panel, on a 3D
// part and on the stops of the guided tour, in a format-2 package with a VP9 film.

const t = (zh: string, ru: string, en: string) => ({ 'zh-Hans': [zh], ru: [ru], en: [en] });

let host: KioskHost;
test.beforeAll(async () => {
  const dir = await makePackageV2((exhibit) => {
    const film = exhibit.sections[0].panels.find((p: { type: string }) => p.type === 'video');
    film.video.src = 'films/f.webm';
    exhibit.attract.playlist = exhibit.attract.playlist.filter((item: { type: string }) => item.type !== 'video');
    // The panel's narration (its recordings and transcript in three languages), on the 3D object too.
    const narration = exhibit.sections[0].panels[0].narration;
    const model = exhibit.models[0];
    model.hotspots[0].narration = narration;
    model.tour = [
      { ...model.tour[0], id: 'stop-1', narration },
      { ...model.tour[0], id: 'stop-2', title: t('二', 'Два', 'Two'), text: t('二', 'Два', 'Two'), narration },
      { ...model.tour[0], id: 'stop-3', title: t('三', 'Три', 'Three'), text: t('三', 'Три', 'Three') },
    ];
    exhibit.models.splice(1);
    exhibit.sections[0].panels[0].models = [];
  });
  fs.copyFileSync(mediaFixture('vp9-opus.webm'), path.join(dir, 'films', 'f.webm'));
  fs.rmSync(path.join(dir, 'films', 'f.mp4'));
  host = await startHost({ content: dir });
});
test.afterAll(async () => {
  await host.stop();
});

const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
/** Every narration or film on the page: which file, playing or not, how far. */
const sounds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLMediaElement>('[data-kiosk-media]')].map((m) => ({
      tag: m.tagName.toLowerCase(),
      src: m.currentSrc.split('/').pop() ?? '',
      playing: !m.paused && !m.ended,
      ended: m.ended,
      time: m.currentTime,
    })),
  );
const playingNow = async (page: Page) => (await sounds(page)).filter((s) => s.playing);

test('a panel’s narration plays in the visitor’s language, switches track with the language, shows its transcript, gives way to a film and stops when the visitor leaves', async ({
  page,
}) => {
  await openKiosk(page, host);
  await live(page, '.section-tile').first().tap();
  const listen = live(page, '.narration-button').first();
  await expect(live(page, '.narration').first()).toHaveAttribute('data-narration', 'zh-Hans');
  await listen.tap();
  await expect.poll(async () => (await playingNow(page)).map((s) => s.src)).toEqual(['narration-zh-Hans.mp3']);
  await expect(listen).toHaveAttribute('aria-pressed', 'true');

  // Russian: the Russian recording goes on from its start; the Chinese one has stopped.
  await page.getByRole('button', { name: LANGUAGES.find((l) => l.code === 'ru')!.name, exact: true }).tap();
  await expect(live(page, '.narration').first()).toHaveAttribute('data-narration', 'ru');
  await expect.poll(async () => (await playingNow(page)).map((s) => s.src)).toEqual(['narration-ru.mp3']);
  await expect(listen).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await sounds(page)).find((s) => s.tag === 'audio')?.ended, { timeout: 10_000 }).toBe(true);
  await expect(listen).toHaveAttribute('aria-pressed', 'false');
  await listen.tap();
  await expect.poll(async () => (await playingNow(page)).map((s) => s.src)).toEqual(['narration-ru.mp3']);

  await live(page, '.narration-transcript-button').first().tap();
  await expect(live(page, '.narration-transcript').first()).toHaveText('Это рассказ по-русски.');

  // The film starts: the narration pauses, one sound at a time.
  await live(page, '.video-frame').first().scrollIntoViewIfNeeded();
  await live(page, '.video-big-play').first().tap();
  await expect.poll(async () => (await playingNow(page)).map((s) => s.tag)).toEqual(['video']);
  await expect(listen).toHaveAttribute('aria-pressed', 'false');

  // Listening again: the film pauses.
  await listen.tap();
  await expect.poll(async () => (await sounds(page)).find((x) => x.tag === 'video')?.playing).toBe(false);
  await live(page, '.video-big-play').first().tap();
  await expect.poll(async () => (await playingNow(page)).map((x) => x.tag)).toEqual(['video']);
  await page.getByRole('button', { name: strings('ru').nav!.home, exact: true }).tap();
  await expect.poll(async () => (await playingNow(page)).length, 'nothing sounds once the visitor has left the panel').toBe(0);
  expect(await sounds(page), 'and the film and narration have let go of their files').toEqual([]);
});

test('on the 3D screen a part and the tour stops have narration; listened to its end, a stop’s narration takes the tour on, and the tour ends with the last narration', async ({
  page,
}) => {
  await openKiosk(page, host);
  await live(page, '.model-card').first().tap();
  const view = page.locator('.model-view');
  await expect(view).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  await page.getByRole('button', { name: '发动机罩', exact: true }).tap();
  await expect(page.locator('.model-info .narration')).toHaveAttribute('data-narration', 'zh-Hans');
  await page.getByRole('button', { name: strings('zh-Hans').model!.close }).tap();

  await page.getByRole('button', { name: strings('zh-Hans').model!.tour }).tap();
  await expect(view).toHaveAttribute('data-tour-stop', '0');
  await page.locator('.model-info .narration-button').tap();
  // Stop 1's narration (about 2 s) ends: stop 2 opens and its narration follows by itself.
  await expect(view).toHaveAttribute('data-tour-stop', '1', { timeout: 10_000 });
  await expect(view).toHaveAttribute('data-listening', 'true');
  await expect.poll(async () => (await playingNow(page)).map((s) => s.src)).toEqual(['narration-zh-Hans.mp3']);
  // Stop 3 has no narration: the tour reaches it and the listening ends there.
  await expect(view).toHaveAttribute('data-tour-stop', '2', { timeout: 10_000 });
  await expect(view).toHaveAttribute('data-listening', 'false');
  await expect.poll(async () => (await playingNow(page)).length).toBe(0);
  await page.waitForTimeout(3000);
  await expect(view, 'the tour waits at a stop with nothing to listen to').toHaveAttribute('data-tour-stop', '2');
});
