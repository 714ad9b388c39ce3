import type { Page } from '@playwright/test';

/** Back to the home screen, whatever screen is showing. */
export async function goHome(page: Page): Promise<void> {
  const home = page.locator('.bar-button').first();
  // Disabled on the home screen, which may have come back (a screen change) since the check.
  if (await home.isEnabled()) await home.tap({ timeout: 3000 }).catch(() => undefined);
  await page.locator('.screen:not([inert]) .home').waitFor();
}

/**
 * One scripted visitor, as the leak test and the heap benchmark run them: wait for the attract
 * loop, tap it, then a story (next slide), a section and the 3D screen, home after each. Every
 * step is a touch, well within a short idle time.
 */
export async function visitorSession(page: Page, attractWithinMs: number): Promise<void> {
  const live = (selector: string) => page.locator(`.screen:not([inert]) ${selector}`);
  const attract = page.locator('.attract');
  await attract.waitFor({ timeout: attractWithinMs });
  await attract.tap();
  await attract.waitFor({ state: 'hidden' });
  await goHome(page);
  await live('.story-card[data-story]').first().tap();
  await live('.story-arrow.next').tap();
  await goHome(page);
  await live('.section-tile').nth(2).tap();
  await goHome(page);
  await live('.model-card').tap();
  await page.waitForTimeout(500);
  await goHome(page);
}
