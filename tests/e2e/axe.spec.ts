import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Language } from '../../core/content/schema.ts';
import { seriousAxeFindings } from './axe.ts';
import { DEFAULT_EXHIBIT as exhibit, LANGUAGES, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { enterPin, holdCorners, PIN, setPin } from './staff.ts';
import { Touch } from './touch.ts';

const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);

/**
 * Headings a screen reader user can reach now, in document order, where one goes more than a
 * level deeper than the one before it (h1 then h3).
 */
async function skippedHeadings(page: Page, where: string): Promise<string[]> {
  const headings = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter((h) => !h.closest('[inert], [aria-hidden="true"]') && h.getClientRects().length > 0)
      .map((h) => ({ level: Number(h.getAttribute('aria-level') ?? h.tagName.slice(1)), text: (h.textContent ?? '').trim().slice(0, 30) })),
  );
  const skips: string[] = [];
  headings.forEach((h, i) => {
    const before = headings[i - 1];
    if (before && h.level > before.level + 1) skips.push(`${where}: h${before.level} "${before.text}" then h${h.level} "${h.text}"`);
  });
  return skips;
}

async function check(page: Page, where: string, found: string[]): Promise<void> {
  found.push(...(await seriousAxeFindings(page, where)), ...(await skippedHeadings(page, where)));
}

/** The kiosk in `code`, large text on. */
async function open(page: Page, host: KioskHost, code: Language): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));
  await page.getByRole('button', { name: LANGUAGES.find((l) => l.code === code)!.name, exact: true }).tap();
  await page.getByRole('button', { name: strings(code).nav!.largeText }).tap();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, code));
}

test.describe('every screen', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-axe-'));
    setPin(data);
    host = await startHost({ dataDir: data });
  });
  test.afterAll(async () => {
    await host.stop();
  });

  for (const { code, name } of LANGUAGES) {
    test(`in ${name} with large text: axe finds nothing serious and no heading level is skipped, on the visitor screens`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const ui = strings(code);
      const found: string[] = [];
      const home = async () => {
        await page.getByRole('button', { name: ui.nav!.home, exact: true }).tap();
        await expect(live(page, '.home')).toBeVisible();
      };
      await open(page, host, code);
      await check(page, 'home', found);

      await live(page, '.section-tile').first().tap();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.sections[0]!.title, code));
      await check(page, 'section', found);

      await home();
      const story = exhibit.stories.find((s) => s.slides.some((slide) => slide.compare))!;
      await live(page, `.story-card[data-story="${story.id}"]`).tap();
      await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[0]!.id);
      await check(page, 'story', found);
      const compare = story.slides.findIndex((s) => s.compare);
      await page.getByRole('button', { name: ui.story!.goTo!.replace('{{n}}', String(compare + 1)) }).tap();
      await expect(page.getByRole('slider', { name: ui.story!.compare })).toBeVisible();
      await check(page, 'story, compare slide', found);

      await home();
      await page.getByRole('button', { name: ui.home!.credits }).tap();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.credits!.title!);
      await check(page, 'credits', found);

      await home();
      await live(page, '.model-card').tap();
      await expect(page.locator('.model-marker').first()).toBeVisible({ timeout: 30_000 });
      await check(page, '3D', found);
      expect(found).toEqual([]);
    });

    test(`in ${name} with large text: axe finds nothing serious and no heading level is skipped, on the PIN pad, the admin screen and the self-test`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const ui = strings(code);
      const found: string[] = [];
      await open(page, host, code);
      await holdCorners(page, await Touch.on(page));
      await expect(page.getByRole('dialog', { name: ui.admin!.pinTitle })).toBeVisible();
      await check(page, 'PIN pad', found);
      await enterPin(page, PIN);
      await expect(page.getByRole('heading', { level: 1, name: ui.admin!.title, exact: true })).toBeVisible();
      await check(page, 'admin', found);
      await page.getByRole('button', { name: ui.admin!.selfTest, exact: true }).tap();
      await expect(page.getByRole('heading', { level: 1, name: ui.selftest!.title, exact: true })).toBeVisible();
      await check(page, 'self-test', found);
      expect(found).toEqual([]);
    });
  }
});

test.describe('the idle dialog', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startHost({ idle: 6, countdown: 60 });
  });
  test.afterAll(async () => {
    await host.stop();
  });

  for (const { code, name } of LANGUAGES) {
    test(`in ${name} with large text: axe finds nothing serious and no heading level is skipped`, async ({ page }) => {
      const found: string[] = [];
      await open(page, host, code);
      await expect(page.getByRole('alertdialog', { name: strings(code).idle!.title })).toBeVisible({ timeout: 20_000 });
      await check(page, 'idle dialog', found);
      expect(found).toEqual([]);
    });
  }
});
