import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useLatest } from './useLatest.ts';
import { isDoubleTap, type Tap } from './view-math.ts';

const TAP_SLOP = 12;
const TAP_MS = 350;

/**
 * A double tap anywhere on the view (one finger, short, still, twice close together) while
 * `enabled`. Events are only listened to, never stopped: the touch controls see them too.
 */
export function useDoubleTap(enabled: boolean, onDoubleTap: () => void): void {
  const gl = useThree((s) => s.gl);
  const latest = useLatest({ enabled, onDoubleTap });

  useEffect(() => {
    const canvas = gl.domElement;
    const down = new Map<number, { x: number; y: number; at: number; moved: boolean }>();
    let multi = false;
    let lastTap: Tap | null = null;
    const onDown = (e: PointerEvent) => {
      down.set(e.pointerId, { x: e.clientX, y: e.clientY, at: e.timeStamp, moved: false });
      if (down.size > 1) multi = true;
    };
    const onMove = (e: PointerEvent) => {
      const d = down.get(e.pointerId);
      if (d && Math.hypot(e.clientX - d.x, e.clientY - d.y) > TAP_SLOP) d.moved = true;
    };
    const onUp = (e: PointerEvent) => {
      const d = down.get(e.pointerId);
      down.delete(e.pointerId);
      if (!d) return;
      const wasMulti = multi;
      if (down.size === 0) multi = false;
      if (wasMulti || d.moved || e.timeStamp - d.at > TAP_MS || !latest.current.enabled) {
        lastTap = null;
        return;
      }
      const tap = { at: e.timeStamp, x: e.clientX, y: e.clientY };
      if (isDoubleTap(lastTap, tap)) {
        lastTap = null;
        latest.current.onDoubleTap();
      } else {
        lastTap = tap;
      }
    };
    const onCancel = (e: PointerEvent) => {
      down.delete(e.pointerId);
      if (down.size === 0) multi = false;
    };
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onCancel);
    return () => {
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onCancel);
    };
  }, [gl, latest]);
}
