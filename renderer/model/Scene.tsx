import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import {
  Box3,
  CanvasTexture,
  Matrix4,
  MOUSE,
  Raycaster,
  SRGBColorSpace,
  TOUCH,
  Vector3,
  type Intersection,
  type Mesh,
  type Object3D,
  type PerspectiveCamera,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { HotspotAnchor } from './anchors.ts';
import type { LoadedModel } from './load-model.ts';
import { PixelRatioGovernor } from './pixel-ratio.ts';
import {
  clampPose,
  describePose,
  easeInOutCubic,
  fieldOfView,
  fitPose,
  interpolatePose,
  isDoubleTap,
  layoutMarkers,
  MARKER_SIZE,
  markerVisible,
  poseForPart,
  viewLimits,
  type Lens,
  type MarkerPlace,
  type Pose,
  type Tap,
} from './view-math.ts';

type Vec3 = readonly [number, number, number];

/** A camera pose as a package writes it. */
export interface CameraPose {
  position: Vec3;
  target: Vec3;
}

/** The clear area of the view (pixels from its top left) that the model is framed in, and the panels over it. */
export interface Band {
  top: number;
  bottom: number;
  /** Left of a card beside the model (landscape); the view's width when there is none. */
  left: number;
  right: number;
  /** Panels (livery, actions, card) in view pixels: a marker under one is not shown. */
  covered: { left: number; top: number; right: number; bottom: number }[];
}

/** What the viewer's interface asks of the 3D view. */
export interface ViewController {
  /** Flies (or, with reduced motion or `instant`, jumps) to a pose, within the view limits. */
  flyTo(pose: CameraPose, instant?: boolean): void;
  /** Flies to a pose that looks at a hotspot's part. */
  flyToAnchor(id: string, instant?: boolean): void;
  /** Back to the package's opening view. */
  home(instant?: boolean): void;
  /** Places the markers again (after they mount or change). */
  refresh(): void;
}

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

/** 800 ms at most, as the kiosk's motion rules ask. */
const FLIGHT_MS = 700;
const SHIFT_MS = 450;
/** The attract loop's turntable: about 7° a second, drawn 20 times a second. */
const TURN_RADIANS_PER_SECOND = 0.12;
const TURN_FRAME_MS = 50;
const OCCLUSION_MS = 120;
const PUBLISH_MS = 200;
const REST_MS = 300;
const TAP_SLOP = 12;
const TAP_MS = 350;
const Y_AXIS = new Vector3(0, 1, 0);

function toPose(pose: CameraPose): Pose {
  return { position: new Vector3(...pose.position), target: new Vector3(...pose.target) };
}

/** A soft, round shadow under the model, drawn once into a small canvas: no image file, no shadow map. */
function groundShadowTexture(): CanvasTexture {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 128;
  const g = canvas.getContext('2d')!;
  const gradient = g.createRadialGradient(64, 64, 0, 64, 64, 64);
  gradient.addColorStop(0, 'rgba(58, 44, 30, 0.55)');
  gradient.addColorStop(0.45, 'rgba(58, 44, 30, 0.32)');
  gradient.addColorStop(1, 'rgba(58, 44, 30, 0)');
  g.fillStyle = gradient;
  g.fillRect(0, 0, 128, 128);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

/** The 3D scene: model, light, ground shadow, touch controls, camera flights and markers. */
export function Scene(props: SceneProps) {
  const { model, variant, anchors, band, markers, view, controller, visible, interactive, turntable, maxPixelRatio } = props;
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);

  const callbacks = useRef(props);
  callbacks.current = props;
  const sizeRef = useRef(size);
  sizeRef.current = size;

  const limits = useMemo(
    () =>
      viewLimits(
        model?.bounds ?? new Box3(new Vector3(-1, 0, -1), new Vector3(1, 1, 1)),
        props.camera.minDistance,
        props.camera.maxDistance,
      ),
    [model, props.camera.minDistance, props.camera.maxDistance],
  );
  const homePose = useMemo(() => {
    const pose = toPose(props.camera);
    clampPose(pose, limits);
    return pose;
  }, [props.camera, limits]);

  const controls = useRef<OrbitControls | null>(null);
  const state = useRef({
    inFrame: false,
    interacting: false,
    flight: null as null | { from: Pose; to: Pose; start: number },
    frames: 0,
    publishTimer: 0,
    restTimer: 0,
    occlusionTimer: 0,
    lastOcclusion: -Infinity,
    markersDirty: true,
    drawnModel: null as LoadedModel | null,
    lastTap: null as Tap | null,
    lastTurn: -Infinity,
    shift: { current: 0, from: 0, to: 0, currentX: 0, fromX: 0, toX: 0, start: 0, width: 0, height: 0 },
    /** The pose a tour stop or the opening view asked for: framed again whenever the clear area changes, until a gesture. */
    framed: null as CameraPose | null,
  });
  const scratch = useMemo(
    () => ({ pose: { position: new Vector3(), target: new Vector3() } as Pose, v: new Vector3(), offset: new Vector3() }),
    [],
  );
  const lastView = useMemo(() => ({ matrix: new Matrix4(), projection: new Matrix4(), width: 0, height: 0 }), []);
  const markerState = useMemo(() => new Map<string, { x: number; y: number; onScreen: boolean; visible: boolean }>(), []);
  const places = useMemo(
    () => ({ list: [] as (MarkerPlace & { el: HTMLElement })[], pool: [] as (MarkerPlace & { el: HTMLElement | null })[] }),
    [],
  );
  const corner = useMemo(() => new Vector3(), []);
  const raycaster = useMemo(() => new Raycaster(), []);
  const hits = useMemo<Intersection[]>(() => [], []);
  const governor = useMemo(() => new PixelRatioGovernor(maxPixelRatio), [maxPixelRatio]);
  const modelMeshes = useMemo(() => {
    const meshes: Object3D[] = [];
    model?.scene.traverse((o) => {
      if ((o as Mesh).isMesh) meshes.push(o);
    });
    return meshes;
  }, [model]);

  const shadow = useMemo(() => groundShadowTexture(), []);
  useEffect(() => () => shadow.dispose(), [shadow]);

  const publish = useMemo(() => {
    const flush = () => {
      const s = state.current;
      s.publishTimer = 0;
      const el = view.current;
      const c = controls.current;
      if (!el || !c) return;
      const d = describePose({ position: camera.position, target: c.target });
      el.dataset.cameraDistance = d.distance.toFixed(3);
      el.dataset.cameraPolar = d.polar.toFixed(2);
      el.dataset.cameraAzimuth = d.azimuth.toFixed(2);
      el.dataset.targetY = c.target.y.toFixed(3);
      el.dataset.frames = String(s.frames);
      el.dataset.geometries = String(gl.info.memory.geometries);
      el.dataset.textures = String(gl.info.memory.textures);
      el.dataset.pixelRatio = String(gl.getPixelRatio());
      el.dataset.materials = callbacks.current.model?.materialNames().join(',') ?? '';
      const bounds = callbacks.current.model?.bounds;
      if (bounds) {
        camera.updateMatrixWorld();
        let left = Infinity;
        let top = Infinity;
        let right = -Infinity;
        let bottom = -Infinity;
        for (let i = 0; i < 8; i += 1) {
          corner
            .set(i & 1 ? bounds.max.x : bounds.min.x, i & 2 ? bounds.max.y : bounds.min.y, i & 4 ? bounds.max.z : bounds.min.z)
            .project(camera);
          const x = ((corner.x + 1) / 2) * sizeRef.current.width;
          const y = ((1 - corner.y) / 2) * sizeRef.current.height;
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
        el.dataset.modelBox = [left, top, right, bottom].map((n) => n.toFixed(1)).join(',');
      }
    };
    return {
      soon: () => {
        if (!state.current.publishTimer) state.current.publishTimer = window.setTimeout(flush, PUBLISH_MS);
      },
      now: () => {
        window.clearTimeout(state.current.publishTimer);
        flush();
      },
    };
  }, [camera, gl, view, corner]);

  // Touch controls: one finger orbits, two pinch and pan; every change is clamped to the limits.
  useEffect(() => {
    const c = new OrbitControls(camera, gl.domElement);
    c.enableDamping = false;
    c.screenSpacePanning = true;
    c.rotateSpeed = 0.8;
    c.touches = { ONE: TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN };
    c.mouseButtons = { LEFT: MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN };
    controls.current = c;
    const s = state.current;
    const onChange = () => {
      if (clampPose({ position: camera.position, target: c.target }, limitsRef.current)) camera.lookAt(c.target);
      s.markersDirty = true;
      if (!s.inFrame) invalidate();
      publish.soon();
    };
    const onStart = () => {
      s.interacting = true;
      s.flight = null;
      s.framed = null;
      window.clearTimeout(s.restTimer);
    };
    const onEnd = () => {
      s.interacting = false;
      settle();
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
    // settle() and limitsRef read the latest values, so the controls live as long as the camera.
  }, [camera, gl, invalidate, publish]);

  const limitsRef = useRef(limits);
  limitsRef.current = limits;

  /** The lens as the view is now: its clear area between the title and the panels, or all of it. */
  const lens = (): Lens => {
    const { width, height } = sizeRef.current;
    const band = callbacks.current.band;
    const usable = band && band.bottom - band.top > height / 4 && band.right - band.left > width / 4;
    const clear = usable
      ? { left: band.left, top: band.top, right: band.right, bottom: band.bottom }
      : { left: 0, top: 0, right: width, bottom: height };
    return { fov: camera.fov, height, clear, margin: 16 };
  };
  /** A pose moved back (as little as it can) so the whole model stands in the clear area. */
  const framedPose = (pose: CameraPose): Pose => {
    const to = toPose(pose);
    const bounds = callbacks.current.model?.bounds;
    return bounds ? fitPose(to, bounds, lens(), limitsRef.current) : to;
  };

  const settle = () => {
    const s = state.current;
    window.clearTimeout(s.restTimer);
    s.restTimer = window.setTimeout(() => {
      const ratio = governor.rest();
      if (ratio !== null) callbacks.current.onPixelRatio(ratio);
      publish.now();
    }, REST_MS);
    publish.now();
  };

  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    c.minDistance = limits.minDistance;
    c.maxDistance = limits.maxDistance;
    c.maxPolarAngle = limits.maxPolar;
    c.enabled = interactive;
  }, [limits, interactive]);

  const jump = (pose: Pose) => {
    const c = controls.current;
    if (!c) return;
    state.current.flight = null;
    camera.position.copy(pose.position);
    c.target.copy(pose.target);
    c.update();
    camera.lookAt(c.target);
    state.current.markersDirty = true;
    invalidate();
    settle();
  };

  const fly = (to: Pose, instant = false) => {
    const c = controls.current;
    if (!c) return;
    clampPose(to, limitsRef.current);
    if (instant || callbacks.current.reducedMotion) return jump(to);
    state.current.flight = { from: { position: camera.position.clone(), target: c.target.clone() }, to, start: performance.now() };
    window.clearTimeout(state.current.restTimer);
    invalidate();
  };

  useEffect(() => {
    controller.current = {
      flyTo: (pose, instant) => {
        state.current.framed = pose;
        fly(framedPose(pose), instant);
      },
      flyToAnchor: (id, instant) => {
        const anchor = callbacks.current.anchors.find((a) => a.id === id);
        const c = controls.current;
        if (!anchor || !c) return;
        state.current.framed = null;
        const center = (callbacks.current.model?.bounds ?? limitsRef.current.keepOut).getCenter(new Vector3());
        fly(poseForPart(anchor.point, anchor.radius, center, { position: camera.position, target: c.target }, limitsRef.current), instant);
      },
      // The opening view is the package's camera as the museum set it; only tour stops are fitted.
      home: (instant) => {
        state.current.framed = null;
        fly(toPose(callbacks.current.camera), instant);
      },
      refresh: () => {
        state.current.markersDirty = true;
        state.current.lastOcclusion = -Infinity;
        invalidate();
      },
    };
  });

  // A new model (or new package camera) starts from the package's opening view.
  useEffect(() => {
    state.current.framed = null;
    jump(toPose(callbacks.current.camera));
  }, [homePose]);

  useEffect(() => {
    if (!model) return;
    model.upload(gl);
    invalidate();
  }, [model, gl, invalidate]);

  useEffect(() => {
    if (!model) return;
    model.selectVariant(variant);
    invalidate();
    publish.soon();
  }, [model, variant, invalidate, publish]);

  // The view's centre sits in the middle of the clear area (between the title and the controls,
  // or a card across the screen, and left of a card beside the model): the projection's centre
  // moves there, easing when a card opens, so flights and markers agree with what is drawn. A
  // tour stop or the opening view is framed again for the new area.
  const applyShift = (x: number, y: number) => {
    if (Math.abs(x) >= 0.5 || Math.abs(y) >= 0.5) camera.setViewOffset(size.width, size.height, x, y, size.width, size.height);
    else camera.clearViewOffset();
    camera.updateProjectionMatrix();
    state.current.markersDirty = true;
  };
  useEffect(() => {
    const s = state.current;
    camera.fov = fieldOfView(size.width / size.height);
    camera.aspect = size.width / size.height;
    const usable = band && band.bottom - band.top > size.height / 4 && band.right - band.left > size.width / 4;
    const to = usable ? size.height / 2 - (band.top + band.bottom) / 2 : 0;
    const toX = usable ? size.width / 2 - (band.left + band.right) / 2 : 0;
    const resized = s.shift.width !== size.width || s.shift.height !== size.height;
    s.shift = {
      ...s.shift,
      from: s.shift.current,
      to,
      fromX: s.shift.currentX,
      toX,
      start: performance.now(),
      width: size.width,
      height: size.height,
    };
    if (resized || callbacks.current.reducedMotion) {
      s.shift.current = to;
      s.shift.currentX = toX;
    }
    applyShift(s.shift.currentX, s.shift.current);
    if (s.framed && !s.interacting && callbacks.current.model) fly(framedPose(s.framed), resized);
    invalidate();
    // applyShift, fly and framedPose read the same size, camera and band as this effect.
  }, [camera, size, band, invalidate]);

  useEffect(() => {
    state.current.markersDirty = true;
    invalidate();
  }, [anchors, interactive, band, invalidate]);

  // Shown again: one frame, so the counts and markers are current; hidden, the frame loop is off.
  useEffect(() => {
    if (visible) invalidate();
  }, [visible, invalidate]);

  // The attract loop's turntable draws at a reduced, steady rate; nothing else draws unasked.
  useEffect(() => {
    if (!turntable || !visible) return;
    const timer = window.setInterval(() => invalidate(), TURN_FRAME_MS);
    return () => window.clearInterval(timer);
  }, [turntable, visible, invalidate]);

  // Context loss: the viewer shows the poster; three restores its resources when the context returns.
  useEffect(() => {
    const canvas = gl.domElement;
    const lost = (event: Event) => {
      event.preventDefault();
      callbacks.current.onContext('lost');
    };
    const restored = () => {
      callbacks.current.onContext('ok');
      // three starts its resources afresh; every livery's textures go up again, as at load.
      callbacks.current.model?.upload(gl);
      state.current.markersDirty = true;
      invalidate();
      publish.soon();
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, invalidate, publish]);

  // Double tap anywhere on the view: back to the opening view. Events are only listened to, never stopped.
  useEffect(() => {
    const canvas = gl.domElement;
    const down = new Map<number, { x: number; y: number; at: number; moved: boolean }>();
    let multi = false;
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
      if (wasMulti || d.moved || e.timeStamp - d.at > TAP_MS || !callbacks.current.interactive) {
        state.current.lastTap = null;
        return;
      }
      const tap = { at: e.timeStamp, x: e.clientX, y: e.clientY };
      if (isDoubleTap(state.current.lastTap, tap)) {
        state.current.lastTap = null;
        controller.current?.home();
      } else {
        state.current.lastTap = tap;
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
  }, [gl, controller]);

  useEffect(
    () => () => {
      const s = state.current;
      window.clearTimeout(s.publishTimer);
      window.clearTimeout(s.restTimer);
      window.clearTimeout(s.occlusionTimer);
    },
    [],
  );

  const writeMarkers = () => {
    const els = markers.current;
    const show = callbacks.current.interactive;
    const covered = callbacks.current.band?.covered ?? [];
    const shown = places.list;
    shown.length = 0;
    let index = 0;
    for (const anchor of callbacks.current.anchors) {
      const el = els.get(anchor.id);
      const m = markerState.get(anchor.id);
      if (!el || !m) continue;
      // The part it names lies under a panel: no marker.
      const under = covered.some((r) => m.x > r.left - 24 && m.x < r.right + 24 && m.y > r.top - 24 && m.y < r.bottom + 24);
      if (!(show && m.onScreen && m.visible && !under)) {
        if (el.dataset.occluded !== 'true') el.dataset.occluded = 'true';
        continue;
      }
      const place = (places.pool[index] ??= { anchorX: 0, anchorY: 0, x: 0, y: 0, el: null });
      index += 1;
      place.anchorX = m.x;
      place.anchorY = m.y;
      place.el = el;
      shown.push(place as MarkerPlace & { el: HTMLElement });
    }
    const bounds = callbacks.current.model?.bounds;
    let centerX = size.width / 2;
    let centerY = size.height / 2;
    if (bounds) {
      const p = bounds.getCenter(scratch.v).project(camera);
      centerX = ((p.x + 1) / 2) * size.width;
      centerY = ((1 - p.y) / 2) * size.height;
    }
    // A marker stands beside its anchor, so it is where it stands (not the anchor) that a panel
    // may cover: one laid out under a panel is not shown, and the rest are laid out again
    // without it (a few rounds at most; each round only takes markers away).
    const half = MARKER_SIZE / 2;
    const blocked = (p: MarkerPlace) =>
      covered.some((r) => p.x + half > r.left && p.x - half < r.right && p.y + half > r.top && p.y - half < r.bottom);
    for (let round = 0; round < 4; round += 1) {
      layoutMarkers(shown, { width: size.width, height: size.height, centerX, centerY });
      let kept = 0;
      for (const place of shown) {
        if (blocked(place)) {
          if (place.el.dataset.occluded !== 'true') place.el.dataset.occluded = 'true';
        } else {
          shown[kept] = place;
          kept += 1;
        }
      }
      if (kept === shown.length) break;
      shown.length = kept;
    }
    for (const { x, y, anchorX, anchorY, el } of shown) {
      if (el.dataset.occluded !== 'false') el.dataset.occluded = 'false';
      const dx = anchorX - x;
      const dy = anchorY - y;
      // The `translate` property, not `transform`: a press's `scale` (touch.css) is applied after
      // `translate`, so about the marker's own centre; with a `transform` it would scale the
      // placement too and pull the marker out from under the finger before the tap lands.
      el.style.translate = `${x.toFixed(1)}px ${y.toFixed(1)}px`;
      el.style.setProperty('--leader-length', `${Math.hypot(dx, dy).toFixed(1)}px`);
      el.style.setProperty('--leader-angle', `${Math.atan2(dy, dx).toFixed(3)}rad`);
      el.dataset.anchor = `${anchorX.toFixed(1)},${anchorY.toFixed(1)}`;
    }
    shown.length = 0;
  };

  const occlude = () => {
    const s = state.current;
    s.lastOcclusion = performance.now();
    for (const anchor of callbacks.current.anchors) {
      const m = markerState.get(anchor.id);
      if (!m) continue;
      if (!m.onScreen) continue;
      const direction = scratch.v.subVectors(anchor.point, camera.position);
      const distance = direction.length();
      raycaster.set(camera.position, direction.normalize());
      raycaster.far = distance;
      hits.length = 0;
      raycaster.intersectObjects(modelMeshes, false, hits);
      let own: number | null = null;
      let other: number | null = null;
      for (const hit of hits) {
        if (anchor.own.has(hit.object)) own ??= hit.distance;
        else other ??= hit.distance;
        if (own !== null && other !== null) break;
      }
      m.visible = markerVisible(own, other, distance, anchor.tolerance);
    }
  };

  const placeMarkers = (now: number) => {
    const s = state.current;
    camera.updateMatrixWorld();
    const same =
      lastView.matrix.equals(camera.matrixWorld) &&
      lastView.projection.equals(camera.projectionMatrix) &&
      lastView.width === size.width &&
      lastView.height === size.height;
    if (same && !s.markersDirty) return;
    s.markersDirty = false;
    lastView.matrix.copy(camera.matrixWorld);
    lastView.projection.copy(camera.projectionMatrix);
    lastView.width = size.width;
    lastView.height = size.height;
    for (const anchor of callbacks.current.anchors) {
      const p = scratch.v.copy(anchor.point).project(camera);
      const x = ((p.x + 1) / 2) * size.width;
      const y = ((1 - p.y) / 2) * size.height;
      const onScreen = p.z > -1 && p.z < 1 && x >= 24 && x <= size.width - 24 && y >= 24 && y <= size.height - 24;
      const m = markerState.get(anchor.id) ?? { x, y, onScreen, visible: true };
      m.x = x;
      m.y = y;
      m.onScreen = onScreen;
      markerState.set(anchor.id, m);
    }
    const since = now - s.lastOcclusion;
    if (since >= OCCLUSION_MS) {
      occlude();
    } else if (!s.occlusionTimer) {
      s.occlusionTimer = window.setTimeout(() => {
        s.occlusionTimer = 0;
        occlude();
        writeMarkers();
      }, OCCLUSION_MS - since);
    }
    writeMarkers();
  };

  useFrame((frame) => {
    const s = state.current;
    const c = controls.current;
    s.inFrame = true;
    const now = performance.now();
    if (c && s.flight) {
      const t = Math.min(1, (now - s.flight.start) / FLIGHT_MS);
      interpolatePose(s.flight.from, s.flight.to, easeInOutCubic(t), scratch.pose);
      camera.position.copy(scratch.pose.position);
      c.target.copy(scratch.pose.target);
      c.update();
      if (t < 1) {
        frame.invalidate();
      } else {
        s.flight = null;
        settle();
      }
    } else if (c && callbacks.current.turntable && !s.interacting) {
      // Measured from the last turntable frame, so a slow machine turns at the same speed in fewer frames.
      const turnDelta = now - s.lastTurn < 500 ? (now - s.lastTurn) / 1000 : TURN_FRAME_MS / 1000;
      s.lastTurn = now;
      scratch.offset.subVectors(camera.position, c.target).applyAxisAngle(Y_AXIS, turnDelta * TURN_RADIANS_PER_SECOND);
      camera.position.copy(c.target).add(scratch.offset);
      c.update();
    }
    if (s.shift.current !== s.shift.to || s.shift.currentX !== s.shift.toX) {
      const t = Math.min(1, (now - s.shift.start) / SHIFT_MS);
      const eased = easeInOutCubic(t);
      s.shift.current = t < 1 ? s.shift.from + (s.shift.to - s.shift.from) * eased : s.shift.to;
      s.shift.currentX = t < 1 ? s.shift.fromX + (s.shift.toX - s.shift.fromX) * eased : s.shift.toX;
      applyShift(s.shift.currentX, s.shift.current);
      if (t < 1) frame.invalidate();
    }
    if (s.interacting || s.flight) {
      const ratio = governor.frame(now);
      if (ratio !== null) callbacks.current.onPixelRatio(ratio);
    }
    placeMarkers(now);
    s.frames += 1;
    if (callbacks.current.model && s.drawnModel !== callbacks.current.model) {
      const drawn = callbacks.current.model;
      s.drawnModel = drawn;
      window.setTimeout(() => callbacks.current.onDrawn(drawn));
    }
    publish.soon();
    s.inFrame = false;
  });

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
