/**
 * Where the kiosk keeps its data, per platform, without Electron: the same folder Electron's
 * `app.getPath('userData')` would give for this app name.
 */
import os from 'node:os';
import path from 'node:path';

/** The app's folder name under the user's app-data folder. */
export const APP_NAME = 'dongfanghong-kiosk';

/** The user's app-data folder for the kiosk on `platform`. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** The folders of an installed app (or a checkout) under `appRoot`, the folder holding `assets/` and `dist/`. */
export function appLayout(appRoot: string): { defaultContentDir: string; rendererDir: string } {
  return {
    defaultContentDir: path.join(appRoot, 'assets', 'content'),
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
  };
}
