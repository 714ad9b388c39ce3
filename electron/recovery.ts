/**
 * Carries out the recovery decisions of core/recovery.ts for the kiosk window: listens for a
 * renderer that crashed, hung or fell silent, for the GPU process failing and for the nightly
 * restart time, and reloads, shows the safe-mode page or relaunches the app as the core
 * decides, writing each step to the kiosk log. Thin on purpose: every rule is in the core.
 */
import { app, type BrowserWindow, type Details, type Event, type RenderProcessGoneDetails } from 'electron';
import type { Heartbeat } from '../core/contract.ts';
import type { Logger } from '../core/log.ts';
import {
  initialRecovery,
  nightlyRestartDue,
  recoveryStep,
  relaunchArgs,
  type RecoveryAction,
  type RecoveryEvent,
  type RecoveryPolicy,
  type RecoveryState,
} from '../core/recovery.ts';
import { isSafeModeUrl } from './protocol.ts';
import { RENDERER_URL, SAFE_MODE_URL } from './window.ts';

/** The kiosk window, the policy from the settings, the log, and the clocks (parameters, for tests). */
export interface RecoveryOptions {
  window: Pick<BrowserWindow, 'webContents' | 'loadURL' | 'isDestroyed'>;
  policy: RecoveryPolicy;
  log: Logger;
  /** The nightly restart time `HH:MM`, or null. */
  nightlyRestart: string | null;
  /** The process's command line, carried over to a relaunch. */
  argv: readonly string[];
  /** Relaunches for the GPU in a row before this start. */
  gpuRelaunches: number;
  /** Monotonic milliseconds. */
  now?: () => number;
  /** The wall clock, read only for the nightly restart. */
  wallClock?: () => Date;
  /** How often timed rules are checked (1 s), and the renderer's memory measured (30 s). */
  tickMs?: number;
  memoryCheckMs?: number;
}

/** The recovery wiring of one kiosk window. */
export interface Recovery {
  /** A heartbeat from the kiosk window's page (through the contract's `app:heartbeat`). */
  heartbeat(beat: Heartbeat): void;
  /** Where recovery stands, for diagnostics and tests. */
  state(): RecoveryState;
  /** Stops listening (the window is closing, or the app quits). */
  dispose(): void;
}

/** A `forcefullyCrashRenderer` reports back as a `killed` renderer within this time; that one is ours, not a crash. */
const OWN_KILL_MS = 5_000;

/** Watches the kiosk window and brings it back from failures. */
export function wireRecovery(options: RecoveryOptions): Recovery {
  const { window, policy, log } = options;
  const contents = window.webContents;
  const now = options.now ?? (() => performance.now());
  const wallClock = options.wallClock ?? (() => new Date());
  const startedAt = now();
  let state = initialRecovery(startedAt, options.gpuRelaunches);
  let killedAt: number | null = null;
  let quitting = false;

  const load = (url: string) => {
    if (window.isDestroyed()) return;
    window.loadURL(url).catch((error: unknown) => log.warn('load-failed', { url, error }));
  };

  const kill = () => {
    if (contents.isDestroyed() || contents.isCrashed()) return;
    killedAt = now();
    contents.forcefullyCrashRenderer();
  };

  const relaunch = (gpuRelaunches: number) => {
    quitting = true;
    app.relaunch({ args: relaunchArgs(options.argv, gpuRelaunches) });
    app.exit(0);
  };

  const act = (action: RecoveryAction) => {
    switch (action.type) {
      case 'none':
        return;
      case 'reload':
        log.warn('renderer-reload', { cause: action.cause, newProcess: action.kill });
        if (action.kill) kill();
        load(RENDERER_URL);
        return;
      case 'safe-mode':
        log.error('safe-mode', { cause: action.cause, retryInSeconds: Math.round(policy.safeModeRetryMs / 1000) });
        if (action.kill) kill();
        load(SAFE_MODE_URL);
        return;
      case 'retry':
        log.info('safe-mode-retry');
        load(RENDERER_URL);
        return;
      case 'relaunch':
        log.error('relaunch', { cause: action.cause, gpuRelaunches: options.gpuRelaunches + 1 });
        relaunch(options.gpuRelaunches + 1);
        return;
    }
  };

  const feed = (event: RecoveryEvent) => {
    if (quitting) return;
    const step = recoveryStep(state, event, policy);
    state = step.state;
    act(step.action);
  };

  const onGone = (_event: Event, details: RenderProcessGoneDetails) => {
    if (quitting) return;
    if (details.reason === 'killed' && killedAt !== null && now() - killedAt < OWN_KILL_MS) {
      killedAt = null;
      return;
    }
    log.error('renderer-gone', { reason: details.reason, exitCode: details.exitCode });
    feed({ type: 'renderer-gone', at: now(), reason: details.reason });
  };
  const onUnresponsive = () => {
    log.warn('renderer-unresponsive');
    feed({ type: 'unresponsive', at: now() });
  };
  const onResponsive = () => {
    if (state.hungSince !== null) log.info('renderer-responsive');
    feed({ type: 'responsive', at: now() });
  };
  const onNavigate = (_event: Event, url: string) => {
    if (url.startsWith('app://renderer/') && !isSafeModeUrl(url)) feed({ type: 'renderer-loading', at: now() });
  };
  const onChildGone = (_event: Event, details: Details) => {
    if (details.type !== 'GPU') {
      log.warn('child-process-gone', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name });
      return;
    }
    if (details.reason === 'clean-exit') return;
    log.error('gpu-gone', { reason: details.reason, exitCode: details.exitCode });
    feed({ type: 'gpu-gone', at: now(), reason: details.reason });
  };
  const onQuit = () => {
    quitting = true;
  };

  contents.on('render-process-gone', onGone);
  contents.on('unresponsive', onUnresponsive);
  contents.on('responsive', onResponsive);
  contents.on('did-navigate', onNavigate);
  app.on('child-process-gone', onChildGone);
  app.on('before-quit', onQuit);

  const tick = setInterval(() => {
    if (quitting) return;
    feed({ type: 'tick', at: now() });
    if (!quitting && nightlyRestartDue({ setting: options.nightlyRestart, now: wallClock(), uptimeMs: now() - startedAt })) {
      log.info('nightly-restart', { at: options.nightlyRestart });
      relaunch(0);
    }
  }, options.tickMs ?? 1_000);

  const memory =
    policy.memoryCeilingMb === null
      ? undefined
      : setInterval(() => {
          if (quitting || state.mode !== 'renderer' || contents.isDestroyed()) return;
          const pid = contents.getOSProcessId();
          const metric = app.getAppMetrics().find((m) => m.pid === pid);
          if (!metric) return;
          const mb = Math.round(metric.memory.workingSetSize / 1024);
          if (policy.memoryCeilingMb !== null && mb > policy.memoryCeilingMb)
            log.warn('renderer-memory', { mb, ceilingMb: policy.memoryCeilingMb });
          feed({ type: 'memory', at: now(), mb });
        }, options.memoryCheckMs ?? 30_000);

  return {
    heartbeat: (beat) => feed({ type: 'heartbeat', at: now(), rendered: beat.rendered }),
    state: () => state,
    dispose: () => {
      clearInterval(tick);
      if (memory) clearInterval(memory);
      contents.removeListener('render-process-gone', onGone);
      contents.removeListener('unresponsive', onUnresponsive);
      contents.removeListener('responsive', onResponsive);
      contents.removeListener('did-navigate', onNavigate);
      app.removeListener('child-process-gone', onChildGone);
      app.removeListener('before-quit', onQuit);
    },
  };
}
