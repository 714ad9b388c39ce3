import { Box3, MathUtils, Spherical, Vector3 } from 'three';

/** Where the camera stands and what it looks at, in model metres. */
export interface Pose {
  position: Vector3;
  target: Vector3;
}

/** Everything that keeps a visitor's view above the ground and outside the model. */
export interface ViewLimits {
  minDistance: number;
  maxDistance: number;
  /** Radians from straight up; below π/2 so the camera never looks up from under the ground. */
  maxPolar: number;
  /** Where the orbit target may go: the model's box grown a little, never below `minTargetY`. */
  targetBox: Box3;
  /** The camera never enters this box (the model's box with a small margin). */
  keepOut: Box3;
}

/** The lowest the orbit target may sink, in metres above the ground. */
export const MIN_TARGET_Y = 0.2;
/** 85°: the camera can look along the ground but never from below it. */
export const MAX_POLAR = MathUtils.degToRad(85);
const TARGET_MARGIN = 0.25;
const KEEP_OUT_MARGIN = 0.15;

/** The view limits for a model whose bounds are `modelBox` and a package's distance limits. */
export function viewLimits(modelBox: Box3, minDistance: number, maxDistance: number): ViewLimits {
  const targetBox = modelBox.clone().expandByScalar(TARGET_MARGIN);
  targetBox.min.y = Math.max(MIN_TARGET_Y, targetBox.min.y);
  targetBox.max.y = Math.max(targetBox.min.y, targetBox.max.y);
  const keepOut = modelBox.clone().expandByScalar(KEEP_OUT_MARGIN);
  return { minDistance, maxDistance: Math.max(minDistance, maxDistance), maxPolar: MAX_POLAR, targetBox, keepOut };
}

const offset = new Vector3();
const direction = new Vector3();
const spherical = new Spherical();
const previousTarget = new Vector3();

/**
 * The distance from `origin` along the unit vector `dir` to where the ray leaves `box`, or 0
 * when the ray starts outside the box and never passes through it.
 */
export function exitDistance(origin: Vector3, dir: Vector3, box: Box3): number {
  let tNear = -Infinity;
  let tFar = Infinity;
  for (const axis of ['x', 'y', 'z'] as const) {
    const o = origin[axis];
    const d = dir[axis];
    const lo = box.min[axis];
    const hi = box.max[axis];
    if (Math.abs(d) < 1e-12) {
      if (o < lo || o > hi) return 0;
      continue;
    }
    let t1 = (lo - o) / d;
    let t2 = (hi - o) / d;
    if (t1 > t2) [t1, t2] = [t2, t1];
    tNear = Math.max(tNear, t1);
    tFar = Math.min(tFar, t2);
  }
  return tFar >= Math.max(tNear, 0) ? tFar : 0;
}

/**
 * Moves a pose, in place, to the nearest one the limits allow: target inside its box, polar
 * angle above the ground, distance between the limits, camera outside the model. Returns
 * whether anything moved. Idempotent, so it can run on every camera change.
 */
export function clampPose(pose: Pose, limits: ViewLimits): boolean {
  const { position, target } = pose;
  offset.subVectors(position, target);
  previousTarget.copy(target);
  limits.targetBox.clampPoint(target, target);
  let moved = previousTarget.distanceToSquared(target) > 1e-12;
  spherical.setFromVector3(offset);
  if (spherical.radius < 1e-9) spherical.set(limits.minDistance, limits.maxPolar / 2, 0);
  const phi = MathUtils.clamp(spherical.phi, 0.01, limits.maxPolar);
  const radius = MathUtils.clamp(spherical.radius, limits.minDistance, limits.maxDistance);
  if (phi !== spherical.phi || radius !== spherical.radius) {
    spherical.phi = phi;
    spherical.radius = radius;
    offset.setFromSpherical(spherical);
    moved = true;
  }
  if (moved) position.addVectors(target, offset);
  if (limits.keepOut.containsPoint(position)) {
    direction.copy(offset).normalize();
    const out = exitDistance(target, direction, limits.keepOut) + 0.05;
    const distance = Math.min(limits.maxDistance, Math.max(offset.length(), out));
    position.copy(target).addScaledVector(direction, distance);
    moved = true;
  }
  return moved;
}

/** Polar angle from straight up, azimuth around +Y (0 = looking from +Z) and distance, in degrees and metres. */
export function describePose(pose: Pose): { distance: number; polar: number; azimuth: number } {
  offset.subVectors(pose.position, pose.target);
  spherical.setFromVector3(offset);
  return { distance: spherical.radius, polar: MathUtils.radToDeg(spherical.phi), azimuth: MathUtils.radToDeg(spherical.theta) };
}

/** Slow at both ends: the camera leaves and arrives gently. */
export function easeInOutCubic(t: number): number {
  const x = MathUtils.clamp(t, 0, 1);
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

const fromOffset = new Spherical();
const toOffset = new Spherical();

/**
 * A pose between `from` (t = 0) and `to` (t = 1): the target moves in a straight line and the
 * camera swings around it (the shorter way round), so a flight never cuts through the model.
 */
export function interpolatePose(from: Pose, to: Pose, t: number, out: Pose): Pose {
  fromOffset.setFromVector3(offset.subVectors(from.position, from.target));
  toOffset.setFromVector3(offset.subVectors(to.position, to.target));
  let dTheta = toOffset.theta - fromOffset.theta;
  dTheta = Math.atan2(Math.sin(dTheta), Math.cos(dTheta));
  spherical.set(
    MathUtils.lerp(fromOffset.radius, toOffset.radius, t),
    MathUtils.lerp(fromOffset.phi, toOffset.phi, t),
    fromOffset.theta + dTheta * t,
  );
  out.target.lerpVectors(from.target, to.target, t);
  out.position.setFromSpherical(spherical).add(out.target);
  return out;
}

/**
 * A pose that looks at a part from outside: from the side of the model the part is on (or
 * the current side, for a part at the centre), a little from above, far enough back to show
 * the part (of bounding `radius`) with some of the machine around it, within limits.
 */
export function poseForPart(anchor: Vector3, radius: number, modelCenter: Vector3, current: Pose, limits: ViewLimits): Pose {
  const outward = new Vector3(anchor.x - modelCenter.x, 0, anchor.z - modelCenter.z);
  const viewSide = new Vector3(current.position.x - current.target.x, 0, current.position.z - current.target.z);
  if (viewSide.lengthSq() > 1e-9) viewSide.normalize();
  if (outward.lengthSq() < 0.01) outward.copy(viewSide);
  else outward.normalize().addScaledVector(viewSide, 0.35);
  if (outward.lengthSq() < 1e-9) outward.set(0, 0, 1);
  outward.normalize();
  const distance = MathUtils.clamp(Math.max(limits.minDistance * 1.5, radius * 3.5), limits.minDistance, limits.maxDistance);
  const elevation = MathUtils.degToRad(28);
  const pose: Pose = {
    target: anchor.clone(),
    position: anchor
      .clone()
      .addScaledVector(outward, Math.cos(elevation) * distance)
      .add(new Vector3(0, Math.sin(elevation) * distance, 0)),
  };
  clampPose(pose, limits);
  return pose;
}

/**
 * The vertical field of view for a canvas of `aspect` (width / height): 40° on a landscape
 * screen, wider on a portrait one so the machine still fits across.
 */
export function fieldOfView(aspect: number): number {
  const minHorizontal = MathUtils.degToRad(40);
  const fromWidth = 2 * Math.atan(Math.tan(minHorizontal / 2) / Math.max(aspect, 0.1));
  return Math.min(70, Math.max(40, MathUtils.radToDeg(fromWidth)));
}

/** Markers closer than this (px) are pushed apart so both stay readable and tappable. */
export const MARKER_SPACING = 58;

/**
 * Pushes apart markers that would overlap, in place: each keeps `spacing` from those placed
 * before it (lower numbers stay where they are), moving straight away from its neighbour.
 */
export function spreadMarkers(points: { x: number; y: number }[], spacing = MARKER_SPACING): void {
  for (let i = 1; i < points.length; i += 1) {
    const p = points[i]!;
    for (let pass = 0; pass < 3; pass += 1) {
      let moved = false;
      for (let j = 0; j < i; j += 1) {
        const q = points[j]!;
        let dx = p.x - q.x;
        let dy = p.y - q.y;
        const d = Math.hypot(dx, dy);
        if (d >= spacing) continue;
        if (d < 1e-6) {
          dx = 0;
          dy = 1;
        } else {
          dx /= d;
          dy /= d;
        }
        p.x = q.x + dx * spacing;
        p.y = q.y + dy * spacing;
        moved = true;
      }
      if (!moved) break;
    }
  }
}

/** How far in front of a part another surface may lie and still count as on it (a decal, a badge). */
const SURFACE_LAYER = 0.08;

/**
 * Whether a marker shows, from what the line of sight from the camera to its point meets
 * first: `own` is the distance to the marked part's first surface (null when the line misses
 * it, as it can for a hollow part), `other` the distance to anything else. Visible when
 * nothing else is in the way, when the part itself is met first (or only a thin layer on it
 * is), or, for a line that misses the part, when what it meets lies within `tolerance` of the
 * point (the part's own thickness).
 */
export function markerVisible(own: number | null, other: number | null, pointDistance: number, tolerance: number): boolean {
  if (other === null) return true;
  if (own !== null) return other >= own - SURFACE_LAYER;
  return other >= pointDistance - tolerance;
}

/** Two taps close in time and place make a double tap. */
export interface Tap {
  at: number;
  x: number;
  y: number;
}
export const DOUBLE_TAP_MS = 320;
export const DOUBLE_TAP_SLOP = 40;

export function isDoubleTap(previous: Tap | null, tap: Tap): boolean {
  return previous !== null && tap.at - previous.at <= DOUBLE_TAP_MS && Math.hypot(tap.x - previous.x, tap.y - previous.y) <= DOUBLE_TAP_SLOP;
}
