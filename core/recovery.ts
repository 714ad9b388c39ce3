/**
 * How the kiosk comes back from failures, decided as pure functions so that every path can be
 * tested against a fake clock: a renderer that crashed, hung, stopped sending heartbeats or
 * grew past its memory ceiling is reloaded, at most a few times a minute; after that the
 * static safe-mode page is shown, and the renderer is tried again later. Repeated GPU-process
 * failures end in a relaunch of the whole app. An optional nightly restart clears whatever
 * days of uptime leave behind.
 *
 * The renderer's clock here is monotonic milliseconds (never the wall clock, which a museum
 * PC may have wrong); only the nightly restart reads the wall clock, and nothing a visitor
 * sees depends on it. The Electron host carries these decisions out (electron/recovery.ts).
 *
 * Runs in Node and in the browser (the renderer reads `HEARTBEAT_INTERVAL_MS`).
 */

/** How eagerly the kiosk recovers; `recoveryPolicy()` gives the defaults. */
export interface RecoveryPolicy {
  /** Reloads allowed within `reloadWindowMs` before the safe-mode page is shown instead. */
  maxReloads: number;
  reloadWindowMs: number;
  /** How long the safe-mode page stays before the renderer is tried again. */
  safeModeRetryMs: number;
  /** A running renderer that sends no heartbeat for this long is treated as unresponsive. */
  heartbeatTimeoutMs: number;
  /** How long a freshly loaded renderer has to send its first heartbeat (start-up, first content). */
  startupGraceMs: number;
  /** How long Electron's `unresponsive` may last before the renderer is replaced. */
  unresponsiveGraceMs: number;
  /** The renderer's working set above which it is recycled; null: no ceiling. */
  memoryCeilingMb: number | null;
  /** GPU-process failures within `gpuWindowMs` that make the app relaunch. */
  gpuRelaunchAfter: number;
  gpuWindowMs: number;
  /** Relaunches for the GPU in a row (carried on the command line) after which the kiosk stops relaunching. */
  maxGpuRelaunches: number;
}

/** How often the renderer sends its heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/** How long the safe-mode page waits before trying the renderer again, in seconds (also its meta refresh). */
export const SAFE_MODE_RETRY_SECONDS = 120;

/** The policy in force: the defaults, with the settings' memory ceiling. */
export function recoveryPolicy(settings: { memoryCeilingMb?: number | null } = {}): RecoveryPolicy {
  return {
    maxReloads: 3,
    reloadWindowMs: 60_000,
    safeModeRetryMs: SAFE_MODE_RETRY_SECONDS * 1000,
    heartbeatTimeoutMs: 6 * HEARTBEAT_INTERVAL_MS,
    startupGraceMs: 60_000,
    unresponsiveGraceMs: 10_000,
    memoryCeilingMb: settings.memoryCeilingMb ?? null,
    gpuRelaunchAfter: 3,
    gpuWindowMs: 10 * 60_000,
    maxGpuRelaunches: 3,
  };
}

/** What the window shows: the kiosk's renderer, the safe-mode page, or nothing while the app relaunches. */
export type RecoveryMode = 'renderer' | 'safe-mode' | 'relaunching';

/** Why the renderer was replaced. */
export type RecoveryCause = 'crashed' | 'unresponsive' | 'heartbeat' | 'memory';

/** Where recovery stands: what is on screen, recent reloads and GPU failures, the renderer's signs of life. */
export interface RecoveryState {
  mode: RecoveryMode;
  /** When the recent reloads happened (monotonic ms), oldest first. */
  reloads: readonly number[];
  /** When the renderer last started loading. */
  loadedAt: number;
  /** When the last heartbeat arrived since that load; null: none yet. */
  lastHeartbeat: number | null;
  /** Since when Electron reports the renderer unresponsive; null: it is responsive. */
  hungSince: number | null;
  /** When the safe-mode page was shown. */
  safeModeAt: number | null;
  /** When the recent GPU-process failures happened. */
  gpuCrashes: readonly number[];
  /** Relaunches for the GPU in a row before this start (from the command line). */
  gpuRelaunches: number;
}

/** What the host observed, stamped with the monotonic time it happened. */
export type RecoveryEvent =
  /** The renderer process ended (`render-process-gone`). */
  | { type: 'renderer-gone'; at: number; reason: string }
  | { type: 'unresponsive'; at: number }
  | { type: 'responsive'; at: number }
  /** A heartbeat; `rendered` is false when the page runs but its screen is empty. */
  | { type: 'heartbeat'; at: number; rendered: boolean }
  /** The renderer's working set, measured. */
  | { type: 'memory'; at: number; mb: number }
  /** The GPU process ended abnormally (`child-process-gone` of type GPU). */
  | { type: 'gpu-gone'; at: number; reason: string }
  /** The renderer's page (not the safe-mode page) started loading, whoever asked for it. */
  | { type: 'renderer-loading'; at: number }
  | { type: 'tick'; at: number };

/** What the host must do now. */
export type RecoveryAction =
  | { type: 'none' }
  /** Load the renderer again; `kill`: end its process first, for one that is hung or bloated. */
  | { type: 'reload'; cause: RecoveryCause; kill: boolean }
  /** Show the safe-mode page; `kill` as for a reload. */
  | { type: 'safe-mode'; cause: RecoveryCause; kill: boolean }
  /** Leave the safe-mode page: load the renderer again. */
  | { type: 'retry' }
  /** Relaunch the whole app (the last step for a GPU that keeps failing). */
  | { type: 'relaunch'; cause: 'gpu' };

/** The next state and the action to carry out. */
export interface RecoveryStep {
  state: RecoveryState;
  action: RecoveryAction;
}

const NONE: RecoveryAction = { type: 'none' };

/** The state of a kiosk whose renderer starts loading at `at`. */
export function initialRecovery(at: number, gpuRelaunches = 0): RecoveryState {
  return {
    mode: 'renderer',
    reloads: [],
    loadedAt: at,
    lastHeartbeat: null,
    hungSince: null,
    safeModeAt: null,
    gpuCrashes: [],
    gpuRelaunches,
  };
}

function fresh(state: RecoveryState, at: number): RecoveryState {
  return { ...state, loadedAt: at, lastHeartbeat: null, hungSince: null };
}

/** A renderer that must be replaced: reload it if the limiter allows, else the safe-mode page. */
function replace(state: RecoveryState, at: number, cause: RecoveryCause, kill: boolean, policy: RecoveryPolicy): RecoveryStep {
  const recent = state.reloads.filter((t) => at - t < policy.reloadWindowMs);
  if (recent.length >= policy.maxReloads) {
    return {
      state: { ...fresh(state, at), mode: 'safe-mode', reloads: recent, safeModeAt: at },
      action: { type: 'safe-mode', cause, kill },
    };
  }
  return { state: { ...fresh(state, at), reloads: [...recent, at] }, action: { type: 'reload', cause, kill } };
}

/** The next state and what to do now. */
export function recoveryStep(state: RecoveryState, event: RecoveryEvent, policy: RecoveryPolicy): RecoveryStep {
  if (state.mode === 'relaunching') return { state, action: NONE };
  const at = event.at;
  switch (event.type) {
    case 'renderer-gone':
      // The safe-mode page is static: if even its process ends, show it again, without counting.
      if (state.mode === 'safe-mode')
        return { state: { ...state, safeModeAt: state.safeModeAt ?? at }, action: { type: 'safe-mode', cause: 'crashed', kill: false } };
      return replace(state, at, 'crashed', false, policy);
    case 'unresponsive':
      if (state.mode !== 'renderer' || state.hungSince !== null) return { state, action: NONE };
      return { state: { ...state, hungSince: at }, action: NONE };
    case 'responsive':
      return state.hungSince === null ? { state, action: NONE } : { state: { ...state, hungSince: null }, action: NONE };
    case 'heartbeat':
      if (state.mode !== 'renderer' || !event.rendered) return { state, action: NONE };
      return { state: { ...state, lastHeartbeat: at }, action: NONE };
    case 'memory':
      if (state.mode !== 'renderer' || policy.memoryCeilingMb === null || event.mb <= policy.memoryCeilingMb)
        return { state, action: NONE };
      return replace(state, at, 'memory', true, policy);
    case 'gpu-gone': {
      const crashes = [...state.gpuCrashes.filter((t) => at - t < policy.gpuWindowMs), at];
      if (crashes.length >= policy.gpuRelaunchAfter && state.gpuRelaunches < policy.maxGpuRelaunches)
        return { state: { ...state, gpuCrashes: crashes, mode: 'relaunching' }, action: { type: 'relaunch', cause: 'gpu' } };
      return { state: { ...state, gpuCrashes: crashes }, action: NONE };
    }
    case 'renderer-loading':
      return {
        state: { ...fresh(state, at), mode: 'renderer', safeModeAt: null, reloads: state.mode === 'safe-mode' ? [] : state.reloads },
        action: NONE,
      };
    case 'tick': {
      if (state.mode === 'safe-mode') {
        if (state.safeModeAt !== null && at - state.safeModeAt >= policy.safeModeRetryMs)
          return { state: { ...fresh(state, at), mode: 'renderer', safeModeAt: null, reloads: [] }, action: { type: 'retry' } };
        return { state, action: NONE };
      }
      if (state.hungSince !== null && at - state.hungSince >= policy.unresponsiveGraceMs)
        return replace(state, at, 'unresponsive', true, policy);
      if (heartbeatMissing(state, at, policy)) return replace(state, at, 'heartbeat', true, policy);
      return { state, action: NONE };
    }
  }
}

/**
 * True when a running renderer's heartbeat is overdue: none for `heartbeatTimeoutMs` since
 * the last one, or none at all within `startupGraceMs` of loading.
 */
export function heartbeatMissing(
  state: Pick<RecoveryState, 'mode' | 'loadedAt' | 'lastHeartbeat'>,
  at: number,
  policy: Pick<RecoveryPolicy, 'heartbeatTimeoutMs' | 'startupGraceMs'>,
): boolean {
  if (state.mode !== 'renderer') return false;
  const due = state.lastHeartbeat === null ? state.loadedAt + policy.startupGraceMs : state.lastHeartbeat + policy.heartbeatTimeoutMs;
  return at >= due;
}

/** The command-line switch that counts GPU relaunches in a row. */
export const GPU_RELAUNCH_SWITCH = '--kiosk-gpu-relaunches';

/** GPU relaunches in a row so far, read from the command line. */
export function gpuRelaunchesFrom(argv: readonly string[]): number {
  const prefix = `${GPU_RELAUNCH_SWITCH}=`;
  const arg = argv.find((a) => a.startsWith(prefix));
  const n = arg ? Number(arg.slice(prefix.length)) : 0;
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The arguments for a relaunch (without the executable): the same, with the GPU count set (0: dropped). */
export function relaunchArgs(argv: readonly string[], gpuRelaunches: number): string[] {
  const args = argv.slice(1).filter((a) => !a.startsWith(`${GPU_RELAUNCH_SWITCH}=`));
  return gpuRelaunches > 0 ? [...args, `${GPU_RELAUNCH_SWITCH}=${gpuRelaunches}`] : args;
}

/**
 * True when the GPU has failed so often that the kiosk should draw in software from the start:
 * the 3D view then runs slower, but it runs.
 */
export function softwareRenderingAfter(gpuRelaunches: number): boolean {
  return gpuRelaunches >= 2;
}

/** A clock time `HH:MM` (24 h), or null when `value` is not one. */
export function parseClockTime(value: string): { hours: number; minutes: number } | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? { hours: Number(match[1]), minutes: Number(match[2]) } : null;
}

/** The first local `HH:MM` strictly after `after`. */
export function nextNightlyRestart(after: Date, hhmm: string): Date | null {
  const time = parseClockTime(hhmm);
  if (!time) return null;
  const next = new Date(after.getTime());
  next.setHours(time.hours, time.minutes, 0, 0);
  if (next.getTime() <= after.getTime()) {
    next.setDate(next.getDate() + 1);
    next.setHours(time.hours, time.minutes, 0, 0);
  }
  return next;
}

/** How long after the set time a nightly restart may still happen (a kiosk busy or off at that minute). */
export const NIGHTLY_WINDOW_MINUTES = 30;

/**
 * The minimum uptime before a nightly restart: longer than the window, so that the restarted
 * kiosk does not restart again, and a kiosk switched on shortly before the time is left alone.
 */
export const NIGHTLY_MIN_UPTIME_MS = 60 * 60_000;

/**
 * True when the nightly restart is due: the wall clock reads within `NIGHTLY_WINDOW_MINUTES`
 * after `setting`, and the app has run at least `NIGHTLY_MIN_UPTIME_MS` (monotonic). Only the
 * time of day counts, so a clock corrected after boot cannot restart the kiosk at noon.
 */
export function nightlyRestartDue(options: { setting: string | null; now: Date; uptimeMs: number }): boolean {
  if (options.setting === null || options.uptimeMs < NIGHTLY_MIN_UPTIME_MS) return false;
  const time = parseClockTime(options.setting);
  if (!time) return false;
  const minutesNow = options.now.getHours() * 60 + options.now.getMinutes();
  const since = (minutesNow - (time.hours * 60 + time.minutes) + 1440) % 1440;
  return since < NIGHTLY_WINDOW_MINUTES;
}
