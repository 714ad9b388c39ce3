/**
 * The import report written back to the stick after every install, for staff to carry to a
 * technician: plain text in English (with the outcome also in Chinese and Russian), everything
 * that came from the stick escaped, written without following a link there.
 */
import type { ImportResultView } from '../contract.ts';
import { escapeUntrusted, writeFileNoFollow } from '../fs-safe.ts';

/** The import report written to the stick's top folder after every install. */
export const REPORT_FILE = 'kiosk-import-report.txt';

/** Why a rolled-back install is in the report, in the words of the problems above it. */
const ROLLED_BACK = 'the new content did not show correctly on screen, so the previous content came back';

/**
 * The report's lines for the import of the package named `packageName`. Everything from the
 * stick (the package's name, names in the problems) is escaped: the report is plain text that
 * staff open, and must carry no control characters or disguise.
 */
export function reportLines(packageName: string, outcome: ImportResultView): string[] {
  return [
    `Dongfanghong kiosk: import of "${escapeUntrusted(packageName, 120)}"`,
    outcome.ok
      ? `INSTALLED "${escapeUntrusted(outcome.id ?? '')}" ${escapeUntrusted(outcome.version ?? '')} — 已安装 — установлено`
      : `NOT INSTALLED — 未安装 — не установлено${outcome.rolledBack ? ' (rolled back)' : ''}`,
    ...outcome.problems.map((p) => `  ✗ ${escapeUntrusted(p.text)}`),
    ...(outcome.rolledBack ? [`  ✗ exhibit.json: ${ROLLED_BACK}`] : []),
    '',
  ];
}

/** Writes the report into the stick's top folder `mountPoint`; throws when the stick refuses it (read-only, a folder in the way). */
export async function writeReport(mountPoint: string, packageName: string, outcome: ImportResultView): Promise<void> {
  await writeFileNoFollow(mountPoint, REPORT_FILE, reportLines(packageName, outcome).join('\n'));
}
