// Finding an Electron runtime without triggering the electron package's lazy download:
// ELECTRON_PATH, else the binary the package has already downloaded (named in its path.txt).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable to run, or undefined when none is on this machine. */
export function findElectron(env = process.env) {
  if (env.ELECTRON_PATH) return fs.existsSync(env.ELECTRON_PATH) ? env.ELECTRON_PATH : undefined;
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), relative);
    return fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Asks the electron package to download its runtime; fails at once without internet. */
export function downloadElectron(spawnSync) {
  const install = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  spawnSync(process.execPath, [install], { stdio: 'ignore', timeout: 300_000 });
}
