import { useCallback, useEffect, useRef, useState } from 'react';
import { idleStep, initialIdle, nextDeadline, type IdleEvent, type IdleState, type IdleTimes } from '../../core/idle.ts';
import { MEDIA_ATTRIBUTE } from '../media/one-at-a-time.ts';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'touchstart', 'touchmove', 'wheel', 'keydown'] as const;
const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied'] as const;

/** What the screen shows of the machine; input that only moves `lastInput` leaves it alone. */
const sameView = (a: IdleState, b: IdleState) => a.phase === b.phase && a.warningAt === b.warningAt && a.mediaPlaying === b.mediaPlaying;

/**
 * The idle state machine driven by the page: every input anywhere is caught at the window
 * (capture phase, so no part of the page can hide a touch from it), media playing holds the
 * clock, and one timer waits for the next deadline. The clock is `performance.now()`.
 *
 * Input is the commonest event there is (every finger move of a swipe or an orbit), so it only
 * updates the machine held in a ref: React renders when what the screen shows changes (the
 * phase, the dialog, media), never per touch, so a touch never re-renders the app or redraws
 * the 3D scene. The timer, when it fires early because input moved the deadline, re-arms itself.
 * So the `state` returned is what the screen shows: its `lastInput` is not kept current.
 */
export function useIdle(times: IdleTimes | null): { state: IdleState; now: number; wake(): void } {
  const timesRef = useRef(times);
  timesRef.current = times;
  const machine = useRef<IdleState | null>(null);
  machine.current ??= initialIdle(performance.now());
  const [state, setState] = useState(machine.current);
  const [now, setNow] = useState(() => performance.now());

  /** Steps the machine; true when what the screen shows changed (and a render is coming). */
  const step = useCallback((event: IdleEvent): boolean => {
    const t = timesRef.current;
    const before = machine.current!;
    const after = t ? idleStep(before, event, t) : before;
    machine.current = after;
    if (sameView(before, after)) return false;
    setState(after);
    return true;
  }, []);

  useEffect(() => {
    const onInput = () => step({ type: 'input', at: performance.now() });
    const onMedia = () => {
      // A visitor's film or narration holds the clock; the attract loop's muted film does not.
      const playing = [...document.querySelectorAll<HTMLMediaElement>(`[${MEDIA_ATTRIBUTE}]`)].some((m) => !m.paused && !m.ended);
      step({ type: 'media', playing, at: performance.now() });
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    for (const name of MEDIA_EVENTS) document.addEventListener(name, onMedia, true);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      for (const name of MEDIA_EVENTS) document.removeEventListener(name, onMedia, true);
    };
  }, [step]);

  // A clock that was stopped (no times: the content is loading, or staff are at the admin side)
  // starts afresh when it runs again, as if someone had just touched the screen.
  const stopped = useRef(times === null);
  useEffect(() => {
    if (times === null) stopped.current = true;
    else if (stopped.current) {
      stopped.current = false;
      step({ type: 'wake', at: performance.now() });
    }
  }, [times, step]);

  useEffect(() => {
    if (!times) return;
    /** True when the screen changes; the clock is only kept for the dialog's countdown. */
    const tick = (countingDown: boolean) => {
      const at = performance.now();
      const changed = step({ type: 'tick', at });
      if (changed || countingDown) setNow(at);
      return changed;
    };
    if (state.phase === 'warning') {
      const interval = setInterval(() => tick(true), 250);
      return () => clearInterval(interval);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      const deadline = nextDeadline(machine.current!, times);
      if (deadline === null) return;
      timer = setTimeout(
        () => {
          if (!tick(false)) arm();
        },
        Math.max(0, deadline - performance.now()) + 5,
      );
    };
    arm();
    return () => clearTimeout(timer);
  }, [state, times, step]);

  const wake = useCallback(() => void step({ type: 'wake', at: performance.now() }), [step]);
  return { state, now, wake };
}
