/**
 * The staff side behind the contract: PIN unlock, the sticks and their packages, checking a
 * package and what it changes, installing it with progress, the on-screen health check that
 * rolls back by itself, rollback, and logs to the stick. Every admin request but the unlock
 * is refused while the admin screen is locked.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import type {
  AdminOverview,
  ImportResultView,
  InspectResult,
  ProblemView,
  PushChannel,
  Pushes,
  StickView,
  UnlockResult,
  VersionView,
} from '../contract.ts';
import { ContractError } from '../contract.ts';
import { formatProblem, type Problem } from '../content/load.ts';
import { keyId } from '../content/manifest.ts';
import type { ContentStore } from '../content/store.ts';
import type { Language } from '../content/schema.ts';
import { validatePackage } from '../content/validate.ts';
import { importPackage } from '../import/pipeline.ts';
import type { Stick, StickPackage } from '../import/sticks.ts';
import { confirmReason, pointerPath, readStatus, writePointer, type ExhibitVersion, type InstalledVersion } from '../import/versions.ts';
import { escapeUntrusted, writeFileNoFollow } from '../fs-safe.ts';
import { exportLogs } from '../log.ts';
import { diffExhibits } from './diff.ts';
import { parsePlace } from './place.ts';
import type { PinStore } from './pin.ts';

/** The import report written to the stick's top folder after every install. */
export const REPORT_FILE = 'kiosk-import-report.txt';

/** The name staff use to go back to the exhibit built into the app. */
export const BUILT_IN = 'built-in';

/** How long the admin screen stays unlocked without a request. */
export const ADMIN_TIMEOUT_MS = 10 * 60_000;
/** How long the renderer has to show new content before it is rolled back. */
export const HEALTH_TIMEOUT_MS = 30_000;

export interface AdminServiceOptions {
  dataDir: string;
  content: ContentStore;
  pins: PinStore;
  /** The sticks seen now (from the host's StickWatcher). */
  sticks: () => Stick[];
  trustedKeys?: () => Promise<string[]>;
  /** Re-reads the active package and tells the renderer (KioskService.refreshContent). */
  refresh: () => Promise<{ key: string }>;
  push: <C extends PushChannel>(channel: C, payload: Pushes[C]) => void;
  log?: (event: string, fields?: Record<string, unknown>) => void;
  now?: () => number;
  healthTimeoutMs?: number;
}

const view = (p: Problem): ProblemView => ({
  file: p.file,
  place: p.place,
  path: parsePlace(p.place),
  message: p.message,
  text: formatProblem(p),
});
const versionView = (v: InstalledVersion): VersionView => ({
  name: v.name,
  id: v.id,
  version: v.version,
  installedAt: v.installedAt,
  source: v.source,
  languages: v.languages as Language[],
  sections: v.sections,
  stories: v.stories,
});

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

export class AdminService {
  private unlockedAt: number | null = null;
  private importing = false;
  private readonly now: () => number;
  private readonly log: NonNullable<AdminServiceOptions['log']>;

  constructor(private readonly options: AdminServiceOptions) {
    this.now = options.now ?? (() => performance.now());
    this.log = options.log ?? (() => {});
  }

  /** True while the admin screen is open and in use. */
  get unlocked(): boolean {
    return this.unlockedAt !== null && this.now() - this.unlockedAt < ADMIN_TIMEOUT_MS;
  }

  /** Throws unless unlocked; each admin request keeps it open. */
  requireUnlocked(channel: string): void {
    if (!this.unlocked) {
      this.unlockedAt = null;
      throw new ContractError(`${channel}: refused, the admin screen is locked`);
    }
    this.unlockedAt = this.now();
  }

  async unlock(pin: string): Promise<UnlockResult> {
    const result = await this.options.pins.check(pin);
    this.log(result.ok ? 'admin-unlocked' : 'admin-unlock-refused', result.ok ? {} : { reason: result.reason });
    if (result.ok) this.unlockedAt = this.now();
    return result;
  }

  lock(): { ok: true } {
    this.unlockedAt = null;
    return { ok: true };
  }

  /** Tells an open admin screen that the sticks changed. */
  sticksChanged(sticks: Stick[]): void {
    if (this.unlocked) this.options.push('admin:sticks', stickViews(sticks));
  }

  async overview(): Promise<AdminOverview> {
    const [status, active, builtIn] = await Promise.all([
      readStatus(this.options.dataDir),
      this.options.content.active(),
      this.options.content.builtIn(),
    ]);
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
      sticks: stickViews(this.options.sticks()),
      importing: this.importing,
      languages: active.languages,
      signing: { trustedKeyIds: await this.trustedKeyIds() },
    };
  }

  /** The ids of the trusted keys; a key that cannot be read (a hand-edited `settings.json`) is left out rather than closing the admin screen. */
  private async trustedKeyIds(): Promise<string[]> {
    const ids: string[] = [];
    for (const pem of (await this.options.trustedKeys?.()) ?? []) {
      try {
        ids.push(keyId(crypto.createPublicKey(pem)));
      } catch {
        // Not a public key: it can verify nothing, so it is not shown as trusted.
      }
    }
    return ids;
  }

  private find(packageId: string): StickPackage {
    for (const stick of this.options.sticks()) for (const pkg of stick.packages) if (packageIdOf(pkg) === packageId) return pkg;
    throw new ContractError('That package is no longer on a stick (was the stick pulled out?)');
  }

  async inspect(packageId: string): Promise<InspectResult> {
    const pkg = this.find(packageId);
    const keys = (await this.options.trustedKeys?.()) ?? [];
    const report = await validatePackage(pkg.path, { trustedKeys: keys, requireManifest: true });
    try {
      const problems = report.problems.filter((p) => p.severity === 'error').map(view);
      const warnings = report.problems.filter((p) => p.severity === 'warning').map(view);
      if (!report.exhibit) return { ok: false, problems, warnings };
      const active = await this.options.content.active();
      const onScreen = await this.onScreen();
      const reason = confirmReason(onScreen, report.exhibit);
      return {
        ok: report.ok,
        id: report.exhibit.id,
        version: report.exhibit.version,
        problems,
        warnings,
        changes: diffExhibits(active.exhibit, report.exhibit),
        ...(reason
          ? {
              needsConfirmation: {
                active: onScreen.version,
                incoming: report.exhibit.version,
                reason,
                activeId: onScreen.id,
                incomingId: report.exhibit.id,
              },
            }
          : {}),
      };
    } finally {
      await report.cleanup();
    }
  }

  /** What is on screen: the installed version, or the built-in exhibit when nothing is installed. */
  private async onScreen(): Promise<ExhibitVersion> {
    const { active } = await readStatus(this.options.dataDir);
    if (active) return active;
    const builtIn = await this.options.content.builtIn();
    return { id: builtIn.exhibit.id, version: builtIn.exhibit.version };
  }

  /** Starts an install; progress and the result arrive as push messages. */
  install(packageId: string, confirm: boolean): { started: boolean; reason?: string } {
    if (this.importing) return { started: false, reason: 'An import is already running.' };
    const pkg = this.find(packageId);
    this.importing = true;
    void this.runImport(pkg, confirm).finally(() => {
      this.importing = false;
    });
    return { started: true };
  }

  private async runImport(pkg: StickPackage, confirm: boolean): Promise<void> {
    const { push } = this.options;
    this.log('import-started', { package: pkg.name });
    let last = 0;
    const result = await importPackage({
      source: pkg.path,
      dataDir: this.options.dataDir,
      trustedKeys: (await this.options.trustedKeys?.()) ?? [],
      allowSameOrOlder: confirm,
      builtIn: await this.onScreen(),
      onProgress: (p) => {
        const t = this.now();
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
      outcome = { ok: false, problems: result.problems.map(view), rolledBack: false, reportWritten: false };
    } else {
      const healthy = await this.showAndCheck();
      if (healthy)
        outcome = {
          ok: true,
          id: result.installed.id,
          version: result.installed.version,
          problems: [],
          rolledBack: false,
          reportWritten: false,
        };
      else {
        if (result.replaced) await writePointer(this.options.dataDir, result.replaced.name);
        else await fs.rm(pointerPath(this.options.dataDir), { force: true });
        await this.options.refresh();
        this.log('import-rolled-back', { id: result.installed.id, version: result.installed.version });
        outcome = {
          ok: false,
          id: result.installed.id,
          version: result.installed.version,
          problems: [
            {
              file: 'exhibit.json',
              place: '',
              path: [],
              message: 'the new content did not show correctly on screen, so the previous content came back',
              text: 'exhibit.json: the new content did not show correctly on screen, so the previous content came back',
            },
          ],
          rolledBack: true,
          reportWritten: false,
        };
      }
    }
    outcome.reportWritten = await this.writeReport(pkg, outcome);
    this.log(outcome.ok ? 'import-installed' : 'import-refused', {
      package: pkg.name,
      id: outcome.id,
      version: outcome.version,
      problems: outcome.problems.map((p) => p.text),
    });
    push('import:result', outcome);
  }

  /** Shows the new content and waits for the renderer to say it drew; false on failure or silence. */
  private async showAndCheck(): Promise<boolean> {
    const waiting = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS);
      this.pendingHealth = (ok) => {
        clearTimeout(timer);
        resolve(ok);
      };
    });
    const { key } = await this.options.refresh();
    this.expectedKey = key;
    const ok = await waiting;
    this.pendingHealth = undefined;
    return ok;
  }

  private pendingHealth: ((ok: boolean) => void) | undefined;
  private expectedKey: string | undefined;

  /** The renderer's report on new content: loaded, model loaded, first screen drawn. */
  reportHealth(key: string, ok: boolean, detail?: string): { ok: true } {
    if (this.pendingHealth && key === this.expectedKey) {
      this.log('content-health', { key, ok, detail });
      this.pendingHealth(ok);
    }
    return { ok: true };
  }

  async rollback(name: string): Promise<{ ok: boolean; error?: string }> {
    if (name === BUILT_IN) {
      await fs.rm(pointerPath(this.options.dataDir), { force: true });
      await this.options.refresh();
      this.log('rollback', { to: BUILT_IN });
      return { ok: true };
    }
    const { previous } = await readStatus(this.options.dataDir);
    const target = previous.find((v) => v.name === name);
    if (!target) return { ok: false, error: `There is no earlier version named "${name}".` };
    await writePointer(this.options.dataDir, target.name);
    await this.options.refresh();
    this.log('rollback', { to: target.name });
    return { ok: true };
  }

  async exportLogs(stickLabel: string): Promise<{ ok: boolean; files: string[]; error?: string }> {
    const stick = this.options.sticks().find((s) => s.label === stickLabel);
    if (!stick) return { ok: false, files: [], error: 'That stick is no longer there.' };
    try {
      const written = await exportLogs(this.options.dataDir, stick.mountPoint);
      this.log('logs-exported', { stick: stickLabel, files: written.length });
      return { ok: true, files: written };
    } catch (e) {
      return {
        ok: false,
        files: [],
        error: `The logs could not be written to the stick (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      };
    }
  }

  private async writeReport(pkg: StickPackage, outcome: ImportResultView): Promise<boolean> {
    const stick = this.options.sticks().find((s) => s.packages.some((p) => p.path === pkg.path));
    if (!stick) return false;
    // Everything from the stick (the package's name, names in the problems) is escaped: the
    // report is plain text that staff open, and must carry no control characters or disguise.
    const lines = [
      `Dongfanghong kiosk: import of "${escapeUntrusted(pkg.name, 120)}"`,
      outcome.ok
        ? `INSTALLED "${escapeUntrusted(outcome.id ?? '')}" ${escapeUntrusted(outcome.version ?? '')} — 已安装 — установлено`
        : `NOT INSTALLED — 未安装 — не установлено${outcome.rolledBack ? ' (rolled back)' : ''}`,
      ...outcome.problems.map((p) => `  ✗ ${escapeUntrusted(p.text)}`),
      '',
    ];
    try {
      await writeFileNoFollow(stick.mountPoint, REPORT_FILE, lines.join('\n'));
      return true;
    } catch (error) {
      this.log('import-report-refused', { stick: stick.label, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      return false;
    }
  }
}
