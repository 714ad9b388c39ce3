import { expect, test, type Locator, type Page } from '@playwright/test';
import { makePackageV2 } from '../fixtures/make-package.ts';
import { LANGUAGES, strings } from './exhibit.ts';
import { openKiosk, startHost, type KioskHost } from './kiosk-host.ts';
import { Touch } from './touch.ts';

// Listening mode in a format-2 package whose first panel has narration recorded in three
// languages. Debian's Chromium here has no speech voice for any language (it has no speech
// engine), so the test stands in for the engine, and only the engine: the page's
// speechSynthesis is replaced by one with a local voice per language and a network voice the
// kiosk must never use, which records what it is asked to say and in which voice.

const IDLE_S = 12;
const COUNTDOWN_S = 3;
const zh = strings('zh-Hans');

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost({ content: await makePackageV2(), idle: IDLE_S, countdown: COUNTDOWN_S });
});
test.afterAll(async () => {
  await host.stop();
});

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const voices = [
      { name: 'Network Mandarin', lang: 'zh-CN', localService: false, default: true, voiceURI: 'net' },
      { name: 'Local Mandarin', lang: 'zh-CN', localService: true, default: false, voiceURI: 'zh' },
      { name: 'Local Cantonese', lang: 'zh-HK', localService: true, default: false, voiceURI: 'yue' },
      { name: 'Local Russian', lang: 'ru-RU', localService: true, default: false, voiceURI: 'ru' },
      { name: 'Local English', lang: 'en-GB', localService: true, default: false, voiceURI: 'en' },
    ];
    const said: { text: string; voice: string }[] = [];
    (window as unknown as { said: typeof said }).said = said;
    class Utterance {
      text: string;
      voice: { name: string } | null = null;
      lang = '';
      constructor(text: string) {
        this.text = text;
      }
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => voices,
        speak: (u: Utterance) => said.push({ text: u.text, voice: u.voice?.name ?? '' }),
        cancel: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    });
  });
});

const said = (page: Page) => page.evaluate(() => (window as unknown as { said: { text: string; voice: string }[] }).said.splice(0));
const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
const centre = async (l: Locator) => {
  const box = (await l.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};
const playing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLMediaElement>('[data-kiosk-media]')]
      .filter((m) => !m.paused)
      .map((m) => m.currentSrc.split('/').pop()),
  );

test('in listening mode a touch says what is under the finger in the visitor’s language, a double tap opens it, a recording speaks for its panel, and the mode ends with the session', async ({
  page,
}) => {
  const touch = await Touch.on(page);
  await openKiosk(page, host);
  const toggle = page.locator('.listening-toggle');
  const band = page.locator('.listening-band');
  await toggle.tap();
  await expect(band).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await said(page)).toEqual([{ text: zh.listening!.started, voice: 'Local Mandarin' }]);

  // A touch on a section tile says it, in the Mandarin voice (never the network one), and opens nothing.
  const tile = live(page, '.section-tile').first();
  const tileName = (await tile.locator('.tile-title').innerText()).replace(/\u00ad/g, '');
  await tile.tap();
  await expect(tile).toHaveAttribute('data-spoken', '');
  expect(await said(page)).toEqual([
    { text: zh.listening!.button, voice: 'Local Mandarin' },
    { text: expect.stringContaining(tileName), voice: 'Local Mandarin' },
  ]);
  await expect(page.locator('.screen:not([inert])')).toHaveAttribute('data-screen', 'home');

  // A double tap opens it.
  await touch.quickDoubleTap(await centre(tile));
  await expect(page.locator('.screen:not([inert])')).toHaveAttribute('data-screen', 'section');

  // The text of a panel with a recording: the recording in the visitor's language, not the voice.
  // (The double tap's first touch said the tile again.)
  await said(page);
  await live(page, '[data-panel] .rich-text').first().tap();
  await expect.poll(() => playing(page)).toEqual(['narration-zh-Hans.mp3']);
  expect((await said(page)).length).toBe(0);

  // The Russian button says its name in Russian; a double tap switches, and the role words follow.
  const russian = page.getByRole('button', { name: LANGUAGES.find((l) => l.code === 'ru')!.name, exact: true });
  await russian.tap();
  expect(await said(page)).toEqual([
    { text: zh.listening!.button, voice: 'Local Mandarin' },
    { text: 'Русский', voice: 'Local Russian' },
  ]);
  await touch.quickDoubleTap(await centre(russian));
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await said(page);
  const heading = live(page, 'h1').first();
  await heading.tap();
  expect(await said(page)).toEqual([
    { text: strings('ru').listening!.heading, voice: 'Local Russian' },
    { text: (await heading.innerText()).replace(/\u00ad/g, ''), voice: 'Local Russian' },
  ]);

  const english = page.getByRole('button', { name: 'English', exact: true });
  await touch.quickDoubleTap(await centre(english));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await said(page);
  await live(page, 'h1').first().tap();
  expect((await said(page)).map((s) => s.voice)).toEqual(['Local English', 'Local English']);

  // Three fingers held anywhere turn it off, and on again.
  const middle = { x: 700, y: 400 };
  const three = [middle, { x: middle.x + 120, y: middle.y }, { x: middle.x + 60, y: middle.y + 100 }];
  await touch.holdAll(three, 1200);
  await expect(band).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await touch.holdAll(three, 1200);
  await expect(band).toBeVisible();

  // The visitor walks away: the next one finds it off.
  await expect(page.locator('.attract')).toBeVisible({ timeout: (IDLE_S + COUNTDOWN_S + 5) * 1000 });
  await page.locator('.attract').tap();
  await expect(page.locator('.attract')).toBeHidden();
  await expect(band).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await live(page, '.section-tile').first().tap();
  await expect(page.locator('.screen:not([inert])')).toHaveAttribute('data-screen', 'section');
});
