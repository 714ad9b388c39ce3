/** Statistics and browser plumbing for the benchmark. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { OFFLINE_FLAGS } from '../browser-host/chromium.ts';
import type { KioskHost } from '../tests/e2e/kiosk-host.ts';

/** One figure: a median and 95th percentile of repeated samples, or a single value. */
export interface Figure {
  median: number;
  p95: number;
  unit: string;
  samples: number;
  target?: string;
  note?: string;
}

/** The figures one measurement gives, by name. */
export type Figures = Record<string, Figure>;

/** What every measurement is given: the browser, a kiosk on the built-in exhibit, and `--quick`. */
export interface Bench {
  browser: Browser;
  host: KioskHost;
  quick: boolean;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function figure(samples: readonly number[], unit: string, extra: Partial<Figure> = {}): Figure {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), unit, samples: samples.length, ...extra };
}

/**
 * Chromium as it runs on a machine without a GPU: the page composited in software, WebGL drawn
 * by SwiftShader (the only WebGL there is without a GPU). Compositing through SwiftShader as
 * well, as an emulated GPU, costs 100–500 ms for some full-screen frames on two cores: a cost
 * of the emulation that no kiosk pays (with a GPU the compositor runs on it; without one,
 * Chromium composites in software), and it hid the kiosk's own figures.
 */
export const BENCH_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-gpu-compositing',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
  ...OFFLINE_FLAGS,
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BENCH_CHROMIUM_ARGS });
}

/**
 * Counts frames that drew something: every WebGL draw call marks the current animation frame.
 * Fair to any renderer (ours or model-viewer), whatever its render loop.
 */
export const FRAME_COUNTER = `
(() => {
  const state = { frames: 0, drawn: false };
  window.__benchFrames = state;
  const tick = () => { if (state.drawn) { state.frames += 1; state.drawn = false; } requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  for (const proto of [window.WebGL2RenderingContext && WebGL2RenderingContext.prototype, window.WebGLRenderingContext && WebGLRenderingContext.prototype]) {
    if (!proto) continue;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const original = proto[name];
      if (!original) continue;
      proto[name] = function (...args) { state.drawn = true; return original.apply(this, args); };
    }
  }
})();`;

export async function framesDrawn(page: Page): Promise<number> {
  return page.evaluate(() => window.__benchFrames.frames);
}

/** Drags one finger in a circle-ish path for `ms` over `center` (real touch events through CDP). */
export async function orbit(page: Page, center: { x: number; y: number }, ms: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', pts: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts.map((p, id) => ({ x: p.x, y: p.y, id })) });
  const start = Date.now();
  let i = 0;
  await send('touchStart', [center]);
  while (Date.now() - start < ms) {
    i += 1;
    await send('touchMove', [{ x: center.x + Math.sin(i / 6) * 220, y: center.y + Math.cos(i / 9) * 40 }]);
    await new Promise((r) => setTimeout(r, 16));
  }
  await send('touchEnd', []);
  await cdp.detach();
}

export const VIEWPORT = { width: 1920, height: 1080 };

/** A kiosk page; `countFrames` installs the WebGL frame counter (a rAF loop, so only where frames are measured). */
export async function newPage(browser: Browser, host?: KioskHost, countFrames = false): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, hasTouch: true, deviceScaleFactor: 1 });
  if (countFrames) await page.addInitScript(FRAME_COUNTER);
  if (host) {
    await page.goto(host.url);
    await page.locator('.section-tile').first().waitFor();
  }
  return page;
}

/** Time from a tap to the frame that answers it (the first DOM change, then the next animation frame). */
export async function tapToFrame(page: Page, x: number, y: number): Promise<number> {
  await page.evaluate(() => {
    const w = window;
    w.__tap = new Promise<number>((resolve) => {
      // From the finger's release (a tap answers on release). Synthetic touches carry a stale
      // event.timeStamp, so the clock is read in the listener.
      let t0 = 0;
      addEventListener('pointerup', () => (t0 = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (!t0) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => resolve(NaN), 5000);
    });
  });
  await page.touchscreen.tap(x, y);
  const ms = await page.evaluate(() => window.__tap);
  if (Number.isNaN(ms)) throw new Error(`a tap at ${Math.round(x)}, ${Math.round(y)} changed nothing on screen within 5 s`);
  return ms;
}

export async function centerOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
