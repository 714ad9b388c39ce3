import { expect, test, type Page } from '@playwright/test';
import type { Language } from '../../core/content/schema.ts';
import { DEFAULT_EXHIBIT as exhibit, LANGUAGES, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

async function open(page: Page, language: Language, large: boolean): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
  await page.getByRole('button', { name: LANGUAGES.find((l) => l.code === language)!.name, exact: true }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  if (large) {
    const toggle = page.getByRole('button', { name: strings(language).nav!.largeText });
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  }
  await page.evaluate(() => document.fonts.ready);
}

/**
 * How wide a word of `selector` is drawn, against the same word set beside it in each bundled
 * face alone, at the element's own size, weight and spacing: the face whose width matches is
 * the one the browser used.
 */
function drawnWidths(
  page: Page,
  selector: string,
  pattern: string,
): Promise<{ word: string; actual: number; source: number; noto: number } | null> {
  return page.evaluate(
    ({ selector, pattern }) => {
      for (const el of document.querySelectorAll(`.screen:not([inert]) ${selector}`)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const match = new RegExp(pattern, 'u').exec(node.data);
          if (!match) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          if (range.getClientRects().length !== 1) continue;
          const width = (face: string) => {
            const probe = document.createElement('span');
            probe.textContent = match[0].replace(/\u00ad/g, '');
            probe.style.cssText = `font-family: "${face}"; white-space: nowrap; position: absolute; visibility: hidden`;
            node.parentElement!.append(probe);
            const w = probe.getBoundingClientRect().width;
            probe.remove();
            return w;
          };
          return {
            word: match[0],
            actual: range.getBoundingClientRect().width,
            source: width('Source Sans 3 Variable'),
            noto: width('Noto Sans SC Variable'),
          };
        }
      }
      return null;
    },
    { selector, pattern },
  );
}

/** The width of one character of the first text in `selector` holding it, in ems of its element. */
function charWidth(page: Page, selector: string, ch: string): Promise<number | null> {
  return page.evaluate(
    ({ selector, ch }) => {
      for (const el of document.querySelectorAll(`.screen:not([inert]) ${selector}`)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(ch);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + ch.length);
          return range.getBoundingClientRect().width / parseFloat(getComputedStyle(node.parentElement!).fontSize);
        }
      }
      return null;
    },
    { selector, ch },
  );
}

async function openSection(page: Page, language: Language, large: boolean, index: number): Promise<void> {
  await open(page, language, large);
  await page
    .getByRole('button', { name: textOf(exhibit.sections[index]!.title, language) })
    .first()
    .tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.sections[index]!.title, language));
  await page.evaluate(() => document.fonts.ready);
}

for (const large of [false, true])
  test(`Russian and English text is drawn in the bundled Source Sans 3 with narrow apostrophes, Chinese in Noto Sans SC with full-width quotes (${large ? 'large' : 'regular'} text)`, async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== 'landscape', 'the faces drawn do not depend on the orientation');
    for (const language of ['ru', 'en'] as const) {
      await openSection(page, language, large, 0);
      const word = language === 'ru' ? '[А-Яа-яЁё\u00ad]{6,}' : '[A-Za-z]{6,}';
      for (const selector of ['.section-heading', '.section-summary', '.rich-text p', '.panel-title']) {
        const drawn = await drawnWidths(page, selector, word);
        expect(drawn, `${language} ${selector}`).not.toBeNull();
        const where = `${language} ${selector}: ${JSON.stringify(drawn)}`;
        expect(Math.abs(drawn!.actual - drawn!.source), where).toBeLessThan(0.5);
        expect(Math.abs(drawn!.actual - drawn!.noto), where).toBeGreaterThan(0.5);
      }
      expect(
        await page.evaluate(() => [...document.fonts].some((f) => f.family === 'Source Sans 3 Variable' && f.status === 'loaded')),
      ).toBe(true);
    }
    // “the People’s Republic”: the apostrophe narrower than an s, not a full-width mark.
    const apostrophe = await charWidth(page, '.rich-text', '’');
    const s = await charWidth(page, '.rich-text', 's');
    expect(apostrophe).not.toBeNull();
    expect(apostrophe!).toBeLessThan(s!);

    await openSection(page, 'zh-Hans', large, 2);
    const han = await drawnWidths(page, '.rich-text p', '\\p{sc=Han}{4,}');
    expect(han).not.toBeNull();
    expect(Math.abs(han!.actual - han!.noto), JSON.stringify(han)).toBeLessThan(0.5);
    expect(await charWidth(page, '.rich-text', '“')).toBeGreaterThan(0.7);
  });
