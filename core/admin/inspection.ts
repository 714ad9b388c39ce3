/**
 * Checking a package on a stick before staff install it: the full validator's verdict, what it
 * would change on screen, and what staff must confirm (the same rule as the import's).
 */
import type { InspectResult } from '../contract.ts';
import type { ContentStore } from '../content/store.ts';
import { validatePackage } from '../content/validate.ts';
import type { StickPackage } from '../import/sticks.ts';
import { confirmationFor } from '../import/versions.ts';
import { diffExhibits } from './diff.ts';
import { readOnScreen } from './overview.ts';
import { problemView } from './views.ts';

/** What a check reads besides the package. */
export interface InspectSources {
  dataDir: string;
  content: Pick<ContentStore, 'active' | 'builtIn'>;
  trustedKeys: readonly string[];
}

/** The check of `pkg` (`undefined`: it is no longer on a stick), as the admin screen shows it. */
export async function inspectPackage(pkg: StickPackage | undefined, sources: InspectSources): Promise<InspectResult> {
  if (!pkg) return { ok: false, problems: [], warnings: [], refused: { code: 'package-gone' } };
  const report = await validatePackage(pkg.path, { trustedKeys: sources.trustedKeys, requireManifest: true });
  try {
    const problems = report.problems.filter((p) => p.severity === 'error').map(problemView);
    const warnings = report.problems.filter((p) => p.severity === 'warning').map(problemView);
    if (!report.exhibit) return { ok: false, problems, warnings };
    const active = await sources.content.active();
    const needsConfirmation = confirmationFor(await readOnScreen(sources.dataDir, sources.content), report.exhibit);
    return {
      ok: report.ok,
      id: report.exhibit.id,
      version: report.exhibit.version,
      problems,
      warnings,
      changes: diffExhibits(active.exhibit, report.exhibit),
      ...(needsConfirmation ? { needsConfirmation } : {}),
    };
  } finally {
    await report.cleanup();
  }
}
