import fs from 'node:fs';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { KHRMaterialsVariants } from '@gltf-transform/extensions';
import { expect, test, type CDPSession, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { LANGUAGE, LANGUAGES, type Language } from '../../core/content/languages.ts';
import { makePackage, makePackageV2 } from '../fixtures/make-package.ts';
import { seriousAxeFindings } from './axe.ts';
import { openKiosk, startHost, type KioskHost } from './kiosk-host.ts';

// The 3D tractor with the default content package, in Debian's Chromium (SwiftShader WebGL,
// slow and software-only: timeouts are generous, assertions wait for state, not for time).

type Lang = Language;
type LangMap = Partial<Record<Lang, string[]>>;
interface ModelJson {
  title: LangMap;
  camera: { minDistance: number; maxDistance: number };
  hotspots: { id: string; title: LangMap; text: LangMap }[];
  tour: { id: string; title: LangMap; text: LangMap }[];
  liveries: { id: string; variant: string; label: LangMap }[];
}

const model = (JSON.parse(fs.readFileSync('assets/content/exhibit.json', 'utf8')) as { models: ModelJson[] }).models[0]!;
interface Strings {
  nav: { home: string };
  model: { close: string; tour: string; next: string; unavailable: string };
}
const strings = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, JSON.parse(fs.readFileSync(`locales/${lang}/common.json`, 'utf8')) as Strings]),
) as Record<Lang, Strings>;
const text = (map: LangMap, lang: Lang) => map[lang]!.join('\n');
const hotspot = (id: string) => model.hotspots.find((h) => h.id === id)!;

let host: KioskHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const view = (page: Page) => page.locator('.model-view');
const canvas = (page: Page) => page.locator('.model-view canvas');

async function data(page: Page, name: string): Promise<number> {
  return Number(await view(page).getAttribute(`data-${name}`));
}

/** Taps the 3D card on Home and waits until the model has been drawn. */
async function openModel(page: Page): Promise<void> {
  await page.locator('.screen:not([inert]) .model-card').first().tap();
  await expect(view(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** Waits until the view has stopped drawing (no new frame for 600 ms). */
async function settle(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const frames = await data(page, 'frames');
        const still = frames === last;
        last = frames;
        return still;
      },
      { intervals: [600], timeout: 30_000 },
    )
    .toBe(true);
}

/**
 * A point on the bare canvas, with room around it: Chromium moves a touch onto a nearby button
 * (touch adjustment), so the fingers keep 50 px clear of markers and buttons.
 */
async function bareSpot(page: Page): Promise<{ x: number; y: number }> {
  const spot = await page.evaluate(() => {
    const c = document.querySelector('.model-view canvas')!.getBoundingClientRect();
    const bare = (x: number, y: number) =>
      [-50, 0, 50].every((dx) => [-50, 0, 50].every((dy) => document.elementFromPoint(x + dx, y + dy)?.tagName === 'CANVAS'));
    for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2]) {
      for (const fx of [0.16, 0.84, 0.3, 0.7, 0.5]) {
        const x = c.left + c.width * fx;
        const y = c.top + c.height * fy;
        if ([-110, 0, 110].every((dx) => bare(x + dx, y))) return { x, y };
      }
    }
    return null;
  });
  expect(spot, 'a bare spot on the canvas').not.toBeNull();
  return spot!;
}

async function touches(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
}

/** One finger from `from`, moved by (dx, dy) in small steps. */
async function drag(page: Page, cdp: CDPSession, from: { x: number; y: number }, dx: number, dy: number, steps = 14): Promise<void> {
  await touches(cdp, 'touchStart', [from]);
  for (let i = 1; i <= steps; i += 1) {
    await touches(cdp, 'touchMove', [{ x: from.x + (dx * i) / steps, y: from.y + (dy * i) / steps }]);
    await page.waitForTimeout(16);
  }
  await touches(cdp, 'touchEnd', []);
}

/** Two fingers around `center`, from `fromGap` to `toGap` apart, moving together by (dx, dy). */
async function twoFingers(
  page: Page,
  cdp: CDPSession,
  center: { x: number; y: number },
  fromGap: number,
  toGap: number,
  dx = 0,
  dy = 0,
  steps = 12,
): Promise<void> {
  const at = (t: number) => {
    const gap = fromGap + (toGap - fromGap) * t;
    const cx = center.x + dx * t;
    const cy = center.y + dy * t;
    return [
      { x: cx - gap / 2, y: cy },
      { x: cx + gap / 2, y: cy },
    ];
  };
  await touches(cdp, 'touchStart', at(0));
  for (let i = 1; i <= steps; i += 1) {
    await touches(cdp, 'touchMove', at(i / steps));
    await page.waitForTimeout(16);
  }
  await touches(cdp, 'touchEnd', []);
}

interface Picture {
  data: Buffer;
  width: number;
  height: number;
}

/** The canvas as the visitor sees it, with the interface over it painted out in paper colour. */
async function picture(page: Page): Promise<Picture> {
  const mask: Locator[] = ['.model-marker', '.model-header', '.model-info', '.model-livery', '.model-actions'].map((s) => page.locator(s));
  const png = await canvas(page).screenshot({ mask, maskColor: '#efe6d2', animations: 'disabled' });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function share(p: Picture, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 3) if (test(p.data[i]!, p.data[i + 1]!, p.data[i + 2]!)) n += 1;
  return n / (p.width * p.height);
}

function distinctColours(p: Picture): number {
  const seen = new Set<number>();
  for (let i = 0; i < p.data.length; i += 3) seen.add(((p.data[i]! >> 3) << 10) | ((p.data[i + 1]! >> 3) << 5) | (p.data[i + 2]! >> 3));
  return seen.size;
}

/** Dongfanghong red paint, lit or in shade. */
const red = (r: number, g: number, b: number) => r > 90 && r > 2.2 * g && r > 2.2 * b;
/** DT-54 olive paint: green a little above red, both well above blue, not bright. */
const olive = (r: number, g: number, b: number) => g >= r && g > b * 1.12 && g > 30 && g < 150 && r > 0.75 * g;

test.describe.configure({ timeout: 120_000 });

test('three.js loads only when the 3D screen first opens, and the canvas draws the red Dongfanghong', async ({ page }) => {
  await openKiosk(page, host);
  expect(await page.evaluate(() => (window as { __THREE__?: string }).__THREE__)).toBeUndefined();
  await openModel(page);
  expect(await page.evaluate(() => (window as { __THREE__?: string }).__THREE__)).toBeTruthy();
  await settle(page);
  const shot = await picture(page);
  expect(distinctColours(shot), 'the canvas is not one flat colour').toBeGreaterThan(300);
  expect(share(shot, red), 'red paint on screen').toBeGreaterThan(0.03);
  expect(share(shot, olive), 'no olive paint on the Dongfanghong').toBeLessThan(0.01);
  await expect(view(page)).toHaveAttribute('data-context', 'ok');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(model.title, 'zh-Hans'));
});

test('a tap on a numbered marker opens its card in Chinese, Russian and English, and the close button closes it', async ({ page }) => {
  await openKiosk(page, host);
  await openModel(page);
  const hood = hotspot('hood');
  for (const lang of LANGUAGES) {
    await page.getByRole('button', { name: LANGUAGE[lang].endonym, exact: true }).tap();
    const marker = page.getByRole('button', { name: text(hood.title, lang), exact: true });
    await expect(marker).toBeVisible();
    await expect(marker).toHaveText(String(model.hotspots.indexOf(hood) + 1));
    const box = (await marker.boundingBox())!;
    expect(Math.min(box.width, box.height), 'marker touch target').toBeGreaterThanOrEqual(64);
    await marker.tap();
    const card = page.locator('.model-info');
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(text(hood.title, lang));
    await expect(card).toContainText(text(hood.text, lang));
    await expect(marker).toHaveAttribute('aria-current', 'true');
    await card.getByRole('button', { name: strings[lang].model.close, exact: true }).tap();
    await expect(card).toHaveCount(0);
  }
});

test('markers hide behind the model and show when the camera comes round', async ({ page }) => {
  await openKiosk(page, host);
  await openModel(page);
  await settle(page);
  const fuelTank = page.locator('.model-marker[data-hotspot="fuel-tank"]');
  await expect(fuelTank).toHaveAttribute('data-occluded', 'true');
  await expect(fuelTank).toBeHidden();
  await expect(page.locator('.model-marker[data-hotspot="hood"]')).toBeVisible();
  await page.getByRole('button', { name: strings['zh-Hans'].model.tour }).tap();
  for (let i = 0; i < model.tour.findIndex((s) => s.id === 'tour-cab'); i += 1)
    await page.getByRole('button', { name: strings['zh-Hans'].model.next }).tap();
  await expect(page.locator('.model-info').getByRole('heading', { level: 2 })).toHaveText(
    text(model.tour.find((s) => s.id === 'tour-cab')!.title, 'zh-Hans'),
  );
  await expect(fuelTank).toBeVisible();
  await expect(page.locator('.model-marker[data-hotspot="cab"]')).toHaveAttribute('aria-current', 'true');
});

test('gestures turn, zoom and pan within the limits, reach the window, and a double tap resets the view', async ({ page }) => {
  test.setTimeout(240_000);
  await openKiosk(page, host);
  await openModel(page);
  await settle(page);
  await page.evaluate(() => {
    const w = window;
    w.seen = { pointerdown: 0, pointermove: 0, pointerup: 0 };
    for (const type of Object.keys(w.seen)) window.addEventListener(type, () => (w.seen[type]! += 1));
  });
  const cdp = await page.context().newCDPSession(page);
  const start = {
    distance: await data(page, 'camera-distance'),
    polar: await data(page, 'camera-polar'),
    azimuth: await data(page, 'camera-azimuth'),
  };
  const spot = await bareSpot(page);

  await drag(page, cdp, spot, 260, 0);
  await settle(page);
  expect(Math.abs((await data(page, 'camera-azimuth')) - start.azimuth), 'one finger sideways turns the tractor').toBeGreaterThan(15);
  const seen = await page.evaluate(() => window.seen);
  expect(seen.pointerdown).toBeGreaterThan(0);
  expect(seen.pointermove).toBeGreaterThan(5);
  expect(seen.pointerup).toBeGreaterThan(0);

  // Finger up: the camera swings down towards the ground, and stops above it.
  for (let i = 0; i < 2; i += 1) await drag(page, cdp, spot, 0, -400);
  await settle(page);
  const polar = await data(page, 'camera-polar');
  expect(polar).toBeGreaterThan(start.polar);
  expect(polar, 'never below the ground').toBeLessThanOrEqual(89);

  // Pinch out: closer, but never closer than the package's minimum distance.
  let previous = await data(page, 'camera-distance');
  for (let i = 0; i < 2; i += 1) {
    await twoFingers(page, cdp, spot, 60, 220);
    await settle(page);
    const distance = await data(page, 'camera-distance');
    expect(distance).toBeLessThanOrEqual(previous + 1e-3);
    expect(distance).toBeGreaterThanOrEqual(model.camera.minDistance - 1e-3);
    previous = distance;
  }
  expect(previous).toBeLessThan(start.distance);
  // Pinch in: further, but never beyond the maximum.
  for (let i = 0; i < 2; i += 1) {
    await twoFingers(page, cdp, spot, 220, 40);
    await settle(page);
    const distance = await data(page, 'camera-distance');
    expect(distance).toBeLessThanOrEqual(model.camera.maxDistance + 1e-3);
  }
  expect(await data(page, 'camera-distance')).toBeGreaterThan(start.distance);
  // Two fingers moving up drag the target down: it stops above the ground.
  for (let i = 0; i < 2; i += 1) await twoFingers(page, cdp, spot, 120, 120, 0, -300);
  await settle(page);
  expect(await data(page, 'target-y')).toBeGreaterThanOrEqual(0.2 - 1e-3);
  expect(await data(page, 'camera-polar')).toBeLessThanOrEqual(89);

  const bare = await bareSpot(page);
  await page.touchscreen.tap(bare.x, bare.y);
  await page.touchscreen.tap(bare.x, bare.y);
  await expect.poll(() => data(page, 'camera-distance'), { timeout: 10_000 }).toBeCloseTo(start.distance, 2);
  await expect.poll(() => data(page, 'camera-polar')).toBeCloseTo(start.polar, 1);
  await expect.poll(() => data(page, 'camera-azimuth')).toBeCloseTo(start.azimuth, 1);
  await cdp.detach();
});

test('the livery toggle swaps the paint: red for Dongfanghong, olive for DT-54', async ({ page }) => {
  await openKiosk(page, host);
  await openModel(page);
  const dt54 = model.liveries.find((l) => l.variant === 'dt54');
  const dfh = model.liveries.find((l) => l.variant === 'dongfanghong');
  const dt54Button = page.getByRole('button', { name: text(dt54!.label, 'zh-Hans'), exact: true });
  const dfhButton = page.getByRole('button', { name: text(dfh!.label, 'zh-Hans'), exact: true });
  await expect(dfhButton).toHaveAttribute('aria-pressed', 'true');
  await expect(view(page)).toHaveAttribute('data-livery', dfh!.variant);
  await expect(view(page)).toHaveAttribute('data-materials', /paint_dongfanghong/);

  await dt54Button.tap();
  await expect(view(page)).toHaveAttribute('data-materials', /paint_dt54/);
  await settle(page);
  const oliveShot = await picture(page);
  expect(share(oliveShot, red), 'no red on the DT-54').toBeLessThan(0.002);
  expect(share(oliveShot, olive)).toBeGreaterThan(0.03);

  await dfhButton.tap();
  await expect(dfhButton).toHaveAttribute('aria-pressed', 'true');
  await expect(dt54Button).toHaveAttribute('aria-pressed', 'false');
  await expect(view(page)).toHaveAttribute('data-livery', dfh!.variant);
  await expect(view(page)).toHaveAttribute('data-materials', /paint_dongfanghong/);
  await expect(view(page)).not.toHaveAttribute('data-materials', /paint_dt54/);
  await settle(page);
  const redShot = await picture(page);
  expect(share(redShot, red), 'red paint on the Dongfanghong').toBeGreaterThan(0.03);
  expect(share(redShot, olive)).toBeLessThan(0.01);
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const fmt = (b: Box) => [b.left, b.top, b.right, b.bottom].map((n) => Math.round(n)).join(',');

/** The shown markers' boxes (their hit areas) and their anchors' projected points, in page pixels. */
async function shownMarkers(page: Page): Promise<{ id: string; number: string; box: Box; anchor: { x: number; y: number } }[]> {
  return page.evaluate(() => {
    const view = document.querySelector('.model-view')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.model-marker')]
      .filter((el) => el.dataset.occluded === 'false' && getComputedStyle(el).visibility === 'visible')
      .map((el) => {
        const r = el.getBoundingClientRect();
        const [ax, ay] = (el.dataset.anchor ?? 'NaN,NaN').split(',').map(Number);
        return {
          id: el.dataset.hotspot!,
          number: el.textContent ?? '',
          box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
          anchor: { x: view.left + ax!, y: view.top + ay! },
        };
      });
  });
}

/** The canvas's visible area, and the panels over it (title, card, livery, actions), in page pixels. */
async function canvasArea(page: Page): Promise<{ canvas: Box; panels: { name: string; box: Box }[] }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const panels = ['.model-header', '.model-info', '.model-livery', '.model-actions'].flatMap((s) =>
      [...document.querySelectorAll(s)].map((el) => ({ name: s, box: box(el) })),
    );
    return { canvas: box(document.querySelector('.model-view canvas')!), panels };
  });
}

/** The opening view, then each stop of the guided tour, each once the camera has come to rest. */
async function eachView(page: Page, at: (name: string) => Promise<void>): Promise<void> {
  await settle(page);
  await at('opening view');
  await page.getByRole('button', { name: strings['zh-Hans'].model.tour }).tap();
  for (let i = 0; i < model.tour.length; i += 1) {
    await expect(view(page)).toHaveAttribute('data-tour-stop', String(i));
    await expect(page.locator('.model-info').getByRole('heading', { level: 2 })).toHaveText(text(model.tour[i]!.title, 'zh-Hans'));
    await settle(page);
    await at(model.tour[i]!.id);
    if (i < model.tour.length - 1) await page.getByRole('button', { name: strings['zh-Hans'].model.next }).tap();
  }
}

test('at the opening view and every tour stop, no two shown markers’ touch areas overlap', async ({ page }) => {
  test.setTimeout(240_000);
  await openKiosk(page, host);
  await openModel(page);
  const problems: string[] = [];
  const figures: string[] = [];
  await eachView(page, async (name) => {
    const shown = await shownMarkers(page);
    let closest = Infinity;
    for (let i = 0; i < shown.length; i += 1) {
      const a = shown[i]!;
      expect(Math.min(a.box.right - a.box.left, a.box.bottom - a.box.top), 'a marker’s touch area').toBeGreaterThanOrEqual(64);
      for (let j = i + 1; j < shown.length; j += 1) {
        const b = shown[j]!;
        const gap = Math.max(b.box.left - a.box.right, a.box.left - b.box.right, b.box.top - a.box.bottom, a.box.top - b.box.bottom);
        closest = Math.min(closest, gap);
        if (overlaps(a.box, b.box)) problems.push(`${name}: markers ${a.number} and ${b.number} overlap (${fmt(a.box)} / ${fmt(b.box)})`);
      }
    }
    figures.push(`${name}: ${shown.length} shown, closest gap ${Math.round(closest)} px`);
  });
  test.info().annotations.push({ type: 'markers', description: figures.join('; ') });
  expect(problems).toEqual([]);
});

test('at every tour stop the whole tractor lies inside the canvas, clear of the title, the card and the buttons', async ({ page }) => {
  test.setTimeout(240_000);
  await openKiosk(page, host);
  await openModel(page);
  const problems: string[] = [];
  const figures: string[] = [];
  await eachView(page, async (name) => {
    const { canvas: c, panels } = await canvasArea(page);
    const raw = (await view(page).getAttribute('data-model-box')) ?? '';
    const [l, t, r, b] = raw.split(',').map(Number);
    expect([l, t, r, b].every(Number.isFinite), `the view publishes the model's projected box (got "${raw}")`).toBe(true);
    const m = { left: c.left + l!, top: c.top + t!, right: c.left + r!, bottom: c.top + b! };
    figures.push(`${name}: model ${fmt(m)}`);
    if (name === 'opening view') return;
    if (m.left < c.left || m.top < c.top || m.right > c.right || m.bottom > c.bottom)
      problems.push(`${name}: the model (${fmt(m)}) runs off the canvas (${fmt(c)})`);
    for (const p of panels) if (overlaps(m, p.box)) problems.push(`${name}: the model (${fmt(m)}) runs under ${p.name} (${fmt(p.box)})`);
  });
  test.info().annotations.push({ type: 'framing', description: figures.join('; ') });
  expect(problems).toEqual([]);
});

test('marker 13 stands beside the lettering it names, not on it', async ({ page }) => {
  test.setTimeout(240_000);
  await openKiosk(page, host);
  await openModel(page);
  const badge = String(model.hotspots.findIndex((h) => h.id === 'badge') + 1);
  const MARGIN = 12;
  const problems: string[] = [];
  let seen = 0;
  await eachView(page, async (name) => {
    const marker = (await shownMarkers(page)).find((m) => m.number === badge);
    if (!marker) return;
    seen += 1;
    const { box, anchor } = marker;
    const covers =
      anchor.x > box.left - MARGIN && anchor.x < box.right + MARGIN && anchor.y > box.top - MARGIN && anchor.y < box.bottom + MARGIN;
    if (covers) problems.push(`${name}: marker ${badge} (${fmt(box)}) covers its anchor (${Math.round(anchor.x)},${Math.round(anchor.y)})`);
  });
  expect(seen, 'marker 13 shown at some view').toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('the 3D screen opens on the livery the Home card shows', async ({ page }) => {
  await openKiosk(page, host);
  const poster = page.locator('.screen:not([inert]) .model-card').first().locator('img');
  await expect(poster).toBeVisible();
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const png = await poster.screenshot({ animations: 'disabled' });
  const { data: raw, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const card = { data: raw, width: info.width, height: info.height };
  const paint = (p: Picture) => {
    const r = share(p, red);
    const o = share(p, olive);
    return { red: r, olive: o, livery: r > o ? 'red' : 'olive' };
  };
  const onCard = paint(card);
  expect(Math.max(onCard.red, onCard.olive), 'the card shows a painted tractor').toBeGreaterThan(0.02);
  await openModel(page);
  await settle(page);
  const inViewer = paint(await picture(page));
  test.info().annotations.push({ type: 'paint', description: `card ${JSON.stringify(onCard)}; viewer ${JSON.stringify(inViewer)}` });
  expect(Math.max(inViewer.red, inViewer.olive)).toBeGreaterThan(0.02);
  expect(inViewer.livery).toBe(onCard.livery);
});

test('axe finds no serious or critical problem on the 3D screen, and everything on it sits in a landmark', async ({ page }) => {
  await openKiosk(page, host);
  await openModel(page);
  await settle(page);
  expect(await seriousAxeFindings(page, '3D', ['region'])).toEqual([]);
});

test('an untouched view draws no frames, and stops drawing once a gesture ends', async ({ page }) => {
  await openKiosk(page, host);
  await openModel(page);
  await settle(page);
  const before = await data(page, 'frames');
  await page.waitForTimeout(2000);
  expect(await data(page, 'frames'), 'frames drawn in 2 s untouched').toBeLessThanOrEqual(before);

  const cdp = await page.context().newCDPSession(page);
  await drag(page, cdp, await bareSpot(page), 200, 40);
  await cdp.detach();
  await expect.poll(() => data(page, 'frames')).toBeGreaterThan(before);
  await settle(page);
  const after = await data(page, 'frames');
  await page.waitForTimeout(2000);
  expect(await data(page, 'frames'), 'frames drawn in 2 s after the gesture ended').toBeLessThanOrEqual(after);
});

test('100 visits in and out of the 3D screen keep one WebGL context and leave three.js memory where the first visit left it', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.addInitScript(() => {
    const contexts = new WeakSet<object>();
    const w = window;
    w.webglContexts = 0;
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: Parameters<typeof original>) {
      const context = original.apply(this, args);
      if (context && String(args[0]).startsWith('webgl') && !contexts.has(context)) {
        contexts.add(context);
        w.webglContexts += 1;
      }
      return context;
    } as typeof original;
  });
  await openKiosk(page, host);
  const homeTitle = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const card = page.locator('.screen:not([inert]) .model-card').first();
  const homeButton = page.getByRole('button', { name: strings['zh-Hans'].nav.home, exact: true });
  const stage = page.locator('.model-stage');
  const centre = async (l: Locator) => {
    const box = (await l.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  // A visitor taps the same two places a hundred times: the 3D card on Home, then Home.
  const cardAt = await centre(card);
  const homeAt = await centre(homeButton);
  const visit = async () => {
    const frames = await page.evaluate(() => Number(document.querySelector<HTMLElement>('.model-view')?.dataset.frames ?? 0));
    await page.touchscreen.tap(cardAt.x, cardAt.y);
    await expect(stage).toHaveAttribute('data-visible', 'true');
    await expect(view(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect.poll(() => data(page, 'frames'), { intervals: [50] }).toBeGreaterThan(frames);
    await page.touchscreen.tap(homeAt.x, homeAt.y);
    await expect(stage).toHaveAttribute('data-visible', 'false');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(homeTitle);
    // The leaving screen fades out over Home for a moment and would take the next tap.
    await expect(page.locator('.screen[data-screen="model"]')).toHaveCount(0);
  };
  await visit();
  const first = { geometries: await data(page, 'geometries'), textures: await data(page, 'textures') };
  expect(first.geometries).toBeGreaterThan(0);
  for (let i = 1; i < 100; i += 1) await visit();
  const last = { geometries: await data(page, 'geometries'), textures: await data(page, 'textures') };
  test
    .info()
    .annotations.push({ type: 'memory', description: `after visit 1: ${JSON.stringify(first)}; after visit 100: ${JSON.stringify(last)}` });
  expect(last).toEqual(first);
  expect(await page.evaluate(() => window.webglContexts)).toBe(1);
});

test('a lost WebGL context shows the poster, and the restored context brings the model back', async ({ page }) => {
  await openKiosk(page, host);
  await openModel(page);
  await settle(page);
  const memory = { geometries: await data(page, 'geometries'), textures: await data(page, 'textures') };
  await page.evaluate(() => {
    const gl = document.querySelector<HTMLCanvasElement>('.model-view canvas')!.getContext('webgl2')!;
    const lose = gl.getExtension('WEBGL_lose_context')!;
    window.lose = lose;
    lose.loseContext();
  });
  await expect(view(page)).toHaveAttribute('data-context', 'lost');
  await expect(page.locator('.model-fallback-poster')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(strings['zh-Hans'].model.unavailable);
  await expect(page.locator('.model-marker')).toHaveCount(model.hotspots.length);
  await expect(page.locator('.model-markers')).toBeHidden();

  await page.evaluate(() => window.lose.restoreContext());
  await expect(view(page)).toHaveAttribute('data-context', 'ok');
  await expect(page.locator('.model-fallback-poster')).toBeHidden();
  await settle(page);
  const shot = await picture(page);
  expect(distinctColours(shot)).toBeGreaterThan(300);
  expect(share(shot, red), 'the model is drawn again').toBeGreaterThan(0.03);
  expect({ geometries: await data(page, 'geometries'), textures: await data(page, 'textures') }, 'everything uploaded again, once').toEqual(
    memory,
  );
});

/**
 * A museum's own scan: two boxes (a 2 × 1 × 1 m "Machine Body" on a flat "Base Plate"),
 * nothing named like the DT-54's parts, and its own two KHR_materials_variants.
 */
async function museumScan(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const variants = doc.createExtension(KHRMaterialsVariants);
  const grey = doc.createMaterial('scan_grey').setBaseColorFactor([0.35, 0.35, 0.33, 1]);
  const blue = doc.createMaterial('scan_blue').setBaseColorFactor([0.05, 0.12, 0.5, 1]);
  const steel = doc.createMaterial('scan_steel').setBaseColorFactor([0.2, 0.2, 0.2, 1]).setMetallicFactor(0.6);
  const box = (min: number[], max: number[]) => {
    const p: number[] = [];
    const n: number[] = [];
    const faces: [number, number][] = [
      [0, 1],
      [0, -1],
      [1, 1],
      [1, -1],
      [2, 1],
      [2, -1],
    ];
    for (const [axis, sign] of faces) {
      const [u, v] = [(axis + 1) % 3, (axis + 2) % 3];
      const corner = (a: number, b: number) => {
        const c = [0, 0, 0];
        c[axis] = sign > 0 ? max[axis]! : min[axis]!;
        c[u] = a ? max[u]! : min[u]!;
        c[v] = b ? max[v]! : min[v]!;
        return c;
      };
      const quad =
        sign > 0
          ? [corner(0, 0), corner(1, 0), corner(1, 1), corner(0, 0), corner(1, 1), corner(0, 1)]
          : [corner(0, 0), corner(1, 1), corner(1, 0), corner(0, 0), corner(0, 1), corner(1, 1)];
      for (const c of quad) {
        p.push(...c);
        const normal = [0, 0, 0];
        normal[axis] = sign;
        n.push(...normal);
      }
    }
    return doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(p)).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(n)).setBuffer(buffer));
  };
  const body = box([-1, 0.2, -0.5], [1, 1.2, 0.5]).setMaterial(grey);
  body.setExtension(
    'KHR_materials_variants',
    variants
      .createMappingList()
      .addMapping(variants.createMapping().addVariant(variants.createVariant('museum-grey')).setMaterial(grey))
      .addMapping(variants.createMapping().addVariant(variants.createVariant('museum-blue')).setMaterial(blue)),
  );
  const scene = doc.createScene('scan');
  scene.addChild(doc.createNode('Machine Body').setMesh(doc.createMesh('body').addPrimitive(body)));
  scene.addChild(
    doc.createNode('Base Plate').setMesh(doc.createMesh('base').addPrimitive(box([-1.4, 0, -0.8], [1.4, 0.2, 0.8]).setMaterial(steel))),
  );
  return new NodeIO().registerExtensions([KHRMaterialsVariants]).writeBinary(doc);
}

test.describe("a museum's own scan in place of the DT-54", () => {
  let scanHost: KioskHost;
  test.beforeAll(async () => {
    const dir = await makePackage((exhibit) => {
      const t = (zh: string, ru: string, en: string) => ({ 'zh-Hans': [zh], ru: [ru], en: [en] });
      exhibit.model = {
        ...exhibit.model,
        title: t('馆藏扫描', 'Скан из фондов', 'A scan from the collection'),
        camera: { position: [3, 2, 4], target: [0, 0.7, 0], minDistance: 2, maxDistance: 8 },
        hotspots: [
          { id: 'body', node: 'Machine Body', title: t('机身', 'Корпус', 'Body'), text: t('机身的说明', 'О корпусе', 'About the body') },
          {
            id: 'plate',
            position: [1.2, 0.2, 0.6],
            title: t('底板', 'Плита', 'Plate'),
            text: t('底板的说明', 'О плите', 'About the plate'),
          },
        ],
        tour: [],
        liveries: [
          { id: 'grey', variant: 'museum-grey', label: t('灰色', 'Серый', 'Grey') },
          {
            id: 'blue',
            variant: 'museum-blue',
            label: t('蓝色', 'Синий', 'Blue'),
            note: t('修复后的颜色', 'Цвет после реставрации', 'The colour after restoration'),
          },
        ],
      };
    });
    fs.writeFileSync(path.join(dir, 'models', 'm.glb'), await museumScan());
    scanHost = await startHost({ content: dir });
  });
  test.afterAll(async () => {
    await scanHost.stop();
  });

  test('frames it from the package camera, marks its parts by node name or position, and switches its variants', async ({ page }) => {
    await openKiosk(page, scanHost);
    await openModel(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('馆藏扫描');
    expect(await data(page, 'camera-distance')).toBeCloseTo(Math.hypot(3, 1.3, 4), 2);
    await expect(view(page)).toHaveAttribute('data-materials', 'scan_grey,scan_steel');
    await expect(page.locator('.model-marker')).toHaveCount(2);
    await settle(page);
    await page.getByRole('button', { name: '机身', exact: true }).tap();
    await expect(page.locator('.model-info').getByRole('heading', { level: 2 })).toHaveText('机身');
    await page.getByRole('button', { name: strings['zh-Hans'].model.close }).tap();
    await expect(page.getByRole('button', { name: '底板', exact: true })).toBeVisible();
    await page.getByRole('button', { name: '蓝色', exact: true }).tap();
    await expect(view(page)).toHaveAttribute('data-materials', 'scan_blue,scan_steel');
    await expect(page.getByText('修复后的颜色')).toBeVisible();
    await settle(page);
    expect(
      share(await picture(page), (r, g, b) => b > 90 && b > 2 * r && b > 1.4 * g),
      'the blue variant is drawn',
    ).toBeGreaterThan(0.02);
  });
});

test.describe('a package with two 3D objects', () => {
  let twoHost: KioskHost;
  test.beforeAll(async () => {
    const t = (zh: string, ru: string, en: string) => ({ 'zh-Hans': [zh], ru: [ru], en: [en] });
    const dir = await makePackageV2((exhibit) => {
      exhibit.models[1] = {
        ...exhibit.models[0],
        id: 'scan',
        src: 'models/scan.glb',
        title: t('馆藏扫描', 'Скан из фондов', 'A scan from the collection'),
        camera: { position: [3, 2, 4], target: [0, 0.7, 0], minDistance: 2, maxDistance: 8 },
        hotspots: [
          { id: 'body', node: 'Machine Body', title: t('机身', 'Корпус', 'Body'), text: t('机身的说明', 'О корпусе', 'About the body') },
          {
            id: 'plate',
            position: [1.2, 0.2, 0.6],
            title: t('底板', 'Плита', 'Plate'),
            text: t('底板的说明', 'О плите', 'About the plate'),
          },
        ],
        tour: [],
        liveries: [
          { id: 'grey', variant: 'museum-grey', label: t('灰色', 'Серый', 'Grey') },
          { id: 'blue', variant: 'museum-blue', label: t('蓝色', 'Синий', 'Blue') },
        ],
      };
      exhibit.sections[0].panels[0].models = ['scan'];
    });
    fs.writeFileSync(path.join(dir, 'models', 'scan.glb'), await museumScan());
    twoHost = await startHost({ content: dir });
  });
  test.afterAll(async () => {
    await twoHost.stop();
  });

  test('home offers each by its title; each opens in the one canvas with its own parts and liveries, and a panel opens the one it names', async ({
    page,
  }) => {
    await openKiosk(page, twoHost);
    const cards = page.locator('.screen:not([inert]) .model-card');
    await expect(cards).toHaveCount(2);
    await expect(cards.nth(0)).toContainText('拖拉机');
    await expect(cards.nth(1)).toContainText('馆藏扫描');

    await cards.nth(1).tap();
    await expect(view(page)).toHaveAttribute('data-model', 'scan');
    await expect(view(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('馆藏扫描');
    await expect(page.locator('.model-marker')).toHaveCount(2);
    await expect(view(page)).toHaveAttribute('data-materials', 'scan_grey,scan_steel');
    await page.getByRole('button', { name: '蓝色', exact: true }).tap();
    await expect(view(page)).toHaveAttribute('data-materials', 'scan_blue,scan_steel');
    await settle(page);
    await page.getByRole('button', { name: '机身', exact: true }).tap();
    await expect(view(page)).toHaveAttribute('data-hotspot', 'body');
    // The canvas is marked, to tell afterwards that the other object was drawn in this same one.
    await canvas(page).evaluate((c) => (c.dataset.first = 'yes'));

    await page.getByRole('button', { name: strings['zh-Hans'].nav.home, exact: true }).tap();
    await cards.nth(0).tap();
    await expect(view(page)).toHaveAttribute('data-model', 'model');
    await expect(view(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('拖拉机');
    await expect(page.locator('.model-marker')).toHaveCount(1);
    await expect(view(page), 'the other object opens with no card of the first').toHaveAttribute('data-hotspot', '');
    await expect(page.getByRole('button', { name: '蓝色', exact: true })).toHaveCount(0);
    await expect(page.locator('canvas')).toHaveCount(1);
    await expect(canvas(page)).toHaveAttribute('data-first', 'yes');

    // The scan again, from the panel that names it: it opens on its first livery, as a first visitor finds it.
    await page.getByRole('button', { name: strings['zh-Hans'].nav.home, exact: true }).tap();
    await page.locator('.screen:not([inert]) .section-tile').first().tap();
    await page.locator('.screen:not([inert]) .panel-model-link[data-model="scan"]').tap();
    await expect(view(page)).toHaveAttribute('data-model', 'scan');
    await expect(view(page)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await expect(view(page)).toHaveAttribute('data-materials', 'scan_grey,scan_steel');
    await expect(view(page)).toHaveAttribute('data-hotspot', '');
    await expect(canvas(page)).toHaveAttribute('data-first', 'yes');
  });
});
