/**
 * Finding the system Chromium and the flags that make it a kiosk window that never reaches
 * the network.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../core/fs-atomic.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

/** The Chromium to open the kiosk in: `CHROMIUM_PATH`, else the first one installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return CANDIDATES.find(exists);
}

/** Flags that keep Chromium offline and quiet; shared by the kiosk window and the tests. */
export const OFFLINE_FLAGS = [
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--metrics-recording-only',
] as const;

/** The page Chromium is started on, in the data folder: it leads to the kiosk's address. */
export const LAUNCH_PAGE = 'chromium-launch.html';

/**
 * Writes the page that leads Chromium to `url` (the kiosk's address, token included), readable
 * by the kiosk's user alone, and returns its file URL. Chromium is started on this page, never on
 * the address itself: a command line is readable by every user of the machine
 * (`/proc/PID/cmdline`), a file with mode 0600 is not.
 */
export async function writeLaunchPage(dataDir: string, url: string): Promise<string> {
  const file = path.join(dataDir, LAUNCH_PAGE);
  const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const page = `<!doctype html>\n<meta charset="utf-8">\n<meta name="referrer" content="no-referrer">\n<meta http-equiv="refresh" content="0;url=${escaped}">\n<title>Dongfanghong kiosk</title>\n`;
  await fsp.mkdir(dataDir, { recursive: true });
  await writeFileAtomic(file, page, undefined, 0o600);
  return pathToFileURL(file).href;
}

/** The command line of a Chromium kiosk window on `url` (the launch page's file URL). */
export function kioskChromiumArgs(url: string, profileDir: string): string[] {
  return [
    ...OFFLINE_FLAGS,
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    `--app=${url}`,
    '--noerrdialogs',
    '--disable-infobars',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-features=TranslateUI,Translate,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation',
    '--autoplay-policy=no-user-gesture-required',
  ];
}
