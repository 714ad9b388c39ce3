import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { DEFAULT_EXHIBIT as exhibit, strings, textOf } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { enterPin, holdCorners, PIN, setPin } from './staff.ts';
import { Touch } from './touch.ts';

let host: KioskHost;
test.beforeAll(async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-touch-'));
  setPin(data);
  host = await startHost({ dataDir: data });
});
test.afterAll(async () => {
  await host.stop();
});

const zh = strings('zh-Hans');
const live = (page: Page, selector: string) => page.locator(`.screen:not([inert]) ${selector}`);

/** What a press may change, as the browser computes it. */
async function look(page: Page, probe: number): Promise<string> {
  return page.evaluate((i) => {
    const cs = getComputedStyle(document.querySelector(`[data-press-probe="${i}"]`)!);
    return [cs.transform, cs.scale, cs.backgroundColor, cs.boxShadow, cs.filter].join(' | ');
  }, probe);
}

/**
 * Every control a finger can reach on screen now (visible, enabled, not behind an overlay, its
 * centre not covered by anything else), each numbered for `look`.
 */
async function reachableControls(page: Page): Promise<{ i: number; name: string; x: number; y: number }[]> {
  return page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-press-probe]')) el.removeAttribute('data-press-probe');
    const out: { i: number; name: string; x: number; y: number }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, [role="button"]')) {
      if (el.matches(':disabled') || el.closest('[inert], [aria-hidden="true"]')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width < 1 || r.height < 1 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !el.contains(hit)) continue;
      el.dataset.pressProbe = String(out.length);
      out.push({ i: out.length, name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40), x, y });
    }
    return out;
  });
}

/**
 * Puts a finger on each control in turn and, in the next frame, before it lifts, compares the
 * control with how it looked at rest; then takes the finger away without a tap (touchCancel,
 * so nothing opens) and waits for the control to look as before.
 */
async function everyControlAnswersAFinger(page: Page, cdp: CDPSession, where: string, atLeast: number): Promise<void> {
  const controls = await reachableControls(page);
  expect(controls.length, `${where}: controls found`).toBeGreaterThanOrEqual(atLeast);
  const silent: string[] = [];
  for (const c of controls) {
    const rest = await look(page, c.i);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: c.x, y: c.y, id: 0 }] });
    // Within three frames: the DevTools protocol answers a touch before a busy renderer has
    // handled it, so on a loaded machine the first frame after the answer may come too soon.
    let down = rest;
    for (let frame = 0; frame < 3 && down === rest; frame += 1) {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      down = await look(page, c.i);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
    if (down === rest) silent.push(`${where}: "${c.name}" looks the same pressed (${rest})`);
    await expect.poll(() => look(page, c.i), { message: `${where}: "${c.name}" back at rest`, intervals: [16, 50, 100] }).toBe(rest);
  }
  expect(silent).toEqual([]);
}

async function goHome(page: Page): Promise<void> {
  await page.getByRole('button', { name: zh.nav!.home, exact: true }).tap();
  await expect(live(page, '.home')).toBeVisible();
}

test('every control on every screen looks pressed while a finger is on it, and lets go when it lifts', async ({ page }) => {
  test.setTimeout(180_000);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(textOf(exhibit.title, 'zh-Hans'));

  await everyControlAnswersAFinger(page, cdp, 'home', 5);

  await live(page, '.section-tile').first().tap();
  await expect(live(page, '.section-screen')).toBeVisible();
  await everyControlAnswersAFinger(page, cdp, 'section', 8);
  await live(page, '.section-panels').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(live(page, '.next-section')).toBeInViewport();
  await everyControlAnswersAFinger(page, cdp, 'section, scrolled to its end', 8);

  await goHome(page);
  const story = exhibit.stories.find((s) => s.slides.some((slide) => slide.compare))!;
  await live(page, `.story-card[data-story="${story.id}"]`).tap();
  await page.getByRole('button', { name: zh.story!.next }).tap();
  await expect(live(page, 'main')).toHaveAttribute('data-slide', story.slides[1]!.id);
  await everyControlAnswersAFinger(page, cdp, 'story', 8);
  const compare = story.slides.findIndex((s) => s.compare);
  await page.getByRole('button', { name: zh.story!.goTo!.replace('{{n}}', String(compare + 1)) }).tap();
  await expect(live(page, '.before-after')).toBeVisible();
  await everyControlAnswersAFinger(page, cdp, 'story, compare slide', 8);

  await goHome(page);
  await page.getByRole('button', { name: zh.home!.credits }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(zh.credits!.title!);
  await everyControlAnswersAFinger(page, cdp, 'credits', 6);

  await goHome(page);
  await live(page, '.model-card').tap();
  await expect(page.locator('.model-marker').first()).toBeVisible({ timeout: 30_000 });
  await everyControlAnswersAFinger(page, cdp, '3D', 8);

  await goHome(page);
  const touch = await Touch.on(page);
  await holdCorners(page, touch);
  await expect(page.getByRole('dialog', { name: zh.admin!.pinTitle })).toBeVisible();
  await everyControlAnswersAFinger(page, cdp, 'PIN pad', 12);

  await enterPin(page, PIN);
  await expect(page.getByRole('heading', { level: 1, name: zh.admin!.title, exact: true })).toBeVisible();
  await everyControlAnswersAFinger(page, cdp, 'admin', 4);
  await page.getByRole('button', { name: zh.admin!.selfTest, exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: strings('zh-Hans').selftest!.title, exact: true })).toBeVisible();
  await everyControlAnswersAFinger(page, cdp, 'self-test', 4);
});
