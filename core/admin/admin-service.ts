/**
 * The staff side behind the contract, in one object for the kiosk service to call: the PIN lock
 * (`lock.ts`), the overview (`overview.ts`), a package's check (`inspection.ts`), the install
 * with its on-screen health check (`install.ts`, `health-check.ts`), rollback (`rollback.ts`),
 * logs to a stick (`logs.ts`) and the stick's report (`report.ts`). Every admin request but the
 * unlock is refused while the admin screen is locked; every answer staff see is a code
 * (`messages.ts`), said in their language by the admin screen.
 */
import type {
  AdminOverview,
  ExportLogsAnswer,
  InspectResult,
  InstallAnswer,
  PushChannel,
  Pushes,
  RollbackAnswer,
  UnlockResult,
} from '../contract.ts';
import type { ContentStore } from '../content/store.ts';
import type { Stick } from '../import/sticks.ts';
import { HealthCheck, HEALTH_TIMEOUT_MS } from './health-check.ts';
import { inspectPackage } from './inspection.ts';
import { runInstall } from './install.ts';
import { AdminLock } from './lock.ts';
import { exportLogsTo } from './logs.ts';
import { readOverview } from './overview.ts';
import type { PinStore } from './pin.ts';
import { rollbackTo } from './rollback.ts';
import { findPackage, stickViews } from './views.ts';

export { BUILT_IN } from '../import/versions.ts';
export { HEALTH_TIMEOUT_MS } from './health-check.ts';
export { ADMIN_TIMEOUT_MS } from './lock.ts';
export { REPORT_FILE } from './report.ts';
export { packageIdOf, stickViews } from './views.ts';

/** What the host gives the staff side: where the content is, the PIN, the sticks, the trust, and how to tell the screen. */
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

/**
 * The staff side as the kiosk service sees it: one method per admin request of the contract,
 * plus the sticks' changes and the renderer's health reports. It keeps the little state the
 * staff side has (the lock, the one import at a time, the pending health check) and leaves the
 * work to the modules beside it.
 */
export class AdminService {
  private importing = false;
  private readonly now: () => number;
  private readonly log: NonNullable<AdminServiceOptions['log']>;
  private readonly gate: AdminLock;
  private readonly health: HealthCheck;

  constructor(private readonly options: AdminServiceOptions) {
    this.now = options.now ?? (() => performance.now());
    this.log = options.log ?? (() => {});
    this.gate = new AdminLock(options.pins, this.now, this.log);
    this.health = new HealthCheck(options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS, this.log);
  }

  /** True while the admin screen is open and in use. */
  get unlocked(): boolean {
    return this.gate.unlocked;
  }

  /** Throws unless unlocked; each admin request keeps it open. */
  requireUnlocked(channel: string): void {
    this.gate.requireUnlocked(channel);
  }

  /** Checks the staff PIN and opens the admin screen when it is right. */
  unlock(pin: string): Promise<UnlockResult> {
    return this.gate.unlock(pin);
  }

  /** Closes the admin screen. */
  lock(): { ok: true } {
    return this.gate.lock();
  }

  /** Tells an open admin screen that the sticks changed. */
  sticksChanged(sticks: Stick[]): void {
    if (this.unlocked) this.options.push('admin:sticks', stickViews(sticks));
  }

  /** What the admin screen shows first. */
  async overview(): Promise<AdminOverview> {
    return readOverview({
      dataDir: this.options.dataDir,
      content: this.options.content,
      sticks: this.options.sticks(),
      trustedKeys: await this.trustedKeys(),
      importing: this.importing,
    });
  }

  /** Checks a package on a stick: the verdict, what it changes, and what staff must confirm. */
  async inspect(packageId: string): Promise<InspectResult> {
    return inspectPackage(findPackage(this.options.sticks(), packageId), {
      dataDir: this.options.dataDir,
      content: this.options.content,
      trustedKeys: await this.trustedKeys(),
    });
  }

  /** Starts an install; progress and the result arrive as push messages. */
  install(packageId: string, confirm: boolean): InstallAnswer {
    if (this.importing) return { started: false, answer: { code: 'import-running' } };
    const pkg = findPackage(this.options.sticks(), packageId);
    if (!pkg) return { started: false, answer: { code: 'package-gone' } };
    this.importing = true;
    void this.trustedKeys()
      .then((trustedKeys) =>
        runInstall(pkg, confirm, {
          dataDir: this.options.dataDir,
          content: this.options.content,
          sticks: this.options.sticks,
          trustedKeys,
          refresh: this.options.refresh,
          push: this.options.push,
          health: this.health,
          log: this.log,
          now: this.now,
        }),
      )
      .catch((error: unknown) => {
        // Not the import (it answers every failure itself) but the screen's refresh around it: the
        // screen is told the install did not go through rather than left with a frozen bar.
        this.log('import-crashed', { error: (error as Error).message });
        this.options.push('import:result', { ok: false, problems: [], rolledBack: false, reportWritten: false });
      })
      .finally(() => {
        this.importing = false;
      });
    return { started: true };
  }

  /** The renderer's report on new content: loaded, model loaded, first screen drawn. */
  reportHealth(key: string, ok: boolean, detail?: string): { ok: true } {
    return this.health.report(key, ok, detail);
  }

  /** Goes back to a kept version, or to the built-in exhibit (`BUILT_IN`). */
  rollback(name: string): Promise<RollbackAnswer> {
    return rollbackTo(name, { dataDir: this.options.dataDir, content: this.options.content, refresh: this.options.refresh, log: this.log });
  }

  /** Saves the logs to the stick labelled `stickLabel`. */
  exportLogs(stickLabel: string): Promise<ExportLogsAnswer> {
    return exportLogsTo(
      this.options.dataDir,
      this.options.sticks().find((s) => s.label === stickLabel),
      this.log,
    );
  }

  private async trustedKeys(): Promise<string[]> {
    return (await this.options.trustedKeys?.()) ?? [];
  }
}
