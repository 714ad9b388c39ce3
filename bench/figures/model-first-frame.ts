/** `model-first-frame` and `idle-3d-frames-per-s`: opening the 3D screen, then leaving it untouched. */
import { centerOf, figure, framesDrawn, newPage, type Bench, type Figures } from '../lib.ts';

export async function modelFigures({ browser, host, quick }: Bench): Promise<Figures> {
  const first: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i += 1) {
    const page = await newPage(browser, host, true);
    const card = await centerOf(page, '.model-card');
    const t0 = await page.evaluate(() => performance.now());
    await page.touchscreen.tap(card.x, card.y);
    const at = await page.waitForFunction(() => (window.__benchFrames.frames > 0 ? performance.now() : 0), undefined, {
      timeout: 60_000,
      polling: 'raf',
    });
    first.push((await at.jsonValue()) - t0);
    await page.waitForTimeout(3000);
    const before = await framesDrawn(page);
    await page.waitForTimeout(quick ? 5000 : 10_000);
    idle.push(((await framesDrawn(page)) - before) / (quick ? 5 : 10));
    await page.close();
  }
  return {
    'model-first-frame': figure(first, 'ms', {
      target: 'report',
      note: 'tap on the 3D card (first time after start) to the first drawn frame',
    }),
    'idle-3d-frames-per-s': figure(idle, 'frames/s', { target: '≤ 0.5', note: 'untouched 3D screen' }),
  };
}
