import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { idleStep, initialIdle, nextDeadline, type IdleEvent, type IdleState, type IdleTimes } from '../../core/idle.ts';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'touchstart', 'touchmove', 'wheel', 'keydown'] as const;
const MEDIA_EVENTS = ['play', 'playing', 'pause', 'ended', 'emptied'] as const;

/**
 * The idle state machine driven by the page: every input anywhere is caught at the window
 * (capture phase, so no part of the page can hide a touch from it), media playing holds the
 * clock, and one timer waits for the next deadline. The clock is `performance.now()`.
 */
export function useIdle(times: IdleTimes | null): { state: IdleState; now: number; wake(): void } {
  const timesRef = useRef(times);
  timesRef.current = times;
  const [state, dispatch] = useReducer(
    (s: IdleState, e: IdleEvent) => (timesRef.current ? idleStep(s, e, timesRef.current) : s),
    undefined,
    () => initialIdle(performance.now()),
  );
  const [now, setNow] = useState(() => performance.now());

  useEffect(() => {
    const onInput = () => dispatch({ type: 'input', at: performance.now() });
    const onMedia = () => {
      const playing = [...document.querySelectorAll<HTMLMediaElement>('audio, video')].some((m) => !m.paused && !m.ended);
      dispatch({ type: 'media', playing, at: performance.now() });
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    for (const name of MEDIA_EVENTS) document.addEventListener(name, onMedia, true);
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      for (const name of MEDIA_EVENTS) document.removeEventListener(name, onMedia, true);
    };
  }, []);

  useEffect(() => {
    if (!times) return;
    const deadline = nextDeadline(state, times);
    if (deadline === null) return;
    const tick = () => {
      const at = performance.now();
      setNow(at);
      dispatch({ type: 'tick', at });
    };
    if (state.phase === 'warning') {
      const interval = setInterval(tick, 250);
      return () => clearInterval(interval);
    }
    const timer = setTimeout(tick, Math.max(0, deadline - performance.now()) + 5);
    return () => clearTimeout(timer);
  }, [state, times]);

  const wake = useCallback(() => dispatch({ type: 'wake', at: performance.now() }), []);
  return { state, now, wake };
}
