// `node scripts/electronegativity.mjs`: Electronegativity's security audit of the Electron host,
// on its sources (electron/) and on the built app (dist/). Fails on any HIGH or MEDIUM finding
// that scripts/electronegativity.json does not accept with a reason. Builds dist/ if needed.
// The same scans from the command line: npx electronegativity -i electron -r -e 45.5.0 -x AvailableSecurityFixesGlobalCheck
// (and -i dist). Offline, Electronegativity prints "Could not retrieve updated translations for the
// current locale" (it asks GitHub for translations, with a 1 s timeout) and goes on in English.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The reviewed configuration. */
export function auditConfig() {
  return JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'electronegativity.json'), 'utf8'));
}

function accepted(config, scan, issue) {
  return config.accepted.find(
    (a) =>
      (a.scan === undefined || a.scan === scan) &&
      a.check === issue.id &&
      (a.file === undefined || a.file === issue.file) &&
      (a.sample === undefined || (issue.sample ?? '').trim() === a.sample),
  );
}

/**
 * Runs every scan; returns each finding with its scan, severity, whether it is accepted, and
 * the files Electronegativity could not parse.
 */
export async function audit() {
  const config = auditConfig();
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
  const run = require('@doyensec/electronegativity');
  const findings = [];
  const errors = [];
  for (const scan of config.scans) {
    const result = await run({
      input: path.join(root, scan.input),
      isSarif: false,
      customScan: [],
      excludeFromScan: Object.keys(scan.exclude ?? {}).map((c) => c.toLowerCase()),
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      // three.js (in the lazily loaded 3D chunk) uses class static blocks, which the bundled parser reads only with this plugin.
      parserPlugins: ['classStaticBlock'],
    });
    const acceptedError = (e) =>
      (config.acceptedParseErrors ?? []).some((a) => a.scan === scan.input && String(e.file).includes(a.file) && e.message === a.message);
    errors.push(...result.errors.filter((e) => !acceptedError(e)).map((e) => ({ scan: scan.input, ...e })));
    for (const issue of result.issues) {
      const severity = issue.severity.name;
      const ok = accepted(config, scan.input, issue);
      findings.push({
        scan: scan.input,
        check: issue.id,
        severity,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        sample: (issue.sample ?? '').trim().slice(0, 120),
        description: issue.description,
        blocking: (severity === 'HIGH' || severity === 'MEDIUM') && !ok,
        accepted: Boolean(ok),
      });
    }
  }
  return { findings, errors };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-needed'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { findings, errors } = await audit();
  for (const f of findings)
    console.log(`${f.blocking ? '✗' : f.accepted ? '✓ accepted' : '·'} ${f.severity} ${f.check} ${f.scan}/${f.file}:${f.line} ${f.sample}`);
  for (const e of errors) console.log(`✗ could not parse ${e.scan}/${e.file}: ${e.message ?? e.error ?? ''}`);
  const blocking = findings.filter((f) => f.blocking);
  console.log(
    blocking.length === 0 && errors.length === 0
      ? 'Electronegativity: no HIGH or MEDIUM finding left unreviewed.'
      : `Electronegativity: ${blocking.length} finding(s) to fix.`,
  );
  process.exit(blocking.length === 0 && errors.length === 0 ? 0 : 1);
}
