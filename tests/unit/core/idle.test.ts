import { describe, expect, it } from 'vitest';
import { idleStep, idleTimes, initialIdle, nextDeadline, secondsLeft, type IdleEvent, type IdleState } from '../../../core/idle.ts';

const times = { idleMs: 90_000, countdownMs: 15_000 };

/** A fake clock: runs events in order and returns each state. */
function run(events: IdleEvent[], start = initialIdle(0)): IdleState[] {
  const states: IdleState[] = [];
  let state = start;
  for (const event of events) {
    state = idleStep(state, event, times);
    states.push(state);
  }
  return states;
}

describe('idle state machine (fake clock)', () => {
  it('stays in use until the idle time passes, then warns, then attracts after the countdown', () => {
    const phases = run([
      { type: 'tick', at: 89_999 },
      { type: 'tick', at: 90_000 },
      { type: 'tick', at: 104_999 },
      { type: 'tick', at: 105_000 },
    ]).map((s) => s.phase);
    expect(phases).toEqual(['active', 'warning', 'warning', 'attract']);
  });

  it('a visitor who keeps touching is never interrupted', () => {
    const events: IdleEvent[] = [];
    for (let t = 0; t < 3_600_000; t += 60_000) events.push({ type: 'input', at: t }, { type: 'tick', at: t + 59_999 });
    expect(run(events).every((s) => s.phase === 'active')).toBe(true);
  });

  it('any input during the countdown continues the session', () => {
    const [, warned, back] = run([
      { type: 'tick', at: 90_000 },
      { type: 'tick', at: 95_000 },
      { type: 'input', at: 96_000 },
    ]);
    expect(warned!.phase).toBe('warning');
    expect(back!.phase).toBe('active');
    expect(idleStep(back!, { type: 'tick', at: 96_000 + 89_999 }, times).phase).toBe('active');
  });

  it('pauses while audio or video plays, and counts again from when it stops', () => {
    const states = run([
      { type: 'media', playing: true, at: 10_000 },
      { type: 'tick', at: 500_000 },
      { type: 'media', playing: false, at: 600_000 },
      { type: 'tick', at: 689_999 },
      { type: 'tick', at: 690_000 },
    ]);
    expect(states.map((s) => s.phase)).toEqual(['active', 'active', 'active', 'active', 'warning']);
    expect(nextDeadline(states[0]!, times)).toBeNull();
  });

  it('input does not leave the attract loop; only a wake (a tap on it) does', () => {
    const attract: IdleState = { phase: 'attract', lastInput: 0, warningAt: null, mediaPlaying: false };
    expect(idleStep(attract, { type: 'input', at: 1 }, times)).toBe(attract);
    expect(idleStep(attract, { type: 'tick', at: 1e9 }, times)).toBe(attract);
    expect(idleStep(attract, { type: 'wake', at: 5 }, times)).toEqual(initialIdle(5));
  });

  it('schedules one timer at the next deadline and counts down whole seconds', () => {
    const s = initialIdle(1000);
    expect(nextDeadline(s, times)).toBe(91_000);
    const warning = idleStep(s, { type: 'tick', at: 91_000 }, times);
    expect(nextDeadline(warning, times)).toBe(106_000);
    expect(secondsLeft(warning, times, 91_000)).toBe(15);
    expect(secondsLeft(warning, times, 104_100)).toBe(2);
  });

  it('takes the host overrides over the package times', () => {
    expect(idleTimes({ timeout: 90, countdown: 15 }, { idleSeconds: null, countdownSeconds: null })).toEqual({
      idleMs: 90_000,
      countdownMs: 15_000,
    });
    expect(idleTimes({ timeout: 90, countdown: 15 }, { idleSeconds: 3, countdownSeconds: 2 })).toEqual({ idleMs: 3000, countdownMs: 2000 });
  });
});
