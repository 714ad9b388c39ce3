/** `language-switch-p95`: a tap on a language to the repainted frame. */
import { figure, newPage, tapToFrame, type Bench, type Figures } from '../lib.ts';

export async function languageSwitch({ browser, host, quick }: Bench): Promise<Figures> {
  const page = await newPage(browser, host);
  const samples: number[] = [];
  const names = ['Русский', 'English', '中文'];
  for (let i = 0; i < (quick ? 9 : 30); i += 1) {
    const button = page.getByRole('button', { name: names[i % 3]!, exact: true });
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
