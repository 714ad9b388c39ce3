/**
 * Whether the kiosk may run from where it is installed. On Windows and macOS the packaged app's
 * asar is checked against the integrity hash built into the executable (electron-builder.yml
 * fuses); on Linux Electron has no such check, so the app's files are only as trustworthy as
 * the folder they lie in. A kiosk on Linux therefore runs only from a place its own user cannot
 * write: the deb's folder under /opt (owned by root), or an AppImage file in a root-owned
 * folder (the AppImage's own mount is read-only, but its file could be swapped).
 */
import path from 'node:path';

/** What is known of the running app, passed in so that a test can describe any machine. */
export interface InstallFacts {
  platform: NodeJS.Platform;
  /** True for a packaged app (Electron's `app.isPackaged`); a checkout is trusted as it is. */
  packaged: boolean;
  /** The folder of the app's resources (`process.resourcesPath`). */
  resourcesDir: string;
  /** The AppImage file the app was started from (`$APPIMAGE`), if any. */
  appImage?: string;
  /** True when the kiosk's user can write (or replace what is in) `p`. */
  writable: (p: string) => boolean;
}

/** The places the kiosk's user could change that the app's code is loaded from; empty when the install can be trusted. */
export function writableInstallPaths(facts: InstallFacts): string[] {
  if (facts.platform !== 'linux' || !facts.packaged) return [];
  const places = [facts.resourcesDir, path.dirname(facts.resourcesDir)];
  if (facts.appImage) places.push(facts.appImage, path.dirname(facts.appImage));
  return places.filter((p) => facts.writable(p));
}
