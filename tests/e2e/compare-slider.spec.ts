import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { Touch } from './touch.ts';

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const zh = strings('zh-Hans');
const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
const story = exhibit.stories.find((s) => s.slides.some((slide) => slide.compare))!;
const compare = story.slides.findIndex((s) => s.compare);

async function openCompare(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
  await live(page, `.story-card[data-story="${story.id}"]`).tap();
  await page.getByRole('button', { name: zh.story!.goTo!.replace('{{n}}', String(compare + 1)) }).tap();
  await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[compare]!.id);
  await expect(page.getByRole('slider', { name: zh.story!.compare })).toHaveValue('50');
}

test('on the compare slide, a swipe that starts away from the handle changes slide and leaves the slider where it was', async ({
  page,
}) => {
  const touch = await Touch.on(page);
  await openCompare(page);
  const box = (await live(page, '.before-after').boundingBox())!;
  const y = box.y + box.height * 0.7;
  await touch.swipe({ x: box.x + box.width * 0.9, y }, { x: box.x + box.width * 0.6, y });
  await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[compare + 1]!.id);
  await touch.swipe({ x: box.x + box.width * 0.1, y }, { x: box.x + box.width * 0.4, y });
  await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[compare]!.id);
  await expect(page.getByRole('slider', { name: zh.story!.compare })).toHaveValue('50');
});

test('on the compare slide, a drag that starts on the handle moves the slider and stays on the slide; the keyboard still moves it', async ({
  page,
}) => {
  const touch = await Touch.on(page);
  await openCompare(page);
  const box = (await live(page, '.before-after').boundingBox())!;
  const knob = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const slider = page.getByRole('slider', { name: zh.story!.compare });
  await touch.swipe(knob, { x: box.x + box.width * 0.2, y: knob.y });
  await expect.poll(async () => Number(await slider.inputValue())).toBeLessThan(25);
  await expect(live(page, '.before-after')).toHaveAttribute('style', /--split: (1\d|2[0-4]|\d)%/);
  await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[compare]!.id);
  // From its new place, along the line (not the knob): back past the middle.
  const line = { x: box.x + box.width * (Number(await slider.inputValue()) / 100), y: box.y + box.height * 0.2 };
  await touch.swipe(line, { x: box.x + box.width * 0.8, y: line.y });
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(75);
  await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[compare]!.id);

  const before = Number(await slider.inputValue());
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue(String(before - 2));
  await expect(live(page, '.before-after')).toHaveAttribute('style', new RegExp(`--split: ${before - 2}%`));
});
