/**
 * `npm run bench -- [--out FILE] [--quick]`: the figures a museum cares about, measured through
 * the browser host in Debian's Chromium, each repeated for a median and p95, comparisons
 * measured side by side in the same run. Writes JSON and prints a table.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { buildManifest } from '../core/content/manifest.ts';
import { importPackage } from '../core/import/pipeline.ts';
import { startHost, type KioskHost } from '../tests/e2e/kiosk-host.ts';
import { goHome, visitorSession } from '../tests/e2e/visitor-session.ts';
import { figure, FRAME_COUNTER, framesDrawn, launch, orbit, percentile, type Figure } from './lib.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const quick = values.quick;
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);
const VIEWPORT = { width: 1920, height: 1080 };
const figures: Record<string, Figure> = {};

/** A kiosk page; `countFrames` installs the WebGL frame counter (a rAF loop, so only where frames are measured). */
async function newPage(browser: Browser, host?: KioskHost, countFrames = false): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, hasTouch: true, deviceScaleFactor: 1 });
  if (countFrames) await page.addInitScript(FRAME_COUNTER);
  if (host) {
    await page.goto(host.url);
    await page.locator('.section-tile').first().waitFor();
  }
  return page;
}

/** Time from a tap to the frame that answers it (the first DOM change, then the next animation frame). */
async function tapToFrame(page: Page, x: number, y: number): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __tap: Promise<number> };
    w.__tap = new Promise<number>((resolve) => {
      // From the finger's release (a tap answers on release). Synthetic touches carry a stale
      // event.timeStamp, so the clock is read in the listener.
      let t0 = 0;
      addEventListener('pointerup', () => (t0 = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (!t0) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => resolve(NaN), 5000);
    });
  });
  await page.touchscreen.tap(x, y);
  const ms = await page.evaluate(() => (window as unknown as { __tap: Promise<number> }).__tap);
  if (Number.isNaN(ms)) throw new Error(`a tap at ${Math.round(x)}, ${Math.round(y)} changed nothing on screen within 5 s`);
  return ms;
}

async function centerOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function coldStart(browser: Browser): Promise<void> {
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
  figures['cold-start-interactive'] = figure(samples, 'ms', {
    target: '≤ 1500',
    note: 'browser-host process start to a visible, enabled home tile',
  });
}

/** Back to the home screen, and its entrance finished (taps are timed on a settled screen). */
async function settleHome(page: Page): Promise<void> {
  await goHome(page);
  await page.waitForTimeout(300);
}

async function taps(browser: Browser, host: KioskHost): Promise<void> {
  const page = await newPage(browser, host);
  const kinds: Record<'section' | 'slide' | 'hotspot', number[]> = { section: [], slide: [], hotspot: [] };
  const rounds = quick ? 5 : 15;
  for (let i = 0; i < rounds; i += 1) {
    const tile = await centerOf(page, '.screen:not([inert]) .section-tile');
    kinds.section.push(await tapToFrame(page, tile.x, tile.y));
    await page.waitForTimeout(300);
    await settleHome(page);
    await page.locator('.screen:not([inert]) .story-card[data-story]').first().tap();
    await page.locator('.screen:not([inert]) .story-arrow.next').waitFor();
    await page.waitForTimeout(300);
    // A story reopened in the same session resumes where it was left; at its last slide the
    // way on is back.
    const atEnd = await page.locator('.screen:not([inert]) .story-arrow.next').isDisabled();
    const arrow = await centerOf(page, `.screen:not([inert]) .story-arrow.${atEnd ? 'previous' : 'next'}`);
    kinds.slide.push(await tapToFrame(page, arrow.x, arrow.y));
    await page.waitForTimeout(200);
    await settleHome(page);
  }
  const model = await centerOf(page, '.model-card');
  await page.touchscreen.tap(model.x, model.y);
  const shown = page.locator('.model-view[data-ready="true"] .model-marker[data-occluded="false"]');
  await shown.first().waitFor({ timeout: 60_000 });
  for (let i = 0; i < (quick ? 3 : 8); i += 1) {
    await page.waitForTimeout(1500);
    const marker = shown.nth(i % (await shown.count()));
    const box = (await marker.boundingBox())!;
    kinds.hotspot.push(await tapToFrame(page, box.x + box.width / 2, box.y + box.height / 2));
    await page.waitForTimeout(1500);
    await page.locator('.model-info-close').tap();
  }
  const each = Object.entries(kinds)
    .map(
      ([kind, samples]) => `${kind} ${Math.round(percentile(samples, 50))}/${Math.round(percentile(samples, 95))} ms (${samples.length})`,
    )
    .join(', ');
  figures['tap-to-frame-p95'] = figure(Object.values(kinds).flat(), 'ms', { target: '≤ 50 (p95)', note: `median/p95: ${each}` });
  await page.close();
}

async function languageSwitch(browser: Browser, host: KioskHost): Promise<void> {
  const page = await newPage(browser, host);
  const samples: number[] = [];
  const names = ['Русский', 'English', '中文'];
  for (let i = 0; i < (quick ? 9 : 30); i += 1) {
    const button = page.getByRole('button', { name: names[i % 3]!, exact: true });
    const box = (await button.boundingBox())!;
    samples.push(await tapToFrame(page, box.x + box.width / 2, box.y + box.height / 2));
    await page.waitForTimeout(150);
  }
  figures['language-switch-p95'] = figure(samples, 'ms', { target: '≤ 100 (p95)', note: 'tap on a language to the repainted frame' });
  await page.close();
}

async function modelFigures(browser: Browser, host: KioskHost): Promise<void> {
  const first: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i += 1) {
    const page = await newPage(browser, host, true);
    const card = await centerOf(page, '.model-card');
    const t0 = await page.evaluate(() => performance.now());
    await page.touchscreen.tap(card.x, card.y);
    const at = await page.waitForFunction(
      () => ((window as unknown as { __benchFrames: { frames: number } }).__benchFrames.frames > 0 ? performance.now() : 0),
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    first.push((await at.jsonValue()) - t0);
    await page.waitForTimeout(3000);
    const before = await framesDrawn(page);
    await page.waitForTimeout(quick ? 5000 : 10_000);
    idle.push(((await framesDrawn(page)) - before) / (quick ? 5 : 10));
    await page.close();
  }
  figures['model-first-frame'] = figure(first, 'ms', {
    target: 'report',
    note: 'tap on the 3D card (first time after start) to the first drawn frame',
  });
  figures['idle-3d-frames-per-s'] = figure(idle, 'frames/s', { target: '≤ 0.5', note: 'untouched 3D screen' });
}

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
  await page.waitForFunction(() => (window as unknown as { __benchFrames: { frames: number } }).__benchFrames.frames > 0, undefined, {
    timeout: 60_000,
  });
  await page.waitForTimeout(2500);
  const before = await framesDrawn(page);
  await orbit(page, { x: 960, y: 480 }, seconds * 1000);
  const fps = ((await framesDrawn(page)) - before) / seconds;
  await page.close();
  return fps;
}

async function orbitComparison(browser: Browser, host: KioskHost): Promise<void> {
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
  figures['orbit-fps-vs-model-viewer'] = figure(ratios, 'ratio', {
    target: '≥ 1.0',
    note: `ours ${percentile(ours, 50).toFixed(1)} fps ÷ model-viewer ${percentile(theirs, 50).toFixed(1)} fps (WebGL by SwiftShader), same .glb with instances expanded (model-viewer cannot show the instanced one), same viewport; ours on the shipped instanced .glb ${percentile(shipped, 50).toFixed(1)} fps`,
  });
}

/** Least-squares slope of y over x. */
function slope(points: readonly [number, number][]): number {
  const n = points.length;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return num / den;
}

/**
 * Scripted visitor sessions (the attract loop, a tap, a story, a section, the 3D screen, the
 * reset) with short idle times. The heap is read after forced garbage collection every few
 * sessions once V8 has warmed up (its optimised code grows for the first few dozen sessions:
 * a heap-snapshot diff shows compiled code, not objects, growing); the figure is the growth
 * per window of sessions, per 1,000, and the note gives the slope over the whole run.
 */
async function heapGrowth(browser: Browser): Promise<void> {
  const host = await startHost({ idle: 2, countdown: 1 });
  const page = await newPage(browser, host);
  const cdp = await page.context().newCDPSession(page);
  /** MB after GC: everything in a heap snapshot but V8's compiled code, and the whole heap. */
  const heap = async (): Promise<{ objects: number; total: number }> => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(200);
    const chunks: string[] = [];
    const onChunk = (event: { chunk: string }) => void chunks.push(event.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const bytes = objectBytes(JSON.parse(chunks.join('')) as HeapSnapshot);
    return { objects: bytes.objects / 1024 / 1024, total: (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024 };
  };
  const session = () => visitorSession(page, 20_000);
  const warmup = quick ? 5 : 30;
  const measured = quick ? 20 : 60;
  const every = quick ? 5 : 10;
  for (let i = 0; i < warmup; i += 1) await session();
  const first = await heap();
  const domBefore = await cdp.send('Memory.getDOMCounters');
  const points: [number, number][] = [[0, first.objects]];
  let last = first;
  for (let i = 1; i <= measured; i += 1) {
    await session();
    if (i % every === 0) {
      last = await heap();
      points.push([i, last.objects]);
    }
  }
  const domAfter = await cdp.send('Memory.getDOMCounters');
  await page.close();
  await host.stop();
  const windows = points.slice(1).map(([x, y], k) => ((y - points[k]![1]) / (x - points[k]![0])) * 1000);
  figures['heap-growth-per-1000-sessions'] = figure(windows, 'MB', {
    target: '≤ 2',
    note:
      `heap after GC, V8's compiled code left out, over ${measured} scripted sessions (attract tap, story, section, 3D, reset) after ${warmup} warm-up, per window of ${every}: ` +
      `${first.objects.toFixed(2)} → ${last.objects.toFixed(2)} MB, least-squares ${(slope(points) * 1000).toFixed(1)} MB per 1,000; ` +
      `whole JS heap with code ${first.total.toFixed(2)} → ${last.total.toFixed(2)} MB (${(((last.total - first.total) / measured) * 1000).toFixed(1)} MB per 1,000); ` +
      `DOM nodes ${domBefore.nodes} → ${domAfter.nodes}, listeners ${domBefore.jsEventListeners} → ${domAfter.jsEventListeners}`,
  });
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * Bytes held in a heap snapshot, less V8's compiled code (it grows while V8 optimises the hot
 * paths of the first hundred sessions or so, and V8 flushes it) and the DevTools network
 * buffer (the benchmark's own connection, absent in a kiosk).
 */
function objectBytes(heapSnapshot: HeapSnapshot): { objects: number; code: number } {
  const fields = heapSnapshot.snapshot.meta.node_fields;
  const types = heapSnapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  let objects = 0;
  let code = 0;
  for (let i = 0; i < heapSnapshot.nodes.length; i += fields.length) {
    const size = heapSnapshot.nodes[i + sizeAt]!;
    if (types[heapSnapshot.nodes[i + typeAt]!] === 'code') code += size;
    else if (!heapSnapshot.strings[heapSnapshot.nodes[i + nameAt]!]!.startsWith('blink::NetworkResourcesData')) objects += size;
  }
  return { objects, code };
}

/** A valid package of about `mb` megabytes: the default exhibit plus large audio tracks. */
function bigPackage(mb: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-package-'));
  fs.cpSync('assets/content', dir, { recursive: true });
  const exhibitFile = path.join(dir, 'exhibit.json');
  const exhibit = JSON.parse(fs.readFileSync(exhibitFile, 'utf8')) as { stories: { slides: { audio?: unknown }[] }[] };
  fs.mkdirSync(path.join(dir, 'audio'));
  const slides = exhibit.stories.flatMap((s) => s.slides);
  const count = Math.min(slides.length, 10);
  const each = Math.floor((mb * 1024 * 1024) / count);
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, 'audio', `track-${i}.mp3`);
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'));
    const chunk = Buffer.alloc(1024 * 1024, i + 1);
    for (let written = 10; written < each; written += chunk.length) fs.writeSync(fd, chunk, 0, Math.min(chunk.length, each - written));
    fs.closeSync(fd);
    slides[i]!.audio = { src: `audio/track-${i}.mp3`, credit: { none: ['bench'] }, rights: 'https://creativecommons.org/licenses/by/4.0/' };
  }
  fs.writeFileSync(exhibitFile, JSON.stringify(exhibit, null, 2));
  return dir;
}

async function importVsCopy(): Promise<void> {
  const mb = quick ? 100 : 500;
  const source = bigPackage(mb);
  const files = execFileSync('find', [source, '-type', 'f', '-printf', '%P\\n'], { encoding: 'utf8' }).trim().split('\n');
  fs.writeFileSync(
    path.join(source, 'manifest.json'),
    JSON.stringify(await buildManifest(source, files, { id: 'kharkiv-luoyang', version: '9.0.0' })),
  );
  const exhibit = JSON.parse(fs.readFileSync(path.join(source, 'exhibit.json'), 'utf8')) as { version: string };
  exhibit.version = '9.0.0';
  fs.writeFileSync(path.join(source, 'exhibit.json'), JSON.stringify(exhibit, null, 2));
  const manifestFiles = execFileSync('find', [source, '-type', 'f', '-not', '-name', 'manifest.json', '-printf', '%P\\n'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  fs.writeFileSync(
    path.join(source, 'manifest.json'),
    JSON.stringify(await buildManifest(source, manifestFiles, { id: 'kharkiv-luoyang', version: '9.0.0' })),
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const ratios: number[] = [];
  const copies: number[] = [];
  const synced: number[] = [];
  const imports: number[] = [];
  /** Both start from a cold stick: the page cache is dropped where the system allows it. */
  const cold = () => {
    execFileSync('sync');
    try {
      fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    } catch {
      // Not allowed here: both runs read from the cache alike.
    }
  };
  for (let i = 0; i < (quick ? 2 : 5); i += 1) {
    cold();
    const t0 = performance.now();
    execFileSync('cp', ['-r', source, path.join(work, `copy-${i}`)]);
    const copy = performance.now() - t0;
    execFileSync('sync');
    synced.push(performance.now() - t0);
    cold();
    const data = path.join(work, `data-${i}`);
    const t1 = performance.now();
    const result = await importPackage({ source, dataDir: data });
    const imported = performance.now() - t1;
    if (!result.ok) throw new Error(`bench import failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
    copies.push(copy);
    imports.push(imported);
    ratios.push(imported / copy);
    fs.rmSync(path.join(work, `copy-${i}`), { recursive: true, force: true });
    fs.rmSync(data, { recursive: true, force: true });
  }
  fs.rmSync(source, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
  figures['import-vs-copy-ratio'] = figure(ratios, 'ratio', {
    target: '≤ 1.25',
    note: `${mb} MB package: import ${Math.round(percentile(imports, 50))} ms (hash, fsync, validate) ÷ cp -r ${Math.round(percentile(copies, 50))} ms; ÷ cp -r then sync ${Math.round(percentile(synced, 50))} ms: ${(percentile(imports, 50) / percentile(synced, 50)).toFixed(2)}`,
  });
}

async function initialJs(browser: Browser, host: KioskHost): Promise<void> {
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
  figures['initial-js-gzip'] = figure([kb], 'KB', {
    target: '≤ 250',
    note: `${loaded.length} scripts before the first screen: ${loaded.map((p) => path.basename(p)).join(', ')}`,
  });
}

function modelSize(): void {
  const kb = fs.statSync('assets/content/models/dt54.glb').size / 1024;
  figures['model-glb'] = figure([kb], 'KB', { target: '≤ 1536' });
}

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
  const browser = await launch();
  const host = await startHost();
  const steps: [string, () => Promise<void> | void][] = [
    ['model-glb', modelSize],
    ['initial-js-gzip', () => initialJs(browser, host)],
    ['cold-start-interactive', () => coldStart(browser)],
    ['tap-to-frame-p95', () => taps(browser, host)],
    ['language-switch-p95', () => languageSwitch(browser, host)],
    ['model-first-frame', () => modelFigures(browser, host)],
    ['orbit-fps-vs-model-viewer', () => orbitComparison(browser, host)],
    ['heap-growth-per-1000-sessions', () => heapGrowth(browser)],
    ['import-vs-copy-ratio', importVsCopy],
  ];
  for (const [name, run] of steps) {
    if (!want(name)) continue;
    process.stderr.write(`measuring ${name}…\n`);
    try {
      await run();
    } catch (error) {
      process.stderr.write(`  ${name} failed: ${(error as Error).message}\n`);
    }
  }
  await host.stop();
  await browser.close();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Chromium ${execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim()} (no GPU: software compositing, WebGL by SwiftShader)`;
  // With --only, the other figures of an existing --out file are kept.
  const previous =
    only && values.out && fs.existsSync(values.out)
      ? (JSON.parse(fs.readFileSync(values.out, 'utf8')) as { figures: Record<string, Figure> }).figures
      : {};
  const report = { machine, quick, figures: { ...previous, ...figures } };
  if (values.out) fs.writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
  const rows = Object.entries(figures).map(
    ([name, f]) => `| ${name} | ${f.median} | ${f.p95} | ${f.unit} | ${f.target ?? ''} | ${f.note ?? ''} |`,
  );
  console.log(`Machine: ${machine}\n\n| figure | median | p95 | unit | target | note |\n|---|---|---|---|---|---|\n${rows.join('\n')}`);
}

void spawn;
await main();
