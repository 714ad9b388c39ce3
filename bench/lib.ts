/** Statistics and browser plumbing for the benchmark. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { OFFLINE_FLAGS } from '../browser-host/chromium.ts';

/** One figure: a median and 95th percentile of repeated samples, or a single value. */
export interface Figure {
  median: number;
  p95: number;
  unit: string;
  samples: number;
  target?: string;
  note?: string;
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
  return page.evaluate(() => (window as unknown as { __benchFrames: { frames: number } }).__benchFrames.frames);
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
