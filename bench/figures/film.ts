/**
 * `film-first-frame`: a tap on a film's play button to its first frame presented on screen;
 * `film-memory-after-100-plays`: what Chromium's processes hold after a hundred visitors have
 * each played the film and left, against what they held after the tenth (Chromium's media
 * pools fill over the first few plays, then hold: the growth after them is what would leak).
 */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { goHome } from '../../tests/e2e/visitor-session.ts';
import { figure, newPage, type Bench, type Figures } from '../lib.ts';

const FILM_SECTION = '.screen:not([inert]) .section-tile[data-section="first-tractor"]';
const PLAY = '.screen:not([inert]) .video-big-play';

/** Opens the film's section and scrolls the film into view. */
async function openFilm(page: Page): Promise<void> {
  await page.locator(FILM_SECTION).tap();
  await page.locator('.screen:not([inert]) .video-frame').scrollIntoViewIfNeeded();
  await page.locator(PLAY).waitFor();
  await page.waitForTimeout(300);
}

/** Taps play; resolves with the milliseconds from the finger's release to the first frame presented. */
async function tapToFirstFrame(page: Page): Promise<number> {
  await page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('.screen:not([inert]) .video-player video')!;
    window.__film = new Promise<number>((resolve) => {
      let t0 = 0;
      addEventListener('pointerup', () => (t0 = performance.now()), { capture: true, once: true });
      // The first frame presented once the film plays (before, the browser may present the still first frame under the poster).
      video.addEventListener('playing', () => video.requestVideoFrameCallback(() => resolve(performance.now() - t0)), { once: true });
      setTimeout(() => resolve(NaN), 15_000);
    });
  });
  const box = (await page.locator(PLAY).boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const ms = await page.evaluate(() => window.__film);
  if (Number.isNaN(ms)) throw new Error('the film showed no frame within 15 s of the tap');
  return ms;
}

/** Resident memory of every Chromium process (browser, renderers, GPU, utilities), in MB. */
function chromiumMegabytes(): number {
  const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
  return out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

async function heapMegabytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

export async function filmFigures({ browser, host, quick }: Bench): Promise<Figures> {
  const page = await newPage(browser, host);
  const first: number[] = [];
  for (let i = 0; i < (quick ? 5 : 20); i += 1) {
    await openFilm(page);
    first.push(await tapToFirstFrame(page));
    await page.waitForTimeout(500);
    await goHome(page);
  }
  const plays = quick ? 20 : 100;
  const at: { rss: number; heap: number }[] = [];
  for (let i = 0; i < plays; i += 1) {
    await openFilm(page);
    await page.locator(PLAY).tap();
    await page.waitForFunction(
      () => (document.querySelector<HTMLVideoElement>('.screen:not([inert]) .video-player video')?.currentTime ?? 0) > 0.5,
    );
    await goHome(page);
    if (i === 0 || i === 9 || i === plays - 1) {
      await page.waitForTimeout(1500);
      at.push({ rss: chromiumMegabytes(), heap: await heapMegabytes(page) });
    }
  }
  await page.close();
  const [one, tenth, last] = [at[0]!, at[1]!, at[at.length - 1]!];
  return {
    'film-first-frame': figure(first, 'ms', {
      target: 'report',
      note: 'tap on the play button of the built-in film (VP9, 1280×720) to its first frame presented once it plays (requestVideoFrameCallback after the playing event)',
    }),
    'film-memory-after-100-plays': figure([last.rss - tenth.rss], 'MB', {
      target: '≈ 0',
      note: `growth of all Chromium processes' resident memory from the 10th to the ${plays}th play (each played, then left): after the 1st ${Math.round(one.rss)}, the 10th ${Math.round(tenth.rss)}, the ${plays}th ${Math.round(last.rss)} MB; JS heap after GC ${one.heap.toFixed(1)} → ${tenth.heap.toFixed(1)} → ${last.heap.toFixed(1)} MB`,
    }),
  };
}
