import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { PerspectiveCamera } from 'three';
import { usableBand, type Band } from './scene-view.ts';
import { useLatest } from './useLatest.ts';
import { easeInOutCubic, fieldOfView } from './view-math.ts';

const SHIFT_MS = 450;

interface ShiftOptions {
  band: Band | null;
  reducedMotion: boolean;
  /** Whether a finger holds the view (a framed pose is not framed again under it). */
  interacting: RefObject<boolean>;
  /** The projection moved: the markers need placing. */
  onShift(): void;
  /** Frames a tour stop or the opening view again for the new clear area. */
  reframe(instant: boolean): void;
}

/**
 * The view's centre sits in the middle of the clear area (between the title and the controls,
 * or a card across the screen, and left of a card beside the model): the projection's centre
 * moves there, easing when a card opens, so flights and markers agree with what is drawn. A
 * tour stop or the opening view is framed again for the new area. Returns the frame loop's step.
 */
export function useViewShift({ band, reducedMotion, interacting, onShift, reframe }: ShiftOptions): (now: number) => void {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const latestSize = useLatest(size);
  const latest = useLatest({ reducedMotion, onShift });
  const shift = useRef({ current: 0, from: 0, to: 0, currentX: 0, fromX: 0, toX: 0, start: 0, width: 0, height: 0 });

  const apply = useCallback(
    (x: number, y: number) => {
      const { width, height } = latestSize.current;
      if (Math.abs(x) >= 0.5 || Math.abs(y) >= 0.5) camera.setViewOffset(width, height, x, y, width, height);
      else camera.clearViewOffset();
      camera.updateProjectionMatrix();
      latest.current.onShift();
    },
    [camera, latest, latestSize],
  );

  useEffect(() => {
    const s = shift.current;
    camera.fov = fieldOfView(size.width / size.height);
    camera.aspect = size.width / size.height;
    const usable = usableBand(band, size.width, size.height);
    const to = usable ? size.height / 2 - (band.top + band.bottom) / 2 : 0;
    const toX = usable ? size.width / 2 - (band.left + band.right) / 2 : 0;
    const resized = s.width !== size.width || s.height !== size.height;
    s.from = s.current;
    s.to = to;
    s.fromX = s.currentX;
    s.toX = toX;
    s.start = performance.now();
    s.width = size.width;
    s.height = size.height;
    if (resized || latest.current.reducedMotion) {
      s.current = to;
      s.currentX = toX;
    }
    apply(s.currentX, s.current);
    if (!interacting.current) reframe(resized);
    invalidate();
  }, [camera, size, band, invalidate, apply, interacting, reframe, latest]);

  return useCallback(
    (now: number) => {
      const s = shift.current;
      if (s.current === s.to && s.currentX === s.toX) return;
      const t = Math.min(1, (now - s.start) / SHIFT_MS);
      const eased = easeInOutCubic(t);
      s.current = t < 1 ? s.from + (s.to - s.from) * eased : s.to;
      s.currentX = t < 1 ? s.fromX + (s.toX - s.fromX) * eased : s.toX;
      apply(s.currentX, s.current);
      if (t < 1) invalidate();
    },
    [apply, invalidate],
  );
}
