/** `language-switch-p95`: a tap on a language to the repainted frame. */
import { LANGUAGE, LANGUAGES } from '../../core/content/languages.ts';
import { figure, newPage, tapToFrame, type Bench, type Figures } from '../lib.ts';

export async function languageSwitch({ browser, host, quick }: Bench): Promise<Figures> {
  const page = await newPage(browser, host);
  const samples: number[] = [];
  // The page opens in the first language: tap each of the others, then back to it, in turn.
  const names = [...LANGUAGES.slice(1), LANGUAGES[0]].map((l) => LANGUAGE[l].endonym);
  for (let i = 0; i < (quick ? 9 : 30); i += 1) {
    const button = page.getByRole('button', { name: names[i % names.length]!, exact: true });
    const box = (await button.boundingBox())!;
    samples.push(await tapToFrame(page, box.x + box.width / 2, box.y + box.height / 2));
    await page.waitForTimeout(150);
  }
  const figures = {
    'language-switch-p95': figure(samples, 'ms', { target: '≤ 100 (p95)', note: 'tap on a language to the repainted frame' }),
  };
  await page.close();
  return figures;
}
