/** `cold-start-interactive`: from starting the browser host to a home tile a visitor can tap. */
import { startHost } from '../../tests/e2e/kiosk-host.ts';
import { figure, VIEWPORT, type Bench, type Figures } from '../lib.ts';

export async function coldStart({ browser, quick }: Bench): Promise<Figures> {
  const samples: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i += 1) {
    const page = await browser.newPage({ viewport: VIEWPORT, hasTouch: true });
    const t0 = performance.now();
    const host = await startHost();
    await page.goto(host.url);
    await page.locator('.section-tile').first().waitFor({ state: 'visible' });
    await page.locator('.section-tile').first().isEnabled();
    samples.push(performance.now() - t0);
    await page.close();
    await host.stop();
  }
  return {
    'cold-start-interactive': figure(samples, 'ms', {
      target: '≤ 1500',
      note: 'browser-host process start to a visible, enabled home tile',
    }),
  };
}
