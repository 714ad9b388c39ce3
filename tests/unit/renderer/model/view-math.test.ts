import { Box3, MathUtils, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import {
  clampPose,
  describePose,
  boxFits,
  easeInOutCubic,
  exitDistance,
  fieldOfView,
  fitPose,
  interpolatePose,
  isDoubleTap,
  layoutMarkers,
  MARKER_SIZE,
  markerVisible,
  MIN_TARGET_Y,
  poseForPart,
  viewLimits,
  type Lens,
  type MarkerPlace,
  type Pose,
} from '../../../../renderer/model/view-math.ts';

// The DT-54's bounds: 3.66 m long, 1.8 m wide, 2.3 m tall, standing on the ground.
const tractor = new Box3(new Vector3(-0.93, 0, -1.83), new Vector3(0.93, 2.29, 1.83));
const limits = viewLimits(tractor, 2.6, 9);
const pose = (position: [number, number, number], target: [number, number, number]): Pose => ({
  position: new Vector3(...position),
  target: new Vector3(...target),
});

describe('clampPose', () => {
  it('leaves the package camera where it is', () => {
    const p = pose([4.2, 2.2, 4.6], [0, 0.9, 0]);
    expect(clampPose(p, limits)).toBe(false);
    expect(p.position.toArray()).toEqual([4.2, 2.2, 4.6]);
  });

  it('never lets the camera look from below the ground', () => {
    const p = pose([5, -3, 0], [0, 1, 0]);
    clampPose(p, limits);
    const { polar } = describePose(p);
    expect(polar).toBeLessThanOrEqual(85 + 1e-9);
    expect(p.position.y).toBeGreaterThan(0);
  });

  it('keeps the distance between the package limits', () => {
    const near = pose([3, 1, 3], [0, 1, 0]);
    clampPose(near, limits);
    expect(near.position.distanceTo(near.target)).toBeGreaterThanOrEqual(2.6 - 1e-9);
    const far = pose([30, 10, 30], [0, 1, 0]);
    clampPose(far, limits);
    expect(far.position.distanceTo(far.target)).toBeCloseTo(9, 9);
  });

  it('keeps the orbit target inside the model, a little above the ground', () => {
    const p = pose([10, 2, 0], [8, -4, 0]);
    clampPose(p, limits);
    expect(p.target.y).toBeGreaterThanOrEqual(MIN_TARGET_Y);
    expect(limits.targetBox.containsPoint(p.target)).toBe(true);
  });

  it('pushes a camera that would stand inside the model back out along its line of sight', () => {
    // Looking at the radiator from behind, at the minimum distance: that is inside the cab.
    const p = pose([0, 1.2, 1.7 - 2.6], [0, 1.2, 1.7]);
    expect(limits.keepOut.containsPoint(p.position)).toBe(true);
    clampPose(p, limits);
    expect(limits.keepOut.containsPoint(p.position)).toBe(false);
    expect(p.target.toArray()).toEqual([0, 1.2, 1.7]);
    expect(p.position.x).toBeCloseTo(0, 9);
    expect(p.position.z).toBeLessThan(limits.keepOut.min.z);
  });

  it('is idempotent', () => {
    const p = pose([0.2, -1, 0.3], [5, 5, 5]);
    clampPose(p, limits);
    const once = [...p.position.toArray(), ...p.target.toArray()];
    expect(clampPose(p, limits)).toBe(false);
    expect([...p.position.toArray(), ...p.target.toArray()]).toEqual(once);
  });
});

describe('exitDistance', () => {
  const box = new Box3(new Vector3(-1, -1, -1), new Vector3(1, 1, 1));
  it('measures from inside the box to its wall', () => {
    expect(exitDistance(new Vector3(0, 0, 0), new Vector3(1, 0, 0), box)).toBeCloseTo(1);
    expect(exitDistance(new Vector3(0.5, 0, 0), new Vector3(-1, 0, 0), box)).toBeCloseTo(1.5);
  });
  it('is 0 for a ray that misses the box', () => {
    expect(exitDistance(new Vector3(5, 5, 5), new Vector3(1, 0, 0), box)).toBe(0);
  });
});

describe('camera flights', () => {
  it('eases in and out, from 0 to 1', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5);
    expect(easeInOutCubic(0.1)).toBeLessThan(0.1);
  });

  it('swings round the target the short way instead of cutting through the model', () => {
    const from = pose([5, 1, 0.2], [0, 1, 0]);
    const to = pose([5, 1, -0.2], [0, 1, 0]);
    const out = pose([0, 0, 0], [0, 0, 0]);
    interpolatePose(from, to, 0.5, out);
    expect(out.position.x).toBeCloseTo(5, 1);
    const across = pose([-5, 1, 0], [0, 1, 0]);
    interpolatePose(from, across, 0.5, out);
    expect(out.position.distanceTo(out.target)).toBeCloseTo(5, 2);
    expect(limits.keepOut.containsPoint(out.position)).toBe(false);
  });

  it('frames a part from its own side of the model, within the limits', () => {
    const current = pose([4.2, 2.2, 4.6], [0, 0.9, 0]);
    const sprocket = new Vector3(0.76, 0.5, -1.1);
    const p = poseForPart(sprocket, 0.4, new Vector3(0, 1.1, 0), current, limits);
    expect(p.target.toArray()).toEqual(sprocket.toArray());
    expect(p.position.x).toBeGreaterThan(sprocket.x);
    expect(p.position.y).toBeGreaterThan(sprocket.y);
    expect(clampPose(p, limits)).toBe(false);
  });

  it('stands further back from a big part than from a small one', () => {
    const current = pose([4.2, 2.2, 4.6], [0, 0.9, 0]);
    const centre = new Vector3(0, 1.1, 0);
    const part = new Vector3(0, 1.2, 0.6);
    const small = poseForPart(part, 0.2, centre, current, limits);
    const big = poseForPart(part, 1.5, centre, current, limits);
    expect(small.position.distanceTo(small.target)).toBeCloseTo(2.6 * 1.5);
    expect(big.position.distanceTo(big.target)).toBeCloseTo(1.5 * 3.5);
  });
});

describe('fieldOfView', () => {
  it('is 40° on a landscape screen and wider on a portrait one, so the machine fits across', () => {
    expect(fieldOfView(1920 / 968)).toBe(40);
    const portrait = fieldOfView(1080 / 1808);
    expect(portrait).toBeGreaterThan(40);
    const horizontal = 2 * Math.atan(Math.tan(MathUtils.degToRad(portrait) / 2) * (1080 / 1808));
    expect(MathUtils.radToDeg(horizontal)).toBeCloseTo(40, 5);
  });
});

describe('layoutMarkers', () => {
  const field = { width: 1080, height: 1800, centerX: 540, centerY: 900 };
  const at = (...points: [number, number][]): MarkerPlace[] => points.map(([x, y]) => ({ anchorX: x, anchorY: y, x, y }));
  const apart = (a: MarkerPlace, b: MarkerPlace) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
  const fromAnchor = (p: MarkerPlace) => Math.max(Math.abs(p.x - p.anchorX), Math.abs(p.y - p.anchorY));

  it('keeps every pair of touch areas apart, markers 58 px apart in a row included', () => {
    const places = at([500, 1000], [558, 1000], [616, 1000], [600, 1040]);
    layoutMarkers(places, field);
    for (let i = 0; i < places.length; i += 1)
      for (let j = 0; j < i; j += 1) expect(apart(places[i]!, places[j]!)).toBeGreaterThanOrEqual(MARKER_SIZE);
  });

  it('separates markers projected onto the same point', () => {
    const places = at([300, 300], [300, 300], [300, 300]);
    layoutMarkers(places, field);
    for (let i = 0; i < 3; i += 1) for (let j = 0; j < i; j += 1) expect(apart(places[i]!, places[j]!)).toBeGreaterThanOrEqual(MARKER_SIZE);
  });

  it('stands each marker beside its point, leaning away from the model’s centre, never on it', () => {
    const [left, above] = at([200, 900], [540, 400]);
    layoutMarkers([left!, above!], field);
    for (const p of [left!, above!]) expect(fromAnchor(p)).toBeGreaterThanOrEqual(MARKER_SIZE / 2 + 12);
    expect(left!.x).toBeLessThan(200);
    expect(above!.y).toBeLessThan(400);
  });

  it('keeps markers inside the view', () => {
    const places = at([10, 10], [1075, 1795]);
    layoutMarkers(places, field);
    for (const p of places) {
      expect(p.x).toBeGreaterThanOrEqual(MARKER_SIZE / 2);
      expect(p.y).toBeLessThanOrEqual(field.height - MARKER_SIZE / 2);
    }
  });
});

describe('fitPose', () => {
  const limits = viewLimits(tractor, 2.6, 9);
  const portrait: Lens = {
    fov: fieldOfView(1080 / 1808),
    height: 1808,
    clear: { left: 0, top: 260, right: 1080, bottom: 1100 },
    margin: 16,
  };
  const landscape: Lens = { fov: fieldOfView(1920 / 968), height: 968, clear: { left: 0, top: 200, right: 1200, bottom: 800 }, margin: 16 };

  it('moves a close-up stop back along its own line until the whole tractor is in the clear area', () => {
    const pose = { position: new Vector3(0.9, 1.7, 5.0), target: new Vector3(0, 1.25, 1.75) };
    const before = pose.position.clone().sub(pose.target).normalize();
    expect(boxFits(tractor, pose.position, pose.target, portrait)).toBe(false);
    fitPose(pose, tractor, portrait, limits);
    expect(boxFits(tractor, pose.position, pose.target, portrait)).toBe(true);
    expect(pose.position.clone().sub(pose.target).normalize().dot(before)).toBeCloseTo(1, 5);
    expect(pose.position.distanceTo(pose.target)).toBeLessThanOrEqual(9 + 1e-6);
  });

  it('leaves a pose that already shows everything as it was', () => {
    const pose = { position: new Vector3(5.5, 3, 6), target: new Vector3(0, 0.9, 0) };
    expect(boxFits(tractor, pose.position, pose.target, landscape)).toBe(true);
    const asked = pose.position.clone();
    fitPose(pose, tractor, landscape, limits);
    expect(pose.position.distanceTo(asked)).toBeLessThan(1e-9);
  });
});

describe('markerVisible', () => {
  it('shows a marker whose line of sight is clear or meets its own part first', () => {
    expect(markerVisible(null, null, 5, 0.2)).toBe(true);
    expect(markerVisible(4.6, 4.9, 5, 0.2)).toBe(true);
  });
  it('counts a decal a few centimetres proud of the part as the part', () => {
    expect(markerVisible(4.6, 4.55, 5, 0.2)).toBe(true);
  });
  it('hides a marker behind another part', () => {
    expect(markerVisible(4.6, 3.1, 5, 0.2)).toBe(false);
    expect(markerVisible(null, 3.1, 5, 0.2)).toBe(false);
  });
  it('shows a hollow part (a track loop) when what is met lies within its thickness', () => {
    expect(markerVisible(null, 4.85, 5, 0.3)).toBe(true);
  });
});

describe('isDoubleTap', () => {
  it('needs two taps close in time and place', () => {
    expect(isDoubleTap(null, { at: 0, x: 0, y: 0 })).toBe(false);
    expect(isDoubleTap({ at: 0, x: 10, y: 10 }, { at: 250, x: 20, y: 15 })).toBe(true);
    expect(isDoubleTap({ at: 0, x: 10, y: 10 }, { at: 600, x: 10, y: 10 })).toBe(false);
    expect(isDoubleTap({ at: 0, x: 10, y: 10 }, { at: 100, x: 200, y: 10 })).toBe(false);
  });
});
