/**
 * What the admin screen is sent about packages, versions and sticks: plain views of the core's
 * records, with nothing in them the screen should not have (never a path on a stick).
 */
import crypto from 'node:crypto';
import type { ProblemView, StickView, VersionView } from '../contract.ts';
import { formatProblem } from '../content/load.ts';
import type { Language } from '../content/schema.ts';
import type { ImportProblem } from '../import/findings.ts';
import type { Stick, StickPackage } from '../import/sticks.ts';
import type { InstalledVersion } from '../import/versions.ts';
import { parsePlace } from './place.ts';

/** A problem as staff read it: its place as steps, and its code (the import's own, or the validator's). */
export function problemView(p: ImportProblem): ProblemView {
  return {
    file: p.file,
    place: p.place,
    path: parsePlace(p.place),
    message: p.message,
    text: formatProblem(p),
    ...(p.finding ? { finding: p.finding } : {}),
    ...(p.issue ? { issue: p.issue } : {}),
  };
}

/** An installed version as the admin screen lists it. */
export function versionView(v: InstalledVersion): VersionView {
  return {
    name: v.name,
    id: v.id,
    version: v.version,
    installedAt: v.installedAt,
    source: v.source,
    languages: v.languages as Language[],
    sections: v.sections,
    stories: v.stories,
  };
}

/** The id staff's screen uses for a package on a stick: never its path. */
export function packageIdOf(pkg: StickPackage): string {
  return crypto.createHash('sha256').update(pkg.path).digest('hex').slice(0, 16);
}

/** The sticks as the admin screen sees them. */
export function stickViews(sticks: readonly Stick[]): StickView[] {
  return sticks.map((s) => ({
    label: s.label,
    packages: s.packages.map((p) => ({ packageId: packageIdOf(p), name: p.name, kind: p.kind })),
  }));
}

/** The package staff chose by its id, if it is still on a stick. */
export function findPackage(sticks: readonly Stick[], packageId: string): StickPackage | undefined {
  for (const stick of sticks) for (const pkg of stick.packages) if (packageIdOf(pkg) === packageId) return pkg;
  return undefined;
}

/** The stick a package is on, if it is still there. */
export function stickOf(sticks: readonly Stick[], pkg: StickPackage): Stick | undefined {
  return sticks.find((s) => s.packages.some((p) => p.path === pkg.path));
}
