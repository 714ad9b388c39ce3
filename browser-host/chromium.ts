/**
 * Finding the system Chromium and the flags that make it a kiosk window that never reaches
 * the network.
 */
import fs from 'node:fs';

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

/** The command line of a Chromium kiosk window on `url`. */
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
