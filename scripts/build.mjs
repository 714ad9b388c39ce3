// Builds everything the hosts serve or run: the renderer (with the static safe-mode page), the
// browser host's bridge, and the Electron main process and preload. `node scripts/build.mjs [--if-needed]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = [
  'dist/renderer/index.html',
  'dist/renderer/safe-mode/index.html',
  'dist/browser-host/bridge.js',
  'dist/browser-host/cli.js',
  'dist/electron/main.js',
  'dist/electron/preload.cjs',
  'dist/electron/gltf-validator/index.js',
  'dist/browser-host/gltf-validator/index.js',
];
const sources = [
  'renderer',
  'core',
  'electron',
  'browser-host',
  'locales',
  'assets/safe-mode',
  'package.json',
  'vite.config.ts',
  'scripts/build.mjs',
];

function newest(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((e) => newest(path.join(p, e))));
}

function upToDate() {
  const built = outputs.map((o) => path.join(root, o));
  if (!built.every((o) => fs.existsSync(o))) return false;
  const oldestOutput = Math.min(...built.map((o) => fs.statSync(o).mtimeMs));
  return Math.max(...sources.map((s) => newest(path.join(root, s)))) < oldestOutput;
}

/**
 * The safe-mode page next to the renderer, in `dist/renderer/safe-mode/`: its template and
 * style, and `fonts.css` with the bundled font's @font-face rules taken from the renderer's
 * built CSS, pointing at the same font files (the browser fetches only the slices it needs).
 */
function buildSafeMode() {
  const out = path.join(root, 'dist', 'renderer', 'safe-mode');
  fs.cpSync(path.join(root, 'assets', 'safe-mode'), out, { recursive: true });
  const assets = path.join(root, 'dist', 'renderer', 'assets');
  const css = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .map((f) => fs.readFileSync(path.join(assets, f), 'utf8'))
    .join('\n');
  const faces = (css.match(/@font-face\s*{[^}]*}/g) ?? []).map((face) =>
    face.replace(/url\((['"]?)\.?\/?([^)'"]+)\1\)/g, (_m, _q, file) => {
      if (!fs.existsSync(path.join(assets, file))) throw new Error(`safe mode: the font file ${file} is not in the build`);
      return `url(../assets/${file})`;
    }),
  );
  if (faces.length === 0) throw new Error('safe mode: the renderer build has no @font-face rules to reuse');
  fs.writeFileSync(
    path.join(out, 'fonts.css'),
    `/* The bundled font, as the renderer loads it (written by scripts/build.mjs). */\n${faces.join('\n')}\n`,
  );
}

/**
 * Modules with native code, which no bundle can hold: the Electron host loads them from
 * node_modules, which electron-builder.yml packages for them alone (and unpacks from the asar).
 */
const NATIVE_MODULES = ['sharp'];

/**
 * The Khronos glTF validator beside a host's bundle, as plain files: core/content/glb.ts runs it
 * in a worker thread of its own (a hostile model can crash it), which loads it by path.
 */
function copyValidator(outDir) {
  const from = path.join(root, 'node_modules', 'gltf-validator');
  const to = path.join(root, outDir, 'gltf-validator');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['package.json', 'index.js', 'gltf_validator.dart.js', 'LICENSE', 'NOTICES'])
    fs.copyFileSync(path.join(from, file), path.join(to, file));
}

if (process.argv.includes('--if-needed') && upToDate()) process.exit(0);

// What the kiosk ships is the production build, whoever runs this: under Playwright's global
// setup NODE_ENV was 'test', and Vite then bundled React's development code, whose StrictMode
// runs each effect twice (a film's cleanup emptied its source, so CI's films never played).
process.env.NODE_ENV = 'production';
const quiet = { logLevel: 'warn', configFile: false, root, mode: 'production' };
await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
const rendererJs = fs.readdirSync(path.join(root, 'dist', 'renderer', 'assets')).filter((f) => f.endsWith('.js'));
if (
  rendererJs.some((f) => fs.readFileSync(path.join(root, 'dist', 'renderer', 'assets', f), 'utf8').includes('Download the React DevTools'))
)
  throw new Error('the renderer was built with React’s development code: the kiosk ships the production build');
buildSafeMode();
await build({
  ...quiet,
  build: {
    outDir: 'dist/browser-host',
    emptyOutDir: true,
    target: 'chrome120',
    reportCompressedSize: false,
    lib: { entry: 'browser-host/bridge/bridge.ts', formats: ['es'], fileName: () => 'bridge.js' },
  },
});
await build({
  ...quiet,
  build: {
    ssr: 'browser-host/cli.ts',
    outDir: 'dist/browser-host',
    emptyOutDir: false,
    target: 'node20',
    reportCompressedSize: false,
    rollupOptions: { external: [/^node:/], output: { format: 'es', entryFileNames: 'cli.js' } },
  },
});
await build({
  ...quiet,
  ssr: { noExternal: true, external: ['electron', ...NATIVE_MODULES] },
  build: {
    ssr: 'electron/main.ts',
    outDir: 'dist/electron',
    emptyOutDir: true,
    target: 'node20',
    reportCompressedSize: false,
    rollupOptions: { external: ['electron', ...NATIVE_MODULES, /^node:/], output: { format: 'es', entryFileNames: 'main.js' } },
  },
});
copyValidator('dist/electron');
copyValidator('dist/browser-host');
await build({
  ...quiet,
  ssr: { noExternal: true, external: ['electron'] },
  build: {
    ssr: 'electron/preload.ts',
    outDir: 'dist/electron',
    emptyOutDir: false,
    target: 'node20',
    reportCompressedSize: false,
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
  },
});
console.log('Built the renderer, the browser host and the Electron main process.');
