import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, LANGUAGES, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { layoutProblems } from './layout-audit.ts';
import { inspectScreen, type Findings } from './typeset-audit.ts';

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** What one walk over every visitor screen found, by kind. */
interface Walk {
  layout: string[];
  reach: string[];
  typeset: Omit<Findings, 'checked'>;
  checked: number;
  screens: number;
}

const portrait = (page: Page) => page.viewportSize()!.height > page.viewportSize()!.width;

/**
 * Every screen a visitor reads (home, each section at its start and its end, each slide of each
 * story, credits, the 3D screen), each in every language with large text off and on, measured
 * line by line: layout (nothing cut off, under a control or over other text; in portrait every
 * control in the lower two thirds) and typesetting (no hyphenated headings or names, no split
 * names, no lonely Chinese last line). Language and size are switched by a click: the taps are
 * the visitor tests' business, and a tap's waiting would make this walk take many minutes.
 */
async function walkEverything(page: Page): Promise<Walk> {
  const walk: Walk = {
    layout: [],
    reach: [],
    typeset: { softHyphens: [], hyphenAtLineEnd: [], splitNames: [], lonelyLastLine: [] },
    checked: 0,
    screens: 0,
  };
  const everyWay = async (where: string, options: { reach?: boolean; reachExempt?: string } = {}) => {
    for (const large of [false, true]) {
      const toggle = page.locator('.large-text-toggle');
      if ((await toggle.getAttribute('aria-pressed')) !== String(large)) await toggle.evaluate((b: HTMLElement) => b.click());
      await expect(toggle).toHaveAttribute('aria-pressed', String(large));
      for (const { code, name } of LANGUAGES) {
        await page
          .locator('.kiosk-bar')
          .getByRole('button', { name, exact: true })
          .evaluate((b: HTMLElement) => b.click());
        await expect(page.locator('html')).toHaveAttribute('lang', code);
        const here = `${where} ${code}${large ? ' large' : ''}`;
        const problems = await layoutProblems(page, here, { ...options, reach: options.reach && portrait(page) });
        walk.reach.push(...problems.filter((p) => p.includes(' is out of reach')));
        walk.layout.push(...problems.filter((p) => !p.includes(' is out of reach')));
        const found = await inspectScreen(page);
        for (const key of ['softHyphens', 'hyphenAtLineEnd', 'splitNames', 'lonelyLastLine'] as const)
          walk.typeset[key].push(...found[key].map((f) => `${here}: ${f}`));
        walk.checked += found.checked;
        walk.screens += 1;
      }
    }
  };
  const home = async () => {
    const button = page.locator('.kiosk-bar .bar-button').first();
    if (await button.isEnabled()) await button.tap();
    await expect(page.locator('main.home')).toBeVisible();
  };

  await page.goto(host.url);
  await expect(page.locator('main.home')).toBeVisible();
  await everyWay('home', { reach: true });
  for (const section of exhibit.sections) {
    await page.locator(`.section-tile[data-section="${section.id}"]`).tap();
    await expect(page.locator(`main.section-screen[data-section="${section.id}"]`)).toBeVisible();
    await everyWay(`section ${section.id}`, { reach: true });
    await page.locator('.section-panels').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await everyWay(`section ${section.id} at its end`);
    await home();
  }
  for (const story of exhibit.stories) {
    await page.locator(`.story-card[data-story="${story.id}"]`).tap();
    for (let i = 0; i < story.slides.length; i += 1) {
      await page.locator('.dot').nth(i).tap();
      await expect(page.locator('main.story-screen')).toHaveAttribute('data-slide', story.slides[i]!.id);
      await everyWay(`story ${story.id} slide ${i + 1}`, { reach: true });
    }
    await home();
  }
  await page.locator('.credits-tile').tap();
  await everyWay('credits', { reach: true });
  await home();
  await page.locator('.model-card').tap();
  await expect(page.locator('.model-view')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await everyWay('3D', { reach: true, reachExempt: '.model-markers' });
  return walk;
}

/** One walk, shared by the tests that read it (a test that fails restarts the worker, and the walk runs again). */
let walked: Walk | undefined;
async function everything(page: Page): Promise<Walk> {
  walked ??= await walkEverything(page);
  return walked;
}

test.describe('every visitor screen, in every language, large text off and on', () => {
  test.describe.configure({ timeout: 600_000 });

  test('no text is cut off, runs under a control or overlaps other text', async ({ page }) => {
    const walk = await everything(page);
    expect(walk.screens).toBeGreaterThan(200);
    expect(walk.layout).toEqual([]);
  });

  test('in portrait every control but the 3D markers starts in the lower two thirds of the screen', async ({ page }) => {
    test.skip(!portrait(page), 'the reach rule is for the portrait totem');
    expect((await everything(page)).reach).toEqual([]);
  });

  test('headings, titles, names and large quotes are never hyphenated, and no line of them ends on a hyphen', async ({ page }) => {
    const walk = await everything(page);
    expect(walk.checked).toBeGreaterThan(1500);
    expect(walk.typeset.softHyphens, 'soft hyphens in headings').toEqual([]);
    expect(walk.typeset.hyphenAtLineEnd, 'lines of headings ending on a hyphen').toEqual([]);
  });

  test('no line splits a name, and a Chinese paragraph or title never leaves one character on its last line', async ({ page }) => {
    const walk = await everything(page);
    expect(walk.typeset.splitNames, 'names split across lines').toEqual([]);
    expect(walk.typeset.lonelyLastLine, 'Chinese last lines with fewer than two characters').toEqual([]);
  });
});

test('home offers each thing once: no two tiles share a label or hold one another, and no section takes the exhibit’s own title', async ({
  page,
}) => {
  await page.goto(host.url);
  for (const { code, name } of LANGUAGES) {
    await page.locator('.kiosk-bar').getByRole('button', { name, exact: true }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    const labels = (await page.locator('.section-tile .tile-title, .story-card .card-title').allTextContents()).map((l) =>
      l
        .replace(/\u00ad/g, '')
        .trim()
        .toLowerCase(),
    );
    const title = textOf(exhibit.title, code).toLowerCase();
    for (const [i, a] of labels.entries()) {
      expect(a, `${code}: a tile named like the exhibit`).not.toBe(title);
      for (const b of labels.slice(i + 1)) expect(a.includes(b) || b.includes(a), `${code}: "${a}" and "${b}"`).toBe(false);
    }
  }
});
