import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref holding the value of the latest committed render: for listeners, timers, effects and
 * the frame loop, which read it when they run and must not be set up again each time it changes.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
