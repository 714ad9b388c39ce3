import { useThree } from '@react-three/fiber';
import { useMemo, useRef, type RefObject } from 'react';
import { Vector3, type PerspectiveCamera } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { HotspotAnchor } from './anchors.ts';
import type { LoadedModel } from './load-model.ts';
import { toPose, usableBand, type Band, type CameraPose, type ViewController } from './scene-view.ts';
import { useLatest } from './useLatest.ts';
import type { ViewMotion } from './usePixelRatioGovernor.ts';
import { clampPose, easeInOutCubic, fitPose, interpolatePose, poseForPart, type Lens, type Pose, type ViewLimits } from './view-math.ts';

/** 800 ms at most, as the kiosk's motion rules ask. */
const FLIGHT_MS = 700;

/** The camera's flights: what the controller asks, the opening view, and their steps in the frame loop. */
export interface CameraFlights extends Omit<ViewController, 'refresh'> {
  /** Jumps to the package's opening view (a new model, or a new package camera). */
  open(pose: CameraPose): void;
  /** A finger took the view: no flight, and no pose to frame again. */
  cancel(): void;
  /** The clear area changed: a tour stop or the opening view is framed again for it (at once after a resize). */
  reframe(instant: boolean): void;
  flying(): boolean;
  /** Moves the camera along the flight under way, if any; false when there is none. */
  step(now: number): boolean;
}

interface FlightOptions {
  controls: RefObject<OrbitControls | null>;
  limits: ViewLimits;
  /** The package's opening view, where `home` goes. */
  home: CameraPose;
  model: LoadedModel | null;
  anchors: HotspotAnchor[];
  band: Band | null;
  reducedMotion: boolean;
  motion: ViewMotion;
  /** The camera moved: the markers need placing. */
  onMove(): void;
}

/**
 * Camera flights of 700 ms (a jump with reduced motion) to a pose kept within the view limits:
 * tour stops and the opening view moved back until the whole model stands in the clear area,
 * a part looked at from where the camera is.
 */
export function useCameraFlights({
  controls,
  limits,
  home,
  model,
  anchors,
  band,
  reducedMotion,
  motion,
  onMove,
}: FlightOptions): CameraFlights {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const latestSize = useLatest(size);
  const latestLimits = useLatest(limits);
  const latest = useLatest({ home, model, anchors, band, reducedMotion, onMove });
  const state = useRef({
    flight: null as null | { from: Pose; to: Pose; start: number },
    /** The pose a tour stop or the opening view asked for: framed again whenever the clear area changes, until a gesture. */
    framed: null as CameraPose | null,
  });

  return useMemo(() => {
    const s = state.current;
    const scratch: Pose = { position: new Vector3(), target: new Vector3() };

    /** The lens as the view is now: its clear area between the title and the panels, or all of it. */
    const lens = (): Lens => {
      const { width, height } = latestSize.current;
      const band = latest.current.band;
      const clear = usableBand(band, width, height)
        ? { left: band.left, top: band.top, right: band.right, bottom: band.bottom }
        : { left: 0, top: 0, right: width, bottom: height };
      return { fov: camera.fov, height, clear, margin: 16 };
    };
    /** A pose moved back (as little as it can) so the whole model stands in the clear area. */
    const framedPose = (pose: CameraPose): Pose => {
      const to = toPose(pose);
      const bounds = latest.current.model?.bounds;
      return bounds ? fitPose(to, bounds, lens(), latestLimits.current) : to;
    };

    const jump = (pose: Pose) => {
      const c = controls.current;
      if (!c) return;
      s.flight = null;
      camera.position.copy(pose.position);
      c.target.copy(pose.target);
      c.update();
      camera.lookAt(c.target);
      latest.current.onMove();
      invalidate();
      motion.settle();
    };

    const fly = (to: Pose, instant = false) => {
      const c = controls.current;
      if (!c) return;
      clampPose(to, latestLimits.current);
      if (instant || latest.current.reducedMotion) return jump(to);
      s.flight = { from: { position: camera.position.clone(), target: c.target.clone() }, to, start: performance.now() };
      motion.hold();
      invalidate();
    };

    return {
      flyTo: (pose, instant) => {
        s.framed = pose;
        fly(framedPose(pose), instant);
      },
      flyToAnchor: (id, instant) => {
        const anchor = latest.current.anchors.find((a) => a.id === id);
        const c = controls.current;
        if (!anchor || !c) return;
        s.framed = null;
        const center = (latest.current.model?.bounds ?? latestLimits.current.keepOut).getCenter(new Vector3());
        fly(
          poseForPart(anchor.point, anchor.radius, center, { position: camera.position, target: c.target }, latestLimits.current),
          instant,
        );
      },
      // The opening view is the package's camera as the museum set it; only tour stops are fitted.
      home: (instant) => {
        s.framed = null;
        fly(toPose(latest.current.home), instant);
      },
      open: (pose) => {
        s.framed = null;
        jump(toPose(pose));
      },
      cancel: () => {
        s.flight = null;
        s.framed = null;
      },
      reframe: (instant) => {
        if (s.framed && latest.current.model) fly(framedPose(s.framed), instant);
      },
      flying: () => s.flight !== null,
      step: (now) => {
        const c = controls.current;
        const flight = s.flight;
        if (!c || !flight) return false;
        const t = Math.min(1, (now - flight.start) / FLIGHT_MS);
        interpolatePose(flight.from, flight.to, easeInOutCubic(t), scratch);
        camera.position.copy(scratch.position);
        c.target.copy(scratch.target);
        c.update();
        if (t < 1) {
          invalidate();
        } else {
          s.flight = null;
          motion.settle();
        }
        return true;
      },
    };
  }, [camera, invalidate, controls, motion, latest, latestLimits, latestSize]);
}
