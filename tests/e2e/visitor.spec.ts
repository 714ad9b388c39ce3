import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, LANGUAGES, strings, textOf } from './exhibit.ts';
import { startHost, watchOutsideRequests, type KioskHost } from './kiosk-host.ts';
import { Touch } from './touch.ts';

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

async function open(page: Page, language: string): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
  await page.getByRole('button', { name: language, exact: true }).tap();
}

async function noSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${where}: ${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([]);
}

async function targetsAreLargeEnough(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button:not([disabled]), input')]
      .filter((el) => el.offsetParent !== null && getComputedStyle(el).opacity !== '0' && !el.classList.contains('ba-range'))
      .map((el) => ({ el: el.getAttribute('aria-label') ?? el.textContent?.trim(), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 63.5 || r.height < 63.5))
      .map(({ el, r }) => `${el} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small).toEqual([]);
}

/** No line of a section's heading or summary runs under its page buttons (compared line by line, not block by block). */
async function headerTextClearOfButtons(page: Page, where: string): Promise<void> {
  const clashes = await page.evaluate(() => {
    const screen = document.querySelector('.screen:not([inert])')!;
    const buttons = [...screen.querySelectorAll('.page-buttons .round-button')].map((b) => b.getBoundingClientRect());
    const out: string[] = [];
    for (const el of screen.querySelectorAll('.section-header .section-heading, .section-header .section-summary')) {
      const range = document.createRange();
      range.selectNodeContents(el);
      for (const line of range.getClientRects())
        for (const b of buttons)
          if (line.right > b.left && line.left < b.right && line.bottom > b.top && line.top < b.bottom)
            out.push(`${el.className}: "${el.textContent?.slice(0, 40)}"`);
    }
    return [...new Set(out)];
  });
  expect(clashes, where).toEqual([]);
}

for (const { code, name } of LANGUAGES) {
  test.describe(`a visitor in ${name}`, () => {
    test('walks through every section, reading panels, and comes home', async ({ page }) => {
      const outside = watchOutsideRequests(page, host.origin);
      const ui = strings(code);
      await open(page, name);
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, code));
      await noSeriousAxeViolations(page, `home ${code}`);
      await targetsAreLargeEnough(page);
      for (const [i, section] of exhibit.sections.entries()) {
        await page
          .getByRole('button', { name: textOf(section.title, code) })
          .first()
          .tap();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(section.title, code));
        const first = section.panels[0]!;
        if (first.type === 'text' && first.title)
          await expect(
            page.locator('.screen:not([inert]) .section-panels').getByText(textOf(first.title, code), { exact: true }).first(),
          ).toBeVisible();
        for (const panel of section.panels)
          if (panel.type === 'picture')
            await expect(page.locator(`[data-panel="${panel.id}"] .credit-text`)).toHaveText(textOf(panel.picture.credit, code));
        await headerTextClearOfButtons(page, `section ${section.id} in ${code}`);
        const scroller = page.locator('.screen:not([inert]) .section-panels');
        const before = await scroller.evaluate((el) => el.scrollTop);
        const scrollable = await scroller.evaluate((el) => el.scrollHeight > el.clientHeight + 4);
        await page.getByRole('button', { name: ui.section!.pageDown }).tap();
        if (scrollable) await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(before);
        if (i === 0) {
          await noSeriousAxeViolations(page, `section ${code}`);
          await targetsAreLargeEnough(page);
        }
        await page.getByRole('button', { name: ui.nav!.back, exact: true }).tap();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, code));
      }
      await page.getByRole('button', { name: ui.home!.credits }).tap();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.credits!.title!);
      await noSeriousAxeViolations(page, `credits ${code}`);
      await page.getByRole('button', { name: ui.nav!.home }).tap();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, code));
      expect(outside).toEqual([]);
    });

    test('walks through every story: swipe, arrows, zoom, before/after, back, home', async ({ page }) => {
      const outside = watchOutsideRequests(page, host.origin);
      const ui = strings(code);
      const touch = await Touch.on(page);
      await open(page, name);
      for (const story of exhibit.stories) {
        await page.locator(`.screen:not([inert]) .story-card[data-story="${story.id}"]`).tap();
        const position = page.locator('.screen:not([inert]) .story-position');
        const stage = page.locator('.screen:not([inert]) .story-stage');
        const box = (await stage.boundingBox())!;
        const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        for (const [i, slide] of story.slides.entries()) {
          await expect(position).toHaveText(
            ui.story!.position!.replace('{{n}}', String(i + 1)).replace('{{total}}', String(story.slides.length)),
          );
          await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', slide.id);
          const shown = slide.picture ?? slide.video!;
          if (shown.caption) await expect(page.locator('.screen:not([inert]) .slide-caption')).toHaveText(textOf(shown.caption, code));
          const credit = slide.picture ? '.slide-credit' : '.story-video .credit';
          await expect(page.locator(`.screen:not([inert]) ${credit} .credit-text`)).toHaveText(textOf(shown.credit, code));
          await expect(page.locator(`.screen:not([inert]) ${credit} .credit-rights`)).toBeVisible();
          if (slide.compare) {
            await expect(page.locator('.screen:not([inert]) .ba-label-before')).toHaveText(textOf(slide.compare.before.label, code));
            const slider = page.getByRole('slider', { name: ui.story!.compare });
            await expect(slider).toHaveValue('50');
            const range = (await slider.boundingBox())!;
            await touch.swipe(
              { x: range.x + range.width / 2, y: range.y + range.height / 2 },
              { x: range.x + range.width * 0.15, y: range.y + range.height / 2 },
            );
            await expect.poll(async () => Number(await slider.inputValue())).toBeLessThan(30);
            await expect(page.locator('.screen:not([inert]) .before-after')).toHaveAttribute('style', /--split: (1\d|2\d|\d)%/);
          } else if (i === 0) {
            const zoom = page.locator('.screen:not([inert]) .story-zoom');
            await touch.pinch(center, 120, 420);
            await expect.poll(async () => Number(await zoom.getAttribute('data-scale'))).toBeGreaterThan(1.5);
            await touch.swipe(center, { x: center.x - 300, y: center.y });
            await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', slide.id);
            await touch.doubleTap(center);
            await expect(zoom).toHaveAttribute('data-scale', '1.00');
          }
          if (i === 0) {
            await noSeriousAxeViolations(page, `story ${story.id} ${code}`);
            await targetsAreLargeEnough(page);
          }
          if (i === story.slides.length - 1) await expect(page.getByRole('button', { name: ui.story!.next })).toBeDisabled();
          else if (i % 2 === 1 || slide.compare) await page.getByRole('button', { name: ui.story!.next }).tap();
          else await touch.swipe({ x: center.x + 250, y: center.y }, { x: center.x - 250, y: center.y });
        }
        await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', story.slides.at(-1)!.id);
        await touch.swipe({ x: center.x - 250, y: center.y }, { x: center.x + 250, y: center.y });
        await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', story.slides.at(-2)!.id);
        await page.getByRole('button', { name: ui.story!.goTo!.replace('{{n}}', '1') }).tap();
        await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', story.slides[0]!.id);
        await page.getByRole('button', { name: ui.nav!.back, exact: true }).tap();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, code));
      }
      expect(outside).toEqual([]);
    });
  });
}

test('switching language keeps the visitor where they are and changes every word at once', async ({ page }) => {
  await open(page, '中文');
  const story = exhibit.stories[1]!;
  await page.locator(`.screen:not([inert]) .story-card[data-story="${story.id}"]`).tap();
  await page.getByRole('button', { name: strings('zh-Hans').story!.next }).tap();
  await page.getByRole('button', { name: strings('zh-Hans').story!.next }).tap();
  await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', story.slides[2]!.id);
  for (const { code, name } of LANGUAGES.slice(1)) {
    await page.getByRole('button', { name, exact: true }).tap();
    await expect(page.locator('.screen:not([inert]) main')).toHaveAttribute('data-slide', story.slides[2]!.id);
    await expect(page.locator('.screen:not([inert]) .slide-caption')).toHaveText(textOf(story.slides[2]!.picture!.caption, code));
    await expect(page.getByRole('button', { name: strings(code).nav!.back, exact: true })).toBeVisible();
    const chrome = await page
      .locator('.kiosk-bar, .story-position, .slide-hint, .story-arrow')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText + (el.getAttribute('aria-label') ?? '')).join(' '));
    expect(chrome.replace(/中文/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  }
});

test('large text makes the reading text larger and is announced as a toggle', async ({ page }) => {
  await open(page, 'English');
  await page.getByRole('button', { name: exhibit.sections[0]!.title.en![0]! }).first().tap();
  const size = () =>
    page
      .locator('.screen:not([inert]) .rich-text')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const before = await size();
  const toggle = page.getByRole('button', { name: 'Large text' });
  await toggle.tap();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeGreaterThan(before * 1.2);
});

test('the page cannot be selected, zoomed or scrolled past its edges', async ({ page }) => {
  await open(page, 'English');
  const styles = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return {
      select: body.userSelect,
      touch: body.touchAction,
      overscroll: getComputedStyle(document.documentElement).overscrollBehavior,
      viewport: document.querySelector('meta[name=viewport]')?.getAttribute('content'),
    };
  });
  expect(styles.select).toBe('none');
  expect(styles.touch).toBe('none');
  expect(styles.overscroll).toBe('none');
  expect(styles.viewport).toContain('user-scalable=no');
  const prevented = await page.evaluate(() => {
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.querySelector('h1')!.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(true);
});

test('Russian text is hyphenated with bundled patterns (soft hyphens), other languages are not', async ({ page }) => {
  await open(page, 'Русский');
  await page.getByRole('button', { name: exhibit.sections[1]!.title.ru![0]! }).first().tap();
  const rich = page.locator('.screen:not([inert]) .rich-text').first();
  await expect.poll(() => rich.evaluate((el) => el.textContent?.includes('\u00ad') ?? false)).toBe(true);
  expect(await rich.getAttribute('lang')).toBe('ru');
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await expect.poll(() => rich.evaluate((el) => el.textContent?.includes('\u00ad') ?? true)).toBe(false);
});
