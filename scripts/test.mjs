// `npm test`: type-check, lint, unit tests, end-to-end tests (browser host and, where a runtime
// exists, Electron). Ends with one line `N passed, N failed, N skipped` counted from the
// runners' JSON results.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const counts = { passed: 0, failed: 0, skipped: 0 };
const skippedReasons = new Set();

function step(name, command, args) {
  console.log(`\n── ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function check(name, command, args) {
  if (step(name, command, args)) counts.passed += 1;
  else {
    counts.failed += 1;
    console.log(`✗ ${name} failed`);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

fs.rmSync('test-results', { recursive: true, force: true });
check('type-check (Node: core, electron, browser host)', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']);
check('type-check (web: renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']);
check('type-check (tests: end-to-end)', 'npx', ['tsc', '-p', 'tsconfig.e2e.json', '--noEmit']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('format (Prettier, check only)', 'npx', ['prettier', '--check', '.']);

const unitOk = step('unit tests (Vitest)', 'npx', ['vitest', 'run']);
const unit = readJson('test-results/unit.json');
if (unit) {
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) counts.failed += 1;

const e2eOk = step('end-to-end tests (Playwright, Chromium and Electron)', 'npx', ['playwright', 'test']);
const e2e = readJson('test-results/e2e.json');
if (e2e) {
  counts.passed += e2e.stats.expected + e2e.stats.flaky;
  counts.failed += e2e.stats.unexpected;
  counts.skipped += e2e.stats.skipped;
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) skippedReasons.add(a.description);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
}
if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) counts.failed += 1;

for (const reason of skippedReasons) console.log(`skipped: ${reason}`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);
