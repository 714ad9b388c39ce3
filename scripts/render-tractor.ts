/**
 * Renders pictures of the tractor model for the exhibit, in headless Chromium (SwiftShader).
 *
 *   npx tsx scripts/render-tractor.ts
 *
 * Serves a page, three.js and the model from 127.0.0.1 only; nothing is fetched from anywhere
 * else. Each view is drawn at twice the size and reduced with sharp, then written as WebP.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { launchForWebGL } from './tractor/chromium.ts';
import { type View } from './tractor/render-page.ts';
import { openRenderPage, serveRenderPage } from './tractor/serve-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PICTURES = join(ROOT, 'assets/content/pictures');

interface Shot {
  file: string;
  width: number;
  height: number;
  view: View;
}

const FRONT_LEFT: Omit<View, 'variant'> = { eye: [4.5, 2.0, 4.55], target: [-0.08, 0.98, 0.0], fov: 30 };

const SHOTS: Shot[] = [
  { file: join(PICTURES, 'tractor-dt54.webp'), width: 1600, height: 900, view: { variant: 'dt54', ...FRONT_LEFT } },
  { file: join(PICTURES, 'tractor-dongfanghong.webp'), width: 1600, height: 900, view: { variant: 'dongfanghong', ...FRONT_LEFT } },
  {
    file: join(PICTURES, 'tractor-side.webp'),
    width: 1600,
    height: 900,
    view: { variant: 'dongfanghong', eye: [9.2, 1.3, 0.0], target: [0, 1.05, 0], fov: 28 },
  },
  {
    file: join(PICTURES, 'tractor-running-gear.webp'),
    width: 1600,
    height: 900,
    view: { variant: 'dongfanghong', eye: [2.7, 0.5, -2.35], target: [0.68, 0.44, -0.3], fov: 38 },
  },
  {
    file: join(PICTURES, 'tractor-cab.webp'),
    width: 1600,
    height: 900,
    view: { variant: 'dongfanghong', eye: [-4.2, 2.75, -4.45], target: [0.05, 1.0, 0.0], fov: 30 },
  },
  {
    file: join(ROOT, 'assets/content/models/dt54-poster.webp'),
    width: 1280,
    height: 720,
    view: { variant: 'dongfanghong', ...FRONT_LEFT },
  },
];

async function main(): Promise<void> {
  const { server, port } = await serveRenderPage();
  const browser = await launchForWebGL();
  try {
    // Optional arguments pick shots by file name; `--view '<View JSON>' out.png` draws one preview.
    const args = process.argv.slice(2);
    const only = args[0] === '--view' ? [] : args;
    const shots =
      args[0] === '--view'
        ? [{ file: args[2] ?? '/tmp/tractor-preview.png', width: 1600, height: 900, view: JSON.parse(args[1] ?? '{}') as View }]
        : SHOTS.filter((s) => only.length === 0 || only.some((o) => s.file.includes(o)));
    for (const shot of shots) {
      const { page, errors } = await openRenderPage(browser, port, { width: shot.width, height: shot.height, deviceScaleFactor: 2 });
      await page.evaluate(`window.renderView(${JSON.stringify(shot.view)})`);
      const png = await page.screenshot({ type: 'png' });
      const image = sharp(png).resize(shot.width, shot.height, { kernel: 'lanczos3' });
      await (shot.file.endsWith('.png') ? image.png() : image.webp({ quality: 82, effort: 6 })).toFile(shot.file);
      if (only.length === 0 && shot === SHOTS[0]) console.log(JSON.stringify(await page.evaluate('window.modelInfo()')));
      for (const e of errors) console.warn(`  page: ${e}`);
      console.log(`wrote ${shot.file}`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
