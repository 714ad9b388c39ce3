/**
 * Draws the default exhibit's illustrations as SVG in code and encodes them as
 * WebP into assets/content/pictures/. Deterministic: same output on every run.
 *
 *   npx tsx scripts/make-pictures.ts            # all pictures
 *   npx tsx scripts/make-pictures.ts plaque     # only names containing "plaque"
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderWebp, renderRaw, type SaveOpts } from './pictures/lib.ts';
import { jianxiPlan } from './pictures/jianxi.ts';
import { kharkivLuoyangMap, eightCitiesMap } from './pictures/maps.ts';
import { projects156, timeline, linearCity } from './pictures/diagrams.ts';
import { newKharkivPlan, blueprintShops } from './pictures/plans.ts';
import { internsJourney } from './pictures/interns-journey.ts';
import { redBlocks } from './pictures/red-blocks.ts';
import { plaque } from './pictures/plaque.ts';
import { museumHall } from './pictures/museum-hall.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'assets', 'content', 'pictures');

interface Picture {
  file: string;
  draw: () => string;
  opts?: SaveOpts;
}

const pictures: Picture[] = [
  // The two plan phases are compared with a before/after slider: lossless, so
  // that unchanged areas are pixel-identical after encoding too.
  { file: 'jianxi-phase-1.webp', draw: () => jianxiPlan(1), opts: { lossless: true } },
  { file: 'jianxi-phase-2.webp', draw: () => jianxiPlan(2), opts: { lossless: true } },
  { file: 'kharkiv-luoyang-map.webp', draw: kharkivLuoyangMap },
  { file: 'eight-cities.webp', draw: eightCitiesMap },
  { file: 'projects-156.webp', draw: projects156 },
  { file: 'timeline-1953-1959.webp', draw: timeline },
  { file: 'linear-city-diagram.webp', draw: linearCity },
  { file: 'new-kharkiv-plan.webp', draw: newKharkivPlan },
  { file: 'blueprint-shops.webp', draw: blueprintShops },
  { file: 'interns-journey.webp', draw: internsJourney },
  { file: 'red-blocks.webp', draw: redBlocks },
  { file: 'plaque.webp', draw: plaque },
  { file: 'museum-hall.webp', draw: museumHall },
];

const MAX_BYTES = 400 * 1024;

async function main(): Promise<void> {
  const filter = process.argv[2];
  await mkdir(outDir, { recursive: true });
  let failed = false;
  for (const p of pictures) {
    if (filter && !p.file.includes(filter)) continue;
    const t0 = performance.now();
    const file = path.join(outDir, p.file);
    const size = await renderWebp(p.draw(), file, p.opts);
    const ms = Math.round(performance.now() - t0);
    const warn = size > MAX_BYTES ? '  <-- over size budget' : '';
    if (warn) failed = true;
    console.log(`${p.file.padEnd(28)} ${(size / 1024).toFixed(0).padStart(4)} KB  ${ms} ms${warn}`);
  }
  if (!filter || 'jianxi-phase'.includes(filter) || filter.includes('jianxi')) await checkRegistration();
  if (failed) process.exitCode = 1;
}

/** Phase II may only add to phase I: report the box of pixels that differ. */
async function checkRegistration(): Promise<void> {
  const a = await renderRaw(jianxiPlan(1));
  const b = await renderRaw(jianxiPlan(2));
  let changed = 0;
  let x0 = a.width,
    y0 = a.height,
    x1 = -1,
    y1 = -1;
  for (let i = 0; i < a.data.length; i += 3) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) {
      changed++;
      const px = (i / 3) % a.width,
        py = Math.floor(i / 3 / a.width);
      x0 = Math.min(x0, px);
      x1 = Math.max(x1, px);
      y0 = Math.min(y0, py);
      y1 = Math.max(y1, py);
    }
  }
  console.log(`jianxi phase I -> II: ${changed} px changed, within x ${x0}..${x1}, y ${y0}..${y1}`);
}

await main();
