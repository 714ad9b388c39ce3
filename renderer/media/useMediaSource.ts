import { useEffect, useRef, type RefObject } from 'react';
import { release } from './one-at-a-time.ts';

/**
 * Gives a film or a recording its source, and lets go of it (its decoder, its buffered bytes)
 * when the source changes or the element leaves the screen. The source is set here rather than
 * as an attribute, so that a cleanup followed by a second setup (React's StrictMode runs both)
 * leaves the element able to play. `started` runs after the source is set (to play it),
 * `releasing` just before it is let go (to note whether it was playing).
 */
export function useMediaSource(
  element: RefObject<HTMLMediaElement | null>,
  src: string | undefined,
  started?: (el: HTMLMediaElement) => void,
  releasing?: (el: HTMLMediaElement) => void,
): void {
  const hooks = useRef({ started, releasing });
  hooks.current = { started, releasing };
  useEffect(() => {
    const el = element.current;
    if (!el || !src) return;
    el.src = src;
    hooks.current.started?.(el);
    return () => {
      hooks.current.releasing?.(el);
      release(el);
    };
  }, [element, src]);
}
