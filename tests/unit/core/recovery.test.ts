import { describe, expect, it } from 'vitest';
import {
  gpuRelaunchesFrom,
  heartbeatMissing,
  initialRecovery,
  nextNightlyRestart,
  nightlyRestartDue,
  parseClockTime,
  recoveryPolicy,
  recoveryStep,
  relaunchArgs,
  softwareRenderingAfter,
  type RecoveryAction,
  type RecoveryEvent,
  type RecoveryState,
} from '../../../core/recovery.ts';

const policy = recoveryPolicy({ memoryCeilingMb: 1500 });

/** Runs events in order on a fake clock; returns the last state and every action but `none`. */
function run(events: RecoveryEvent[], start: RecoveryState = initialRecovery(0)): { state: RecoveryState; actions: RecoveryAction[] } {
  let state = start;
  const actions: RecoveryAction[] = [];
  for (const event of events) {
    const step = recoveryStep(state, event, policy);
    state = step.state;
    if (step.action.type !== 'none') actions.push(step.action);
  }
  return { state, actions };
}

const crash = (at: number): RecoveryEvent => ({ type: 'renderer-gone', at, reason: 'crashed' });
const beat = (at: number): RecoveryEvent => ({ type: 'heartbeat', at, rendered: true });

describe('reload limiter', () => {
  it('reloads a renderer that crashed', () => {
    expect(run([crash(1_000)]).actions).toEqual([{ type: 'reload', cause: 'crashed', kill: false }]);
  });

  it('reloads three times a minute, and shows the safe-mode page at the fourth crash', () => {
    const { state, actions } = run([crash(1_000), crash(10_000), crash(20_000), crash(30_000)]);
    expect(actions.map((a) => a.type)).toEqual(['reload', 'reload', 'reload', 'safe-mode']);
    expect(state.mode).toBe('safe-mode');
  });

  it('forgets reloads older than a minute: a crash now and then is always reloaded', () => {
    const crashes = Array.from({ length: 20 }, (_, i) => crash(i * 25_000));
    expect(run(crashes).actions.every((a) => a.type === 'reload')).toBe(true);
  });

  it('tries the renderer again two minutes after the safe-mode page appeared', () => {
    const inSafeMode = run([crash(0), crash(1), crash(2), crash(3)]).state;
    expect(run([{ type: 'tick', at: 3 + 119_999 }], inSafeMode).actions).toEqual([]);
    const { state, actions } = run([{ type: 'tick', at: 3 + 120_000 }], inSafeMode);
    expect(actions).toEqual([{ type: 'retry' }]);
    expect(state.mode).toBe('renderer');
    // A renderer that still crashes gets its three reloads again, then safe mode again.
    const again = run([crash(130_000), crash(130_001), crash(130_002), crash(130_003)], state);
    expect(again.actions.map((a) => a.type)).toEqual(['reload', 'reload', 'reload', 'safe-mode']);
  });

  it('leaves safe mode when the safe-mode page itself reloads the renderer (its meta refresh)', () => {
    const inSafeMode = run([crash(0), crash(1), crash(2), crash(3)]).state;
    const { state, actions } = run(
      [
        { type: 'renderer-loading', at: 120_000 },
        { type: 'tick', at: 120_500 },
      ],
      inSafeMode,
    );
    expect(actions).toEqual([]);
    expect(state.mode).toBe('renderer');
    expect(state.reloads).toEqual([]);
  });

  it('shows the safe-mode page again if its process ends, without counting it', () => {
    const inSafeMode = run([crash(0), crash(1), crash(2), crash(3)]).state;
    const { state, actions } = run([crash(5_000)], inSafeMode);
    expect(actions).toEqual([{ type: 'safe-mode', cause: 'crashed', kill: false }]);
    expect(state.safeModeAt).toBe(3);
  });
});

describe('hung renderer', () => {
  it('replaces a renderer that stays unresponsive for ten seconds, ending its process first', () => {
    const { actions } = run([beat(1_000), { type: 'unresponsive', at: 2_000 }, { type: 'tick', at: 11_999 }, { type: 'tick', at: 12_000 }]);
    expect(actions).toEqual([{ type: 'reload', cause: 'unresponsive', kill: true }]);
  });

  it('leaves a renderer alone that becomes responsive again in time', () => {
    const { actions } = run([
      beat(1_000),
      { type: 'unresponsive', at: 2_000 },
      { type: 'responsive', at: 8_000 },
      beat(9_000),
      { type: 'tick', at: 20_000 },
    ]);
    expect(actions).toEqual([]);
  });
});

describe('heartbeat monitor', () => {
  it('reloads a renderer whose heartbeat stops', () => {
    const { actions } = run([beat(5_000), beat(10_000), { type: 'tick', at: 39_999 }, { type: 'tick', at: 40_000 }]);
    expect(actions).toEqual([{ type: 'reload', cause: 'heartbeat', kill: true }]);
  });

  it('gives a freshly loaded renderer a minute for its first heartbeat', () => {
    expect(run([{ type: 'tick', at: 59_999 }]).actions).toEqual([]);
    expect(run([{ type: 'tick', at: 60_000 }]).actions).toEqual([{ type: 'reload', cause: 'heartbeat', kill: true }]);
    expect(heartbeatMissing({ mode: 'renderer', loadedAt: 0, lastHeartbeat: 50_000 }, 79_999, policy)).toBe(false);
    expect(heartbeatMissing({ mode: 'safe-mode', loadedAt: 0, lastHeartbeat: null }, 999_999, policy)).toBe(false);
  });

  it('does not count the heartbeat of a page whose screen is empty', () => {
    const beats = Array.from({ length: 12 }, (_, i): RecoveryEvent => ({ type: 'heartbeat', at: i * 5_000, rendered: false }));
    expect(run([...beats, { type: 'tick', at: 60_000 }]).actions).toEqual([{ type: 'reload', cause: 'heartbeat', kill: true }]);
  });

  it('expects no heartbeat from the safe-mode page', () => {
    const inSafeMode = run([crash(0), crash(1), crash(2), crash(3)]).state;
    expect(run([{ type: 'tick', at: 100_000 }], inSafeMode).actions).toEqual([]);
  });
});

describe('memory ceiling', () => {
  it('recycles a renderer over its ceiling, in a new process', () => {
    expect(run([{ type: 'memory', at: 1_000, mb: 1_400 }]).actions).toEqual([]);
    expect(run([{ type: 'memory', at: 1_000, mb: 1_600 }]).actions).toEqual([{ type: 'reload', cause: 'memory', kill: true }]);
  });

  it('has no ceiling unless one is set', () => {
    const step = recoveryStep(initialRecovery(0), { type: 'memory', at: 1, mb: 64_000 }, recoveryPolicy());
    expect(step.action).toEqual({ type: 'none' });
  });
});

describe('GPU process', () => {
  const gpu = (at: number): RecoveryEvent => ({ type: 'gpu-gone', at, reason: 'crashed' });

  it('counts GPU failures and relaunches at the third within ten minutes', () => {
    expect(run([gpu(0), gpu(60_000)]).actions).toEqual([]);
    const { state, actions } = run([gpu(0), gpu(60_000), gpu(120_000)]);
    expect(actions).toEqual([{ type: 'relaunch', cause: 'gpu' }]);
    expect(state.mode).toBe('relaunching');
    expect(run([crash(130_000), { type: 'tick', at: 999_999 }], state).actions).toEqual([]);
  });

  it('does not relaunch for failures far apart', () => {
    expect(run([gpu(0), gpu(400_000), gpu(800_000)]).actions).toEqual([]);
  });

  it('stops relaunching after three relaunches in a row, and draws in software after two', () => {
    expect(run([gpu(0), gpu(1), gpu(2)], initialRecovery(0, 3)).actions).toEqual([]);
    expect(softwareRenderingAfter(1)).toBe(false);
    expect(softwareRenderingAfter(2)).toBe(true);
  });

  it('carries the count of GPU relaunches on the command line, and drops it for other restarts', () => {
    const argv = ['/opt/kiosk/dongfanghong-kiosk', '.', '--kiosk-gpu-relaunches=1'];
    expect(gpuRelaunchesFrom(argv)).toBe(1);
    expect(gpuRelaunchesFrom(['x', '--kiosk-gpu-relaunches=nope'])).toBe(0);
    expect(relaunchArgs(argv, 2)).toEqual(['.', '--kiosk-gpu-relaunches=2']);
    expect(relaunchArgs(argv, 0)).toEqual(['.']);
  });
});

describe('nightly restart', () => {
  const at = (h: number, m: number) => new Date(2025, 5, 10, h, m, 0);
  const hours = (n: number) => n * 3_600_000;

  it('reads HH:MM times', () => {
    expect(parseClockTime('03:30')).toEqual({ hours: 3, minutes: 30 });
    for (const bad of ['3:30', '24:00', '12:60', '', 'noon']) expect(parseClockTime(bad)).toBeNull();
  });

  it('is due from the set time for half an hour, once the kiosk has run an hour', () => {
    expect(nightlyRestartDue({ setting: '03:00', now: at(2, 59), uptimeMs: hours(20) })).toBe(false);
    expect(nightlyRestartDue({ setting: '03:00', now: at(3, 0), uptimeMs: hours(20) })).toBe(true);
    expect(nightlyRestartDue({ setting: '03:00', now: at(3, 29), uptimeMs: hours(20) })).toBe(true);
    expect(nightlyRestartDue({ setting: '03:00', now: at(3, 30), uptimeMs: hours(20) })).toBe(false);
    expect(nightlyRestartDue({ setting: '03:00', now: at(3, 5), uptimeMs: hours(0.5) })).toBe(false);
    expect(nightlyRestartDue({ setting: '23:50', now: at(0, 10), uptimeMs: hours(20) })).toBe(true);
    expect(nightlyRestartDue({ setting: null, now: at(3, 0), uptimeMs: hours(20) })).toBe(false);
  });

  it('names the next restart time', () => {
    expect(nextNightlyRestart(at(2, 0), '03:00')).toEqual(at(3, 0));
    expect(nextNightlyRestart(at(3, 0), '03:00')).toEqual(new Date(2025, 5, 11, 3, 0, 0));
    expect(nextNightlyRestart(at(3, 0), 'never')).toBeNull();
  });
});
