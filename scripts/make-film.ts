/**
 * Makes the built-in exhibit's film: the 3D tractor turning once, in its Soviet DT-54 livery and
 * then in the Dongfanghong-54's, rendered frame by frame from the exhibit's own model in headless
 * Chromium and encoded with Debian's ffmpeg as VP9 in WebM: a royalty-free codec that every
 * Chromium build decodes, Electron's and Debian's alike (whether a build plays H.264 depends on
 * how it was built, and a CI machine's Chromium once played the MP4 of this film not at all).
 *
 *   npx tsx scripts/make-film.ts [--seconds 24] [--fps 24]
 *
 * Its subtitles (`assets/content/films/dt54-turntable.<language>.vtt`) are exhibit text, written
 * by hand beside it; the cues follow the livery change at half time. Nothing is fetched from
 * anywhere but 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { launchForWebGL } from './tractor/chromium.ts';
import type { View } from './tractor/render-page.ts';
import { openRenderPage, serveRenderPage } from './tractor/serve-page.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILMS = join(ROOT, 'assets/content/films');
const WIDTH = 1280;
const HEIGHT = 720;
const TARGET: View['target'] = [-0.08, 0.95, 0];
/** The opening view is the poster's and the pictures' (front left), at the same distance and height. */
const START = Math.atan2(4.55, 4.5);
const RADIUS = Math.hypot(4.5, 4.55);

/** The camera `t` of the way (0 to 1) through the film: one full turn, easing in and out. */
function viewAt(t: number): View {
  const eased = t - Math.sin(2 * Math.PI * t) / (2 * Math.PI) / 4;
  const angle = START + 2 * Math.PI * eased;
  return {
    variant: t < 0.5 ? 'dt54' : 'dongfanghong',
    eye: [RADIUS * Math.cos(angle), 2.0 + 0.35 * Math.sin(2 * Math.PI * t), RADIUS * Math.sin(angle)],
    target: TARGET,
    fov: 30,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '24' }, fps: { type: 'string', default: '24' } } });
  const seconds = Number(values.seconds);
  const fps = Number(values.fps);
  const frames = Math.round(seconds * fps);
  const work = mkdtempSync(join(os.tmpdir(), 'kiosk-film-'));
  const { server, port } = await serveRenderPage();
  const browser = await launchForWebGL();
  const started = Date.now();
  try {
    const { page, errors } = await openRenderPage(browser, port, { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1 });
    for (let i = 0; i < frames; i += 1) {
      await page.evaluate(`window.renderView(${JSON.stringify(viewAt(i / frames))})`);
      await page.screenshot({ type: 'png', path: join(work, `${String(i).padStart(5, '0')}.png`) });
      if (i % fps === 0) process.stdout.write(`\rframe ${i}/${frames}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    process.stdout.write('\n');
    for (const e of errors) console.warn(`  page: ${e}`);
  } finally {
    await browser.close();
    server.close();
  }
  mkdirSync(FILMS, { recursive: true });
  const film = join(FILMS, 'dt54-turntable.webm');
  // VP9, yuv420p, constant quality, a key frame each second (a finger on the bar lands near one).
  execFileSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-framerate', String(fps), '-i', join(work, '%05d.png')],
      ...['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', '34', '-row-mt', '1', '-deadline', 'good', '-cpu-used', '2'],
      ...['-pix_fmt', 'yuv420p', '-g', String(fps), film],
    ],
    { stdio: 'inherit' },
  );
  await sharp(join(work, '00000.png')).webp({ quality: 82 }).toFile(join(FILMS, 'dt54-turntable-poster.webp'));
  rmSync(work, { recursive: true, force: true });
  console.log(`wrote ${film} (${(statSync(film).size / 1024).toFixed(0)} KB, ${frames} frames) and its poster`);
}

await main();
