/**
 * `npm run bench -- [--out FILE] [--quick] [--only name,...]`: the figures a museum cares about,
 * measured through the browser host in Debian's Chromium, each repeated for a median and p95,
 * comparisons measured side by side in the same run. Writes JSON and prints a table. Each
 * measurement is a file of its own in bench/figures/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { startHost } from '../tests/e2e/kiosk-host.ts';
import { coldStart } from './figures/cold-start-interactive.ts';
import { filmFigures } from './figures/film.ts';
import { heapGrowth } from './figures/heap-growth.ts';
import { importVsCopy } from './figures/import-vs-copy.ts';
import { initialJs } from './figures/initial-js-gzip.ts';
import { languageSwitch } from './figures/language-switch.ts';
import { modelFigures } from './figures/model-first-frame.ts';
import { modelGlb } from './figures/model-glb.ts';
import { modelSwitch } from './figures/model-switch.ts';
import { orbitComparison } from './figures/orbit-vs-model-viewer.ts';
import { taps } from './figures/tap-to-frame.ts';
import { launch, type Bench, type Figure, type Figures } from './lib.ts';

/** The measurements in the order they run, by the name `--only` selects them by. */
const STEPS: [string, (bench: Bench) => Promise<Figures> | Figures][] = [
  ['model-glb', modelGlb],
  ['initial-js-gzip', initialJs],
  ['cold-start-interactive', coldStart],
  ['tap-to-frame-p95', taps],
  ['language-switch-p95', languageSwitch],
  ['model-first-frame', modelFigures],
  ['model-switch', modelSwitch],
  ['film', filmFigures],
  ['orbit-fps-vs-model-viewer', orbitComparison],
  ['heap-growth-per-1000-sessions', heapGrowth],
  ['import-vs-copy-ratio', importVsCopy],
];

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`npm run bench -- [--out FILE] [--quick] [--only name,...]

  --out FILE   write the figures as JSON (with --only, the other figures already in FILE are kept)
  --quick      fewer repetitions, smaller samples
  --only       run only these measurements: ${STEPS.map(([name]) => name).join(', ')}`);
  process.exit(0);
}

const quick = values.quick;
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { stdio: 'inherit' });
  const browser = await launch();
  const host = await startHost();
  const bench: Bench = { browser, host, quick };
  const figures: Figures = {};
  for (const [name, run] of STEPS) {
    if (!want(name)) continue;
    process.stderr.write(`measuring ${name}…\n`);
    try {
      Object.assign(figures, await run(bench));
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

await main();
