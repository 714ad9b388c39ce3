/**
 * What the admin screen shows first: what is on screen, what can be gone back to (the built-in
 * exhibit included once something is installed), the sticks, and who may sign packages.
 */
import crypto from 'node:crypto';
import type { AdminOverview, VersionView } from '../contract.ts';
import { keyId } from '../content/manifest.ts';
import type { ContentStore } from '../content/store.ts';
import type { Stick } from '../import/sticks.ts';
import { BUILT_IN, onScreenOf, readStatus, type ExhibitVersion } from '../import/versions.ts';
import { stickViews, versionView } from './views.ts';

/** What the overview and the checks read: the data folder, the content store, the sticks and the trusted keys. */
export interface OverviewSources {
  dataDir: string;
  content: Pick<ContentStore, 'active' | 'builtIn'>;
  sticks: readonly Stick[];
  trustedKeys: readonly string[];
  importing: boolean;
}

/** The admin screen's overview. */
export async function readOverview(sources: OverviewSources): Promise<AdminOverview> {
  const [status, active, builtIn] = await Promise.all([readStatus(sources.dataDir), sources.content.active(), sources.content.builtIn()]);
  const builtInView: VersionView = {
    name: BUILT_IN,
    id: builtIn.exhibit.id,
    version: builtIn.exhibit.version,
    installedAt: '',
    source: '',
    languages: builtIn.languages,
    sections: builtIn.exhibit.sections.length,
    stories: builtIn.exhibit.stories.length,
  };
  return {
    builtIn: { id: builtIn.exhibit.id, version: builtIn.exhibit.version },
    active: status.active ? versionView(status.active) : null,
    previous: [...status.previous.map(versionView), ...(status.active ? [builtInView] : [])],
    sticks: stickViews(sources.sticks),
    importing: sources.importing,
    languages: active.languages,
    signing: { trustedKeyIds: trustedKeyIds(sources.trustedKeys) },
  };
}

/** The ids of the trusted keys; a key that cannot be read (a hand-edited `settings.json`) is left out rather than closing the admin screen. */
export function trustedKeyIds(pems: readonly string[]): string[] {
  const ids: string[] = [];
  for (const pem of pems) {
    try {
      ids.push(keyId(crypto.createPublicKey(pem)));
    } catch {
      // Not a public key: it can verify nothing, so it is not shown as trusted.
    }
  }
  return ids;
}

/** What is on screen: the installed version, or the built-in exhibit when nothing is installed (`onScreenOf`). */
export async function readOnScreen(dataDir: string, content: Pick<ContentStore, 'builtIn'>): Promise<ExhibitVersion> {
  const [{ active }, builtIn] = await Promise.all([readStatus(dataDir), content.builtIn()]);
  return onScreenOf(active, { id: builtIn.exhibit.id, version: builtIn.exhibit.version })!;
}
