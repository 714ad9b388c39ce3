import { useEffect, useRef, useState } from 'react';

/** How long each corner is held. */
export const HOLD_MS = 3000;
/** How long after the first corner the second may start. */
const SECOND_WITHIN_MS = 8000;
const CORNER_PX = 140;
/** How long a corner is held before its progress ring shows: longer than any tap, so a visitor's tap shows nothing. */
export const RING_AFTER_MS = 500;

type Corner = 'top-left' | 'bottom-right';

/** A corner held long enough to show its ring: where the finger is, and when the hold began. */
export interface CornerHold {
  corner: Corner;
  x: number;
  y: number;
  /** Of HOLD_MS, how much is left when the ring shows. */
  remainingMs: number;
}

function cornerOf(x: number, y: number): Corner | null {
  if (x <= CORNER_PX && y <= CORNER_PX) return 'top-left';
  if (x >= window.innerWidth - CORNER_PX && y >= window.innerHeight - CORNER_PX) return 'bottom-right';
  return null;
}

/**
 * The hidden way into the admin screen: hold the top-left corner for three seconds, then the
 * bottom-right corner for three seconds. A visitor's ordinary taps never do both; no key does
 * anything. Returns the corner being held, once it has been held for longer than a tap, so the
 * one holding it can see a ring fill up under their finger.
 */
export function useAdminGesture(onOpen: () => void, enabled: boolean): CornerHold | null {
  const callback = useRef(onOpen);
  callback.current = onOpen;
  const [shown, setShown] = useState<CornerHold | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let stage: 'none' | 'first-done' = 'none';
    let firstDoneAt = 0;
    let hold: { id: number; corner: Corner; timer: ReturnType<typeof setTimeout>; ring: ReturnType<typeof setTimeout> } | null = null;
    const cancel = () => {
      if (hold) {
        clearTimeout(hold.timer);
        clearTimeout(hold.ring);
        setShown(null);
      }
      hold = null;
    };
    const down = (e: PointerEvent) => {
      const corner = cornerOf(e.clientX, e.clientY);
      cancel();
      if (!corner) return;
      const wanted: Corner = stage === 'first-done' && performance.now() - firstDoneAt < SECOND_WITHIN_MS ? 'bottom-right' : 'top-left';
      if (corner !== wanted) {
        stage = 'none';
        return;
      }
      const { clientX: x, clientY: y } = e;
      hold = {
        id: e.pointerId,
        corner,
        ring: setTimeout(() => setShown({ corner, x, y, remainingMs: HOLD_MS - RING_AFTER_MS }), RING_AFTER_MS),
        timer: setTimeout(() => {
          hold = null;
          setShown(null);
          if (corner === 'top-left') {
            stage = 'first-done';
            firstDoneAt = performance.now();
          } else {
            stage = 'none';
            callback.current();
          }
        }, HOLD_MS),
      };
    };
    const move = (e: PointerEvent) => {
      if (hold && e.pointerId === hold.id && cornerOf(e.clientX, e.clientY) !== hold.corner) cancel();
    };
    const up = (e: PointerEvent) => {
      if (hold && e.pointerId === hold.id) cancel();
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointermove', move, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    return () => {
      cancel();
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointermove', move, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
    };
  }, [enabled]);

  return enabled ? shown : null;
}
