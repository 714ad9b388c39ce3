/** `tap-to-frame-p95`: a tap on a section tile, a story's arrow and a marker on the 3D model, to the frame that answers it. */
import type { Page } from '@playwright/test';
import { goHome } from '../../tests/e2e/visitor-session.ts';
import { centerOf, figure, newPage, percentile, tapToFrame, type Bench, type Figures } from '../lib.ts';

/** Back to the home screen, and its entrance finished (taps are timed on a settled screen). */
async function settleHome(page: Page): Promise<void> {
  await goHome(page);
  await page.waitForTimeout(300);
}

export async function taps({ browser, host, quick }: Bench): Promise<Figures> {
  const page = await newPage(browser, host);
  const kinds: Record<'section' | 'slide' | 'hotspot', number[]> = { section: [], slide: [], hotspot: [] };
  const rounds = quick ? 5 : 15;
  for (let i = 0; i < rounds; i += 1) {
    const tile = await centerOf(page, '.screen:not([inert]) .section-tile');
    kinds.section.push(await tapToFrame(page, tile.x, tile.y));
    await page.waitForTimeout(300);
    await settleHome(page);
    await page.locator('.screen:not([inert]) .story-card[data-story]').first().tap();
    await page.locator('.screen:not([inert]) .story-arrow.next').waitFor();
    await page.waitForTimeout(300);
    // A story reopened in the same session resumes where it was left; at its last slide the
    // way on is back.
    const atEnd = await page.locator('.screen:not([inert]) .story-arrow.next').isDisabled();
    const arrow = await centerOf(page, `.screen:not([inert]) .story-arrow.${atEnd ? 'previous' : 'next'}`);
    kinds.slide.push(await tapToFrame(page, arrow.x, arrow.y));
    await page.waitForTimeout(200);
    await settleHome(page);
  }
  const model = await centerOf(page, '.model-card');
  await page.touchscreen.tap(model.x, model.y);
  const shown = page.locator('.model-view[data-ready="true"] .model-marker[data-occluded="false"]');
  await shown.first().waitFor({ timeout: 60_000 });
  for (let i = 0; i < (quick ? 3 : 8); i += 1) {
    await page.waitForTimeout(1500);
    const marker = shown.nth(i % (await shown.count()));
    const box = (await marker.boundingBox())!;
    kinds.hotspot.push(await tapToFrame(page, box.x + box.width / 2, box.y + box.height / 2));
    await page.waitForTimeout(1500);
    await page.locator('.model-info-close').tap();
  }
  const each = Object.entries(kinds)
    .map(
      ([kind, samples]) => `${kind} ${Math.round(percentile(samples, 50))}/${Math.round(percentile(samples, 95))} ms (${samples.length})`,
    )
    .join(', ');
  const figures = { 'tap-to-frame-p95': figure(Object.values(kinds).flat(), 'ms', { target: '≤ 50 (p95)', note: `median/p95: ${each}` }) };
  await page.close();
  return figures;
}
