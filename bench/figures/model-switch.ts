/**
 * `model-switch`: from a tap on one 3D object's card on Home to that object drawn and ready on
 * the 3D stage, when the stage last showed the other object (the one canvas and WebGL context
 * loading another model). The package is the built-in exhibit with a second object: a copy of
 * the DT-54 under another file name, so each switch reads, parses and uploads a real model.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHost } from '../../tests/e2e/kiosk-host.ts';
import { goHome } from '../../tests/e2e/visitor-session.ts';
import { figure, newPage, type Bench, type Figures } from '../lib.ts';

interface ModelJson {
  id: string;
  src: string;
  hotspots: { id: string }[];
  tour: { id: string; hotspot?: string }[];
  liveries: { id: string }[];
}

/** The built-in exhibit, copied, with a second 3D object `dt54-copy`. */
function twoObjectPackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-two-models-'));
  fs.cpSync('assets/content', dir, { recursive: true });
  const file = path.join(dir, 'exhibit.json');
  const exhibit = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: ModelJson[] };
  const model = exhibit.models[0]!;
  const copy = JSON.parse(JSON.stringify(model)) as ModelJson;
  copy.id = `${model.id}-copy`;
  copy.src = model.src.replace(/\.glb$/, '-copy.glb');
  for (const h of [...copy.hotspots, ...copy.liveries]) h.id = `${h.id}-copy`;
  for (const s of copy.tour) {
    s.id = `${s.id}-copy`;
    if (s.hotspot) s.hotspot = `${s.hotspot}-copy`;
  }
  fs.copyFileSync(path.join(dir, model.src), path.join(dir, copy.src));
  exhibit.models.push(copy);
  fs.writeFileSync(file, JSON.stringify(exhibit, null, 2));
  return dir;
}

/** Taps the card of `id` on Home; resolves with the milliseconds from the finger's release to that object ready. */
async function switchTo(page: Page, id: string): Promise<number> {
  await page.evaluate((want) => {
    window.__switch = new Promise<number>((resolve) => {
      let t0 = 0;
      addEventListener('pointerup', () => (t0 = performance.now()), { capture: true, once: true });
      // (No named function in here: the runner's keepNames would wrap it in a helper the page lacks.)
      const observer = new MutationObserver(() => {
        if (!t0 || !document.querySelector(`.model-view[data-model="${want}"][data-ready="true"]`)) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-model'] });
      setTimeout(() => resolve(NaN), 60_000);
    });
  }, id);
  const box = (await page.locator(`.screen:not([inert]) .model-card[data-model="${id}"]`).boundingBox())!;
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  const ms = await page.evaluate(() => window.__switch);
  if (Number.isNaN(ms)) throw new Error(`the 3D object ${id} was not ready within 60 s of the tap`);
  return ms;
}

export async function modelSwitch({ browser, quick }: Bench): Promise<Figures> {
  const dir = twoObjectPackage();
  const host = await startHost({ content: dir });
  try {
    const page = await newPage(browser, host);
    const ids = ['dt54', 'dt54-copy'];
    // The first opening loads three.js as well: not a switch.
    await switchTo(page, ids[0]!);
    await goHome(page);
    const samples: number[] = [];
    for (let i = 1; i <= (quick ? 4 : 12); i += 1) {
      await page.waitForTimeout(500);
      samples.push(await switchTo(page, ids[i % 2]!));
      await page.waitForTimeout(500);
      await goHome(page);
    }
    await page.close();
    return {
      'model-switch': figure(samples, 'ms', {
        target: 'report',
        note: 'tap on the other 3D object’s card to it drawn and ready in the same canvas (the DT-54 and a copy of it under another file)',
      }),
    };
  } finally {
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
