import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { Vector3 } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

/** The attract loop's turntable: about 7° a second, drawn 20 times a second. */
const TURN_RADIANS_PER_SECOND = 0.12;
const TURN_FRAME_MS = 50;
const Y_AXIS = new Vector3(0, 1, 0);

/**
 * The attract loop's turntable: it draws at a reduced, steady rate while it turns and is seen;
 * nothing else draws unasked. Returns the frame loop's step, which turns the camera about the
 * target by the time since the last turn.
 */
export function useTurntable(controls: RefObject<OrbitControls | null>, turning: boolean): (now: number) => void {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const last = useRef(-Infinity);
  const offset = useMemo(() => new Vector3(), []);

  useEffect(() => {
    if (!turning) return;
    const timer = window.setInterval(() => invalidate(), TURN_FRAME_MS);
    return () => window.clearInterval(timer);
  }, [turning, invalidate]);

  return useCallback(
    (now: number) => {
      const c = controls.current;
      if (!c) return;
      // Measured from the last turntable frame, so a slow machine turns at the same speed in fewer frames.
      const turnDelta = now - last.current < 500 ? (now - last.current) / 1000 : TURN_FRAME_MS / 1000;
      last.current = now;
      offset.subVectors(camera.position, c.target).applyAxisAngle(Y_AXIS, turnDelta * TURN_RADIANS_PER_SECOND);
      camera.position.copy(c.target).add(offset);
      c.update();
    },
    [camera, controls, offset],
  );
}
