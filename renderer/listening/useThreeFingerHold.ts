import { useEffect, useRef } from 'react';

/** How long three fingers must rest on the screen. */
export const HOLD_MS = 900;
/** How far a finger may wander while it holds, in CSS pixels. */
const SLOP = 40;

/** Calls `onHold` when three or more fingers rest anywhere on the screen for {@link HOLD_MS}. */
export function useThreeFingerHold(onHold: () => void): void {
  const latest = useRef(onHold);
  latest.current = onHold;
  useEffect(() => {
    let timer: number | undefined;
    let start: { x: number; y: number }[] = [];
    const cancel = () => {
      window.clearTimeout(timer);
      timer = undefined;
    };
    const onStart = (event: TouchEvent) => {
      if (event.touches.length < 3) return cancel();
      if (timer !== undefined) return;
      start = [...event.touches].map((touch) => ({ x: touch.clientX, y: touch.clientY }));
      timer = window.setTimeout(() => {
        timer = undefined;
        latest.current();
      }, HOLD_MS);
    };
    const onMove = (event: TouchEvent) => {
      if (timer === undefined) return;
      const moved = [...event.touches].some((touch, i) => {
        const from = start[i];
        return from !== undefined && Math.hypot(touch.clientX - from.x, touch.clientY - from.y) > SLOP;
      });
      if (moved) cancel();
    };
    const onEnd = (event: TouchEvent) => {
      if (event.touches.length < 3) cancel();
    };
    window.addEventListener('touchstart', onStart, { passive: true, capture: true });
    window.addEventListener('touchmove', onMove, { passive: true, capture: true });
    window.addEventListener('touchend', onEnd, { passive: true, capture: true });
    window.addEventListener('touchcancel', onEnd, { passive: true, capture: true });
    return () => {
      cancel();
      window.removeEventListener('touchstart', onStart, true);
      window.removeEventListener('touchmove', onMove, true);
      window.removeEventListener('touchend', onEnd, true);
      window.removeEventListener('touchcancel', onEnd, true);
    };
  }, []);
}
