/**
 * When the kiosk goes idle: a pure state machine over a monotonic clock (never the wall
 * clock). In use → after the idle time, "Are you still there?" with a countdown → after the
 * countdown, the attract loop. Any input continues; media playing holds the clock.
 *
 * Runs in Node and in the browser.
 */

export type IdlePhase = 'active' | 'warning' | 'attract';

/** How long the kiosk waits before it asks whether anyone is there, and how long it asks before the attract loop. */
export interface IdleTimes {
  /** Milliseconds without input before the dialog. */
  idleMs: number;
  /** Milliseconds the dialog counts down before the attract loop. */
  countdownMs: number;
}

/** Where the idle rule stands: what is on screen and the moments it counts from. */
export interface IdleState {
  phase: IdlePhase;
  /** When the visitor last did anything (monotonic ms). */
  lastInput: number;
  /** When the dialog appeared. */
  warningAt: number | null;
  /** Audio or video is playing: the visitor is listening, not gone. */
  mediaPlaying: boolean;
}

/** What the idle rule hears: a touch, the clock, media starting or stopping, a tap on the attract loop. */
export type IdleEvent =
  | { type: 'input'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'media'; playing: boolean; at: number }
  /** A tap on the attract loop: a new visitor. */
  | { type: 'wake'; at: number };

/** The state of a kiosk that has just started: in use, so nobody is greeted by a dialog. */
export function initialIdle(at: number): IdleState {
  return { phase: 'active', lastInput: at, warningAt: null, mediaPlaying: false };
}

/** The next state; returns the same object when nothing changes (cheap for React). */
export function idleStep(state: IdleState, event: IdleEvent, times: IdleTimes): IdleState {
  switch (event.type) {
    case 'input':
      if (state.phase === 'attract') return state;
      if (state.phase === 'warning') return { ...state, phase: 'active', lastInput: event.at, warningAt: null };
      return event.at === state.lastInput ? state : { ...state, lastInput: event.at };
    case 'wake':
      return { phase: 'active', lastInput: event.at, warningAt: null, mediaPlaying: false };
    case 'media':
      if (state.mediaPlaying === event.playing) return state;
      return {
        ...state,
        mediaPlaying: event.playing,
        lastInput: event.at,
        ...(state.phase === 'warning' && event.playing ? { phase: 'active', warningAt: null } : {}),
      };
    case 'tick': {
      if (state.mediaPlaying || state.phase === 'attract') return state;
      if (state.phase === 'active' && event.at - state.lastInput >= times.idleMs)
        return { ...state, phase: 'warning', warningAt: event.at };
      if (state.phase === 'warning' && state.warningAt !== null && event.at - state.warningAt >= times.countdownMs)
        return { ...state, phase: 'attract', warningAt: null };
      return state;
    }
  }
}

/** When the next tick can change anything (monotonic ms), or null when only input can. */
export function nextDeadline(state: IdleState, times: IdleTimes): number | null {
  if (state.mediaPlaying || state.phase === 'attract') return null;
  if (state.phase === 'active') return state.lastInput + times.idleMs;
  return (state.warningAt ?? state.lastInput) + times.countdownMs;
}

/** Whole seconds left on the dialog's countdown, for display. */
export function secondsLeft(state: IdleState, times: IdleTimes, at: number): number {
  if (state.phase !== 'warning' || state.warningAt === null) return Math.ceil(times.countdownMs / 1000);
  return Math.max(0, Math.ceil((state.warningAt + times.countdownMs - at) / 1000));
}

/** The idle times in force: the host's overrides (seconds) over the package's. */
export function idleTimes(
  pkg: { timeout: number; countdown: number },
  overrides: { idleSeconds: number | null; countdownSeconds: number | null },
): IdleTimes {
  return { idleMs: (overrides.idleSeconds ?? pkg.timeout) * 1000, countdownMs: (overrides.countdownSeconds ?? pkg.countdown) * 1000 };
}
