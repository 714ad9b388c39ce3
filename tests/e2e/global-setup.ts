import { execFileSync } from 'node:child_process';

/** Builds the renderer, bridge and Electron bundles once, when sources changed. */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
}
