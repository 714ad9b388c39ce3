import { useEffect, useMemo, useRef } from 'react';
import { PixelRatioGovernor } from './pixel-ratio.ts';
import { useLatest } from './useLatest.ts';

const REST_MS = 300;

/** What the view tells the governor: it moves, it holds still for a moment, it came to rest. */
export interface ViewMotion {
  /** A frame drawn while the view moves. */
  moving(now: number): void;
  /** The view stopped: `onRest` now, and again once it has been still for a moment (at full sharpness). */
  settle(): void;
  /** The view moves again: no rest is coming. */
  hold(): void;
}

/**
 * The pixel ratio while the view moves: coarser when frames are slow, sharp again once the view
 * has been still for 300 ms (see pixel-ratio.ts).
 */
export function usePixelRatioGovernor(maxPixelRatio: number, onPixelRatio: (ratio: number) => void, onRest: () => void): ViewMotion {
  const governor = useMemo(() => new PixelRatioGovernor(maxPixelRatio), [maxPixelRatio]);
  const handlers = useLatest({ onPixelRatio, onRest });
  const rest = useRef({ timer: 0 });

  const motion = useMemo(() => {
    const r = rest.current;
    return {
      moving: (now: number) => {
        const ratio = governor.frame(now);
        if (ratio !== null) handlers.current.onPixelRatio(ratio);
      },
      settle: () => {
        window.clearTimeout(r.timer);
        r.timer = window.setTimeout(() => {
          const ratio = governor.rest();
          if (ratio !== null) handlers.current.onPixelRatio(ratio);
          handlers.current.onRest();
        }, REST_MS);
        handlers.current.onRest();
      },
      hold: () => window.clearTimeout(r.timer),
    };
  }, [governor, handlers]);

  useEffect(() => {
    const r = rest.current;
    return () => window.clearTimeout(r.timer);
  }, []);

  return motion;
}
