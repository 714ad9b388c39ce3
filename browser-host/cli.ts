/**
 * `npm run preview -- [--port N] [--no-open] [--data DIR] [--content DIR] [--idle S] [--countdown S]
 * [--mount-roots DIR,...] [--safe-mode]`: starts the loopback browser host, prints its address and
 * opens it in a Chromium kiosk window (`--safe-mode`: the safe-mode page instead). Starts and
 * stops go to the data folder's log.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PackageError } from '../core/content/store.ts';
import { defaultMountRoots } from '../core/import/mounts.ts';
import { createKiosk } from '../core/kiosk.ts';
import { RotatingLog } from '../core/log.ts';
import { appLayout, defaultDataDir } from '../core/paths.ts';
import { CONTENT_PREFIX } from '../core/serve/route.ts';
import { findChromium, kioskChromiumArgs, writeLaunchPage } from './chromium.ts';
import { startBrowserHost } from './server.ts';

/** The checkout (or installed app) root: the nearest folder up with package.json, built or not. */
function findAppRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error('package.json not found above the browser host');
  }
}
const appRoot = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${flag} needs a number of seconds greater than 0, not "${value}".`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      data: { type: 'string' },
      content: { type: 'string' },
      idle: { type: 'string' },
      countdown: { type: 'string' },
      'mount-roots': { type: 'string' },
      'safe-mode': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      'Usage: npm run preview -- [--port N] [--no-open] [--data DIR] [--content DIR] [--idle SECONDS] [--countdown SECONDS] [--mount-roots DIR,...] [--safe-mode]',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a port number, not "${values.port}".`);
    process.exit(2);
  }
  const layout = appLayout(appRoot);
  const bridgeFile = path.join(appRoot, 'dist', 'browser-host', 'bridge.js');
  if (!fs.existsSync(path.join(layout.rendererDir, 'index.html')) || !fs.existsSync(bridgeFile)) {
    console.error('The kiosk is not built yet: run "npm run build" first.');
    process.exit(1);
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const log = new RotatingLog(dataDir, { base: { host: 'browser' } });
  process.on('uncaughtException', (error) => {
    log.error('host-crash', { error });
    console.error(error);
    process.exit(1);
  });
  const idleSeconds = seconds(values.idle, '--idle');
  const countdownSeconds = seconds(values.countdown, '--countdown');
  const appVersion = (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const kiosk = await createKiosk({
    appRoot,
    dataDir,
    ...(values.content ? { previewDir: path.resolve(values.content) } : {}),
    settingsOverrides: {
      ...(idleSeconds !== undefined ? { idleSeconds } : {}),
      ...(countdownSeconds !== undefined ? { countdownSeconds } : {}),
    },
    host: { host: 'browser', appVersion, platform: process.platform },
    contentBaseUrl: CONTENT_PREFIX,
    mountRoots: values['mount-roots'] ? values['mount-roots'].split(',').map((r) => path.resolve(r)) : defaultMountRoots(),
    // Roots named on the command line are taken at their word: every mount under them is a stick.
    mountFilter: values['mount-roots'] ? 'any' : 'removable',
    log: (event, fields) => log.info(event, fields),
  });
  try {
    await kiosk.content.active();
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const service = kiosk.service;
  const host = await startBrowserHost({ service, rendererDir: layout.rendererDir, bridgeFile, port });
  console.log(`Kiosk ready at ${host.url}`);
  if (values['safe-mode']) console.log(`Safe-mode page at ${host.safeModeUrl}`);
  log.info('app-start', { version: appVersion, platform: process.platform, port: host.port, preview: Boolean(values.content) });

  let browser: ReturnType<typeof spawn> | undefined;
  if (!values['no-open']) {
    const chromium = findChromium();
    if (!chromium) console.log('No Chromium found: open the address above in a browser.');
    else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
      console.log('No display to open a window on: open the address above in a browser.');
    else {
      const launch = await writeLaunchPage(dataDir, values['safe-mode'] ? host.safeModeUrl : host.url);
      browser = spawn(chromium, kioskChromiumArgs(launch, path.join(dataDir, 'chromium-profile')), { stdio: 'ignore' });
      browser.on('exit', () => void shutdown('browser closed'));
    }
  }

  let closing = false;
  async function shutdown(reason: string): Promise<void> {
    if (closing) return;
    closing = true;
    log.info('app-stop', { reason });
    browser?.kill();
    kiosk.stop();
    await host.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
