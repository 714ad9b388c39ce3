import { useThree } from '@react-three/fiber';
import { useEffect, useRef, type RefObject } from 'react';
import { MOUSE, TOUCH } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { useLatest } from './useLatest.ts';
import { clampPose, type ViewLimits } from './view-math.ts';

/** What the rest of the scene does when a finger moves the view. */
export interface GestureHandlers {
  /** The camera moved (already within the limits). */
  change(): void;
  /** A finger came down: the view is the visitor's now. */
  start(): void;
  /** The last finger lifted. */
  end(): void;
}

/**
 * Touch controls: one finger orbits, two pinch and pan; every change is clamped to the limits.
 * The controls live as long as the camera, in `controls`; the handlers are read when a gesture
 * happens. Returns whether a gesture is under way.
 */
export function useTouchControls(
  controls: RefObject<OrbitControls | null>,
  limits: ViewLimits,
  enabled: boolean,
  on: GestureHandlers,
): RefObject<boolean> {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const latestLimits = useLatest(limits);
  const handlers = useLatest(on);
  const interacting = useRef(false);

  useEffect(() => {
    const c = new OrbitControls(camera, gl.domElement);
    c.enableDamping = false;
    c.screenSpacePanning = true;
    c.rotateSpeed = 0.8;
    c.touches = { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN };
    c.mouseButtons = { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
    controls.current = c;
    const onChange = () => {
      if (clampPose({ position: camera.position, target: c.target }, latestLimits.current)) camera.lookAt(c.target);
      handlers.current.change();
    };
    const onStart = () => {
      interacting.current = true;
      handlers.current.start();
    };
    const onEnd = () => {
      interacting.current = false;
      handlers.current.end();
    };
    c.addEventListener('change', onChange);
    c.addEventListener('start', onStart);
    c.addEventListener('end', onEnd);
    return () => {
      c.removeEventListener('change', onChange);
      c.removeEventListener('start', onStart);
      c.removeEventListener('end', onEnd);
      c.dispose();
      controls.current = null;
    };
  }, [camera, gl, controls, latestLimits, handlers]);

  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    c.minDistance = limits.minDistance;
    c.maxDistance = limits.maxDistance;
    c.maxPolarAngle = limits.maxPolar;
    c.enabled = enabled;
  }, [controls, limits, enabled]);

  return interacting;
}
