/** `orbit-fps-vs-model-viewer`: frames per second while one finger orbits the tractor, against model-viewer on the same model. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { startHost, type KioskHost } from '../../tests/e2e/kiosk-host.ts';
import { figure, framesDrawn, newPage, orbit, percentile, type Bench, type Figures } from '../lib.ts';

/**
 * The model both viewers orbit. model-viewer cannot show the kiosk's own file: its
 * KHR_materials_variants code throws on meshes drawn through EXT_mesh_gpu_instancing ("Cannot
 * read properties of undefined (reading 'index')") and the model never appears. So both are
 * given the same model with its instances expanded into plain nodes, and the kiosk's figure on
 * its own instanced file is reported beside it.
 */
async function comparisonContent(): Promise<{ dir: string; glb: string }> {
  const { NodeIO } = await import('@gltf-transform/core');
  const { ALL_EXTENSIONS } = await import('@gltf-transform/extensions');
  const { uninstance } = await import('@gltf-transform/functions');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-content-'));
  fs.cpSync('assets/content', dir, { recursive: true });
  const glb = path.join(dir, 'models', 'dt54.glb');
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS);
  const document = await io.read(glb);
  await document.transform(uninstance());
  await io.write(glb, document);
  return { dir, glb };
}

/** A static server for the model-viewer baseline: the page, model-viewer from npm, the .glb. */
async function baselineServer(glb: string): Promise<{ url: string; close(): Promise<void> }> {
  const files: Record<string, [string, string]> = {
    '/': ['bench/model-viewer.html', 'text/html'],
    '/model-viewer.min.js': ['node_modules/@google/model-viewer/dist/model-viewer.min.js', 'text/javascript'],
    '/model.glb': [glb, 'model/gltf-binary'],
  };
  const server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[1] }).end(fs.readFileSync(file[0]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Frames drawn per second while one finger orbits the kiosk's 3D screen. */
async function orbitOurs(browser: Browser, host: KioskHost, seconds: number): Promise<number> {
  const page = await newPage(browser, host, true);
  await page.locator('.model-card').tap();
  await page.waitForFunction(() => window.__benchFrames.frames > 0, undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(2500);
  const before = await framesDrawn(page);
  await orbit(page, { x: 960, y: 480 }, seconds * 1000);
  const fps = ((await framesDrawn(page)) - before) / seconds;
  await page.close();
  return fps;
}

export async function orbitComparison({ browser, host, quick }: Bench): Promise<Figures> {
  const content = await comparisonContent();
  const same = await startHost({ content: content.dir });
  const baseline = await baselineServer(content.glb);
  const ratios: number[] = [];
  const ours: number[] = [];
  const theirs: number[] = [];
  const shipped: number[] = [];
  const seconds = quick ? 3 : 5;
  for (let i = 0; i < (quick ? 2 : 4); i += 1) {
    const a = await orbitOurs(browser, same, seconds);

    const mv = await newPage(browser, undefined, true);
    const errors: string[] = [];
    mv.on('pageerror', (error) => errors.push(error.message));
    await mv.goto(baseline.url);
    await mv
      .waitForFunction(
        () => (document.querySelector('model-viewer') as unknown as { modelIsVisible?: boolean } | null)?.modelIsVisible === true,
        undefined,
        { timeout: 60_000 },
      )
      .catch(() => {
        throw new Error(`model-viewer did not show the model${errors.length ? `: ${errors.join('; ')}` : ''}`);
      });
    await mv.waitForTimeout(2500);
    const before = await framesDrawn(mv);
    await orbit(mv, { x: 960, y: 540 }, seconds * 1000);
    const b = ((await framesDrawn(mv)) - before) / seconds;
    await mv.close();

    shipped.push(await orbitOurs(browser, host, seconds));
    ours.push(a);
    theirs.push(b);
    ratios.push(a / b);
  }
  await baseline.close();
  await same.stop();
  fs.rmSync(content.dir, { recursive: true, force: true });
  return {
    'orbit-fps-vs-model-viewer': figure(ratios, 'ratio', {
      target: '≥ 1.0',
      note: `ours ${percentile(ours, 50).toFixed(1)} fps ÷ model-viewer ${percentile(theirs, 50).toFixed(1)} fps (WebGL by SwiftShader), same .glb with instances expanded (model-viewer cannot show the instanced one), same viewport; ours on the shipped instanced .glb ${percentile(shipped, 50).toFixed(1)} fps`,
    }),
  };
}
