import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Box3, Vector3 } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { HotspotAnchor } from './anchors.ts';
import { groundShadowTexture } from './ground-shadow.ts';
import type { LoadedModel } from './load-model.ts';
import type { Band, CameraPose, ViewController } from './scene-view.ts';
import { useCameraFlights } from './useCameraFlights.ts';
import { useContextLoss } from './useContextLoss.ts';
import { useDoubleTap } from './useDoubleTap.ts';
import { useLatest } from './useLatest.ts';
import { useMarkerPlacement } from './useMarkerPlacement.ts';
import { usePixelRatioGovernor } from './usePixelRatioGovernor.ts';
import { useTouchControls } from './useTouchControls.ts';
import { useTurntable } from './useTurntable.ts';
import { useViewShift } from './useViewShift.ts';
import { useViewTelemetry } from './useViewTelemetry.ts';
import { viewLimits } from './view-math.ts';

export type { Band, CameraPose, ViewController } from './scene-view.ts';

interface SceneProps {
  model: LoadedModel | null;
  variant: string | null;
  camera: CameraPose & { minDistance: number; maxDistance: number };
  anchors: HotspotAnchor[];
  band: Band | null;
  markers: RefObject<Map<string, HTMLElement>>;
  view: RefObject<HTMLElement | null>;
  controller: RefObject<ViewController | null>;
  visible: boolean;
  interactive: boolean;
  turntable: boolean;
  reducedMotion: boolean;
  maxPixelRatio: number;
  onPixelRatio(ratio: number): void;
  onContext(state: 'ok' | 'lost'): void;
  onDrawn(model: LoadedModel): void;
}

/** The 3D scene: model, light, ground shadow, touch controls, camera flights and markers. */
export function Scene(props: SceneProps) {
  const { model, variant, camera, anchors, band, markers, view, controller, visible, interactive, turntable, reducedMotion } = props;
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const latest = useLatest(props);

  const limits = useMemo(
    () => viewLimits(model?.bounds ?? new Box3(new Vector3(-1, 0, -1), new Vector3(1, 1, 1)), camera.minDistance, camera.maxDistance),
    [model, camera.minDistance, camera.maxDistance],
  );

  const controls = useRef<OrbitControls | null>(null);
  const inFrame = useRef(false);
  const drawnModel = useRef<LoadedModel | null>(null);

  const telemetry = useViewTelemetry(view, controls, model);
  const placement = useMarkerPlacement({ markers, anchors, band, interactive, model });
  const motion = usePixelRatioGovernor(props.maxPixelRatio, props.onPixelRatio, telemetry.now);
  const flights = useCameraFlights({
    controls,
    limits,
    home: camera,
    model,
    anchors,
    band,
    reducedMotion,
    motion,
    onMove: placement.dirty,
  });

  useEffect(() => {
    controller.current = { flyTo: flights.flyTo, flyToAnchor: flights.flyToAnchor, home: flights.home, refresh: placement.refresh };
  }, [controller, flights, placement]);

  const interacting = useTouchControls(controls, limits, interactive, {
    change: () => {
      placement.dirty();
      if (!inFrame.current) invalidate();
      telemetry.soon();
    },
    start: () => {
      flights.cancel();
      motion.hold();
    },
    end: motion.settle,
  });

  // A new model (new limits) or a new package camera starts from the package's opening view.
  useEffect(() => {
    flights.open(camera);
  }, [flights, camera, limits]);

  useEffect(() => {
    if (!model) return;
    model.upload(gl);
    invalidate();
  }, [model, gl, invalidate]);

  useEffect(() => {
    if (!model) return;
    model.selectVariant(variant);
    invalidate();
    telemetry.soon();
  }, [model, variant, invalidate, telemetry]);

  const shift = useViewShift({ band, reducedMotion, interacting, onShift: placement.dirty, reframe: flights.reframe });

  // Shown again: one frame, so the counts and markers are current; hidden, the frame loop is off.
  useEffect(() => {
    if (visible) invalidate();
  }, [visible, invalidate]);

  const turn = useTurntable(controls, turntable && visible);

  useContextLoss(model, props.onContext, () => {
    placement.dirty();
    invalidate();
    telemetry.soon();
  });

  // Double tap anywhere on the view: back to the opening view.
  useDoubleTap(interactive, () => controller.current?.home());

  useFrame(() => {
    inFrame.current = true;
    const now = performance.now();
    if (!flights.step(now) && latest.current.turntable && !interacting.current) turn(now);
    shift(now);
    if (interacting.current || flights.flying()) motion.moving(now);
    placement.place(now);
    telemetry.countFrame();
    const current = latest.current.model;
    if (current && drawnModel.current !== current) {
      drawnModel.current = current;
      window.setTimeout(() => latest.current.onDrawn(current));
    }
    telemetry.soon();
    inFrame.current = false;
  });

  const shadow = useMemo(() => groundShadowTexture(), []);
  useEffect(() => () => shadow.dispose(), [shadow]);

  const footprint = model?.bounds;
  return (
    <>
      <hemisphereLight args={['#fff6e6', '#7a6a55', 1.6]} />
      <directionalLight position={[4.5, 8, 6]} intensity={2.2} />
      <directionalLight position={[-5, 3, -4]} intensity={0.7} color="#dfe6f0" />
      {model && <primitive object={model.scene} dispose={null} />}
      {footprint && (
        <mesh
          rotation-x={-Math.PI / 2}
          position={[
            (footprint.min.x + footprint.max.x) / 2,
            Math.max(0, footprint.min.y) + 0.003,
            (footprint.min.z + footprint.max.z) / 2,
          ]}
          scale={[(footprint.max.x - footprint.min.x) * 1.5, (footprint.max.z - footprint.min.z) * 1.25, 1]}
          renderOrder={-1}
        >
          <planeGeometry />
          <meshBasicMaterial map={shadow} transparent depthWrite={false} toneMapped={false} />
        </mesh>
      )}
    </>
  );
}
