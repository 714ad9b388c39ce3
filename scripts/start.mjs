// `npm start`: builds if needed and starts the Electron kiosk. Where no Electron runtime can be
// found or downloaded, says so in one line and starts the browser host in a Chromium kiosk
// window instead (or prints the address when there is no Chromium).
import { spawn, spawnSync } from 'node:child_process';
import { downloadElectron, findElectron } from './electron-runtime.mjs';

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electron = findElectron();
if (!electron && !process.env.ELECTRON_PATH) {
  downloadElectron(spawnSync);
  electron = findElectron();
}

const extra = process.argv.slice(2);
const child = electron
  ? spawn(electron, ['.', ...extra], { stdio: 'inherit' })
  : (console.log('No Electron runtime could be found or downloaded here: starting the kiosk in a Chromium kiosk window instead.'),
    spawn(process.execPath, ['dist/browser-host/cli.js', ...extra], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
