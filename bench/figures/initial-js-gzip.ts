/** `initial-js-gzip`: the scripts a visitor's first screen waits for, gzipped. */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { figure, VIEWPORT, type Bench, type Figures } from '../lib.ts';

export async function initialJs({ browser, host }: Bench): Promise<Figures> {
  const page = await browser.newPage({ viewport: VIEWPORT, hasTouch: true });
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(host.url);
  await page.locator('.section-tile').first().waitFor();
  const loaded = [...new Set(scripts)];
  await page.close();
  const bytes = loaded.map((p) => {
    const file = p.startsWith('/__kiosk/') ? path.join('dist/browser-host', path.basename(p)) : path.join('dist/renderer', p);
    return zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
  });
  const kb = bytes.reduce((a, b) => a + b, 0) / 1024;
  return {
    'initial-js-gzip': figure([kb], 'KB', {
      target: '≤ 250',
      note: `${loaded.length} scripts before the first screen: ${loaded.map((p) => path.basename(p)).join(', ')}`,
    }),
  };
}
