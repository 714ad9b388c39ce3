/**
 * An install started from the admin screen: the import with its progress pushed to the screen
 * (a few times a second at most), the new content shown and health-checked, the previous
 * content put back by itself when the screen does not draw it, the report written to the
 * stick, and the outcome pushed.
 */
import type { ImportResultView, PushChannel, Pushes } from '../contract.ts';
import type { ContentStore } from '../content/store.ts';
import { importPackage } from '../import/pipeline.ts';
import type { Stick, StickPackage } from '../import/sticks.ts';
import { BUILT_IN, switchActive } from '../import/versions.ts';
import type { HealthCheck } from './health-check.ts';
import { readOnScreen } from './overview.ts';
import { writeReport } from './report.ts';
import { problemView, stickOf } from './views.ts';

/** What an install needs of the kiosk. */
export interface InstallContext {
  dataDir: string;
  content: Pick<ContentStore, 'builtIn'>;
  sticks: () => readonly Stick[];
  trustedKeys: readonly string[];
  /** Re-reads the active package and tells the renderer; returns the new content's key. */
  refresh: () => Promise<{ key: string }>;
  push: <C extends PushChannel>(channel: C, payload: Pushes[C]) => void;
  health: HealthCheck;
  log: (event: string, fields?: Record<string, unknown>) => void;
  now: () => number;
}

/** Runs the install of `pkg` to its end; progress and the outcome arrive as push messages. */
export async function runInstall(pkg: StickPackage, confirm: boolean, context: InstallContext): Promise<ImportResultView> {
  const { push, log, now } = context;
  log('import-started', { package: pkg.name });
  let last = 0;
  const result = await importPackage({
    source: pkg.path,
    dataDir: context.dataDir,
    trustedKeys: context.trustedKeys,
    allowSameOrOlder: confirm,
    builtIn: await readOnScreen(context.dataDir, context.content),
    onProgress: (p) => {
      const t = now();
      if (p.phase !== 'copying' || t - last > 150) {
        last = t;
        push('import:progress', {
          phase: p.phase,
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          filesDone: p.filesDone,
          filesTotal: p.filesTotal,
          secondsLeft: p.secondsLeft,
        });
      }
    },
  });
  let outcome: ImportResultView;
  if (!result.ok) {
    outcome = { ok: false, problems: result.problems.map(problemView), rolledBack: false, reportWritten: false };
  } else {
    const { id, version } = result.installed;
    const healthy = await context.health.showAndCheck(context.refresh);
    if (healthy) outcome = { ok: true, id, version, problems: [], rolledBack: false, reportWritten: false };
    else {
      // What was on screen before comes back: the version it replaced, or the built-in exhibit.
      await switchActive(context.dataDir, result.replaced ?? BUILT_IN);
      await context.refresh();
      log('import-rolled-back', { id, version });
      outcome = { ok: false, id, version, problems: [], rolledBack: true, reportWritten: false };
    }
  }
  outcome.reportWritten = await reportOnStick(pkg, outcome, context);
  log(outcome.ok ? 'import-installed' : 'import-refused', {
    package: pkg.name,
    id: outcome.id,
    version: outcome.version,
    problems: outcome.problems.map((p) => p.text),
    ...(outcome.rolledBack ? { rolledBack: true } : {}),
  });
  push('import:result', outcome);
  return outcome;
}

/** Writes the report to the stick the package is on; false when the stick is gone or refuses it (the log says why). */
async function reportOnStick(pkg: StickPackage, outcome: ImportResultView, context: InstallContext): Promise<boolean> {
  const stick = stickOf(context.sticks(), pkg);
  if (!stick) return false;
  try {
    await writeReport(stick.mountPoint, pkg.name, outcome);
    return true;
  } catch (error) {
    context.log('import-report-refused', { stick: stick.label, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    return false;
  }
}
