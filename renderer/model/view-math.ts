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

/** A marker's touch area, a square this many pixels across (the CSS draws it so). */
export const MARKER_SIZE = 72;
/** The least clear space between two markers' touch areas. */
export const MARKER_GAP = 6;
/** How far the edge of a marker's touch area stands from the point it names: the leader's length. */
export const MARKER_CLEARANCE = 18;

/** One marker to place: its anchor's projected point, and (out) where its centre goes. */
export interface MarkerPlace {
  anchorX: number;
  anchorY: number;
  x: number;
  y: number;
}

/** Where markers may stand: the view's size, and the point they lean away from (the model's centre on screen). */
export interface MarkerField {
  width: number;
  height: number;
  centerX: number;
  centerY: number;
}

const chebyshev = (dx: number, dy: number) => Math.max(Math.abs(dx), Math.abs(dy));

/**
 * Places markers, in place, so a visitor can read what each names and tap each alone: every
 * marker stands beside its anchor (leaning away from the model's centre, joined to it by a short
 * leader) so it never covers the feature it names, and no two touch areas (squares of `size`)
 * come within `gap` of each other. A few rounds of pushing overlapping pairs apart along the line
 * between them; every marker stays inside the view.
 */
export function layoutMarkers(
  places: MarkerPlace[],
  field: MarkerField,
  size = MARKER_SIZE,
  gap = MARKER_GAP,
  clearance = MARKER_CLEARANCE,
): void {
  const half = size / 2;
  const reach = half + clearance;
  const apart = size + gap;
  const keepInside = (p: MarkerPlace) => {
    p.x = Math.min(Math.max(p.x, half), Math.max(half, field.width - half));
    p.y = Math.min(Math.max(p.y, half), Math.max(half, field.height - half));
  };
  const standBeside = (p: MarkerPlace, dx: number, dy: number) => {
    const d = chebyshev(dx, dy);
    if (d < 1e-6) {
      dx = 0;
      dy = -1;
    }
    const k = reach / chebyshev(dx, dy);
    p.x = p.anchorX + dx * k;
    p.y = p.anchorY + dy * k;
  };
  for (const p of places) {
    standBeside(p, p.anchorX - field.centerX, p.anchorY - field.centerY);
    keepInside(p);
  }
  for (let round = 0; round < 40; round += 1) {
    let moved = false;
    for (let i = 0; i < places.length; i += 1) {
      const a = places[i]!;
      for (let j = i + 1; j < places.length; j += 1) {
        const b = places[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        const d = chebyshev(dx, dy);
        if (d >= apart - 1e-3) continue;
        if (d < 1e-6) {
          dx = b.anchorX - a.anchorX || 0;
          dy = b.anchorY - a.anchorY || 1;
        }
        const k = (apart + 0.5) / chebyshev(dx, dy);
        const mx = (a.x + b.x) / 2;
        const my = (a.y + b.y) / 2;
        a.x = mx - (dx * k) / 2;
        a.y = my - (dy * k) / 2;
        b.x = mx + (dx * k) / 2;
        b.y = my + (dy * k) / 2;
        moved = true;
      }
    }
    for (const p of places) {
      const dx = p.x - p.anchorX;
      const dy = p.y - p.anchorY;
      if (chebyshev(dx, dy) < reach - 1e-3) {
        standBeside(p, dx, dy);
        moved = true;
      }
      keepInside(p);
    }
    if (!moved) break;
  }
}

/** A rectangle of the view, in pixels from its top left. */
export interface ViewRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The camera's lens and the part of the view a framed model must stay inside. */
export interface Lens {
  /** Vertical field of view, in degrees. */
  fov: number;
  /** The view's height in pixels. */
  height: number;
  /** The clear area; the projection's centre sits at its centre. */
  clear: ViewRect;
  /** Pixels kept between the model and the clear area's edges. */
  margin: number;
}

const forward = new Vector3();
const right = new Vector3();
const up = new Vector3();
const corner = new Vector3();
const eye = new Vector3();
const UP = new Vector3(0, 1, 0);

/** Whether all of `box`, seen from `position` looking at `target` through `lens`, lies in the clear area. */
export function boxFits(box: Box3, position: Vector3, target: Vector3, lens: Lens): boolean {
  forward.subVectors(target, position).normalize();
  right.crossVectors(forward, UP);
  if (right.lengthSq() < 1e-9) right.set(1, 0, 0);
  right.normalize();
  up.crossVectors(right, forward);
  const focal = lens.height / 2 / Math.tan(MathUtils.degToRad(lens.fov) / 2);
  const cx = (lens.clear.left + lens.clear.right) / 2;
  const cy = (lens.clear.top + lens.clear.bottom) / 2;
  for (let i = 0; i < 8; i += 1) {
    corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).sub(position);
    const depth = corner.dot(forward);
    if (depth <= 0.01) return false;
    const x = cx + (corner.dot(right) / depth) * focal;
    const y = cy - (corner.dot(up) / depth) * focal;
    if (
      x < lens.clear.left + lens.margin ||
      x > lens.clear.right - lens.margin ||
      y < lens.clear.top + lens.margin ||
      y > lens.clear.bottom - lens.margin
    )
      return false;
  }
  return true;
}

/**
 * A pose, in place, that shows all of `box` in the lens's clear area: the same side and angle as
 * asked, moved back as far as it needs (never closer than asked, never past the limits); when even
 * the farthest allowed distance is not enough, the target also slides towards the box's centre.
 */
export function fitPose(pose: Pose, box: Box3, lens: Lens, limits: ViewLimits): Pose {
  clampPose(pose, limits);
  direction.subVectors(pose.position, pose.target);
  const asked = direction.length();
  if (asked < 1e-9) return pose;
  direction.divideScalar(asked);
  const start = previousTarget.copy(pose.target);
  const center = box.getCenter(new Vector3());
  for (const slide of [0, 0.25, 0.5, 0.75, 1]) {
    const target = new Vector3().lerpVectors(start, center, slide);
    for (let distance = asked; distance <= limits.maxDistance + 1e-6; distance += 0.05) {
      eye.copy(target).addScaledVector(direction, distance);
      if (limits.keepOut.containsPoint(eye)) continue;
      if (boxFits(box, eye, target, lens)) {
        pose.target.copy(target);
        pose.position.copy(eye);
        return pose;
      }
    }
  }
  pose.target.copy(center);
  pose.position.copy(center).addScaledVector(direction, limits.maxDistance);
  return pose;
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
  return (
    previous !== null && tap.at - previous.at <= DOUBLE_TAP_MS && Math.hypot(tap.x - previous.x, tap.y - previous.y) <= DOUBLE_TAP_SLOP
  );
}
