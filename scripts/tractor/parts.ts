/**
 * The DT-54 / Dongfanghong-54 as named parts. Every part is built in world space and carries
 * its own pivot, so a viewer can fly to it (and, for wheels, spin it about its axle).
 */
import { Box3, type BufferGeometry, Matrix4, Quaternion } from 'three';
import {
  CAB,
  FENDER_Y,
  FRAME_Y0,
  FRAME_Y1,
  GROUSER_H,
  HEIGHT,
  HOOD,
  IDLER,
  LENGTH,
  PITCH,
  PLATE_T,
  RAIL_H,
  RAIL_X,
  RADIATOR,
  ROAD_R,
  ROAD_Y,
  ROAD_Z,
  RUN_Y,
  SHOE_W,
  SPROCKET,
  SPROCKET_TEETH,
  TX,
} from './dimensions.ts';
import { type Pt, Part, Vector3, at, box, cylinder, lathe, prism, quad, roundedRect, spring, strut, torus, tube } from './geometry.ts';
import { type Circle, type Shoe, beltLength, beltSegments, shoesOnBelt } from './track.ts';

const SIDES = [
  { s: 'l', k: 1 },
  { s: 'r', k: -1 },
] as const;

const FRONT = LENGTH / 2;

/** A circle of n points (z, y) around a centre, for holes. */
function ring(cz: number, cy: number, r: number, n = 8, a0 = 0): Pt[] {
  return Array.from({ length: n }, (_, i) => {
    const a = a0 + (i / n) * Math.PI * 2;
    return [cz + r * Math.cos(a), cy + r * Math.sin(a)] as const;
  });
}

// ---------------------------------------------------------------- running gear layout

export interface TrackLayout {
  circles: Circle[];
  sprocketR: number;
  shoes: Shoe[];
  pins: Array<{ z: number; y: number }>;
  /** Angles (radians, in the z–y plane) of the sprocket teeth. */
  teeth: number[];
  /** y of the top run's inner face at a given z. */
  topRunY: (z: number) => number;
}

/** Solves the belt so that the sprocket's pitch equals the shoes' pitch. */
export function trackLayout(): TrackLayout {
  let sprocketR = 0.29;
  let n = 0;
  let circles: Circle[] = [];
  for (let i = 0; i < 20; i++) {
    circles = [
      { z: ROAD_Z[0], y: ROAD_Y, r: ROAD_R + RAIL_H },
      { z: ROAD_Z[3], y: ROAD_Y, r: ROAD_R + RAIL_H },
      { z: IDLER.z, y: IDLER.y, r: IDLER.r },
      { z: SPROCKET.z, y: SPROCKET.y, r: sprocketR },
    ];
    const len = beltLength(beltSegments(circles));
    n = Math.round(len / PITCH);
    sprocketR = (SPROCKET_TEETH * (len / n)) / (Math.PI * 2);
  }
  const segs = beltSegments(circles);
  const { shoes, pins } = shoesOnBelt(segs, n, 0);
  // Teeth sit at the pins that wrap the sprocket, so they engage the gaps between shoes.
  const onSprocket = pins.find((p) => Math.abs(Math.hypot(p.z - SPROCKET.z, p.y - SPROCKET.y) - sprocketR) < 1e-6 && p.z < SPROCKET.z);
  const a0 = onSprocket ? Math.atan2(onSprocket.y - SPROCKET.y, onSprocket.z - SPROCKET.z) : 0;
  const teeth = Array.from({ length: SPROCKET_TEETH }, (_, j) => a0 + (j * Math.PI * 2) / SPROCKET_TEETH);
  // top run: the tangent line from the idler to the sprocket (the third line segment)
  const top = segs[4];
  const topRunY = (z: number): number => {
    if (!top || top.kind !== 'line') return IDLER.y + IDLER.r;
    const t = (z - top.z0) / (top.z1 - top.z0);
    return top.y0 + (top.y1 - top.y0) * t;
  };
  return { circles, sprocketR, shoes, pins, teeth, topRunY };
}

// ---------------------------------------------------------------- track shoe

/**
 * One shoe in its own frame: x across the track, y towards the loop's inside, z along travel.
 * Inner face at y = 0; grouser outward (y < 0).
 */
export function shoeGeometry(): Part {
  const p = new Part('track_shoe');
  const h = PITCH / 2 - 0.004;
  const t = PLATE_T;
  const g = GROUSER_H;
  // plate with a grouser, profile in (z, y), extruded across the width
  const profile: Pt[] = [
    [-h, 0],
    [h, 0],
    [h, -t + 0.006],
    [h - 0.008, -t],
    [0.056, -t],
    [0.046, -t - g],
    [0.02, -t - g],
    [0.01, -t],
    [-h + 0.008, -t],
    [-h, -t + 0.006],
  ];
  p.add('steel', prism(profile, SHOE_W, 'x', [], 10));
  // link rails the wheels roll on, with a pin boss at the trailing end that covers the joint
  const rail: Pt[] = [
    [-h + 0.002, 0],
    [h - 0.002, 0],
    [h - 0.002, 0.018],
    [h - 0.026, RAIL_H],
    [-h + 0.026, RAIL_H],
    [-h + 0.002, 0.018],
  ];
  for (const x of [-RAIL_X, RAIL_X]) {
    p.add('steel', prism(rail, 0.05, 'x', [], 10), at(x, 0, 0));
    p.add('steel', cylinder(0.024, 0.062, 'x', 10), at(x, 0.02, -PITCH / 2));
  }
  // central guide horn
  p.add(
    'steel',
    prism(
      [
        [-0.05, 0],
        [0.05, 0],
        [0.024, 0.06],
        [-0.024, 0.06],
      ],
      0.044,
      'x',
      [],
      10,
    ),
  );
  return p;
}

// ---------------------------------------------------------------- sprocket, idler, carriages

export function sprocket(side: 'l' | 'r', k: number, layout: TrackLayout): Part {
  const cx = k * TX;
  const p = new Part(`sprocket_${side}`, new Vector3(cx, SPROCKET.y, SPROCKET.z));
  const R = layout.sprocketR;
  const pa = (Math.PI * 2) / SPROCKET_TEETH;
  const outline: Pt[] = [];
  for (const a of layout.teeth) {
    const pts: Array<[number, number]> = [
      [R - 0.05, a - 0.5 * pa],
      [R - 0.042, a - 0.32 * pa],
      [R + 0.012, a - 0.1 * pa],
      [R + 0.03, a - 0.045 * pa],
      [R + 0.03, a + 0.045 * pa],
      [R + 0.012, a + 0.1 * pa],
      [R - 0.042, a + 0.32 * pa],
    ];
    for (const [r, ang] of pts) outline.push([r * Math.cos(ang), r * Math.sin(ang)]);
  }
  const holes = Array.from({ length: 6 }, (_, i) => ring(0.17 * Math.cos((i * Math.PI) / 3), 0.17 * Math.sin((i * Math.PI) / 3), 0.045, 8));
  for (const dx of [-0.068, 0.068]) {
    p.add('gear', prism(outline, 0.026, 'x', holes, 20), at(cx + dx, SPROCKET.y, SPROCKET.z));
  }
  // hub between the discs and a domed cap with bolts on the outer side
  p.add('gear', cylinder(0.12, 0.11, 'x', 16), at(cx, SPROCKET.y, SPROCKET.z));
  const capProfile: Pt[] = [
    [0, 0],
    [0.15, 0],
    [0.15, 0.02],
    [0.11, 0.03],
    [0.09, 0.06],
    [0.05, 0.075],
    [0, 0.078],
  ];
  const cap = lathe(capProfile, 'x', 16, 50);
  p.add('gear', cap, at(cx + k * 0.081, SPROCKET.y, SPROCKET.z, 0, k > 0 ? 0 : 180, 0));
  for (let i = 0; i < 8; i++) {
    const a = (i / 8) * Math.PI * 2;
    p.add('gear', cylinder(0.014, 0.03, 'x', 6), at(cx + k * 0.1, SPROCKET.y + 0.125 * Math.sin(a), SPROCKET.z + 0.125 * Math.cos(a)));
  }
  return p;
}

const WHEEL_PROFILE: Pt[] = [
  [0, -0.024],
  [0.085, -0.024],
  [0.105, -0.032],
  [ROAD_R - 0.012, -0.032],
  [ROAD_R, -0.022],
  [ROAD_R, 0.022],
  [ROAD_R - 0.012, 0.032],
  [0.105, 0.032],
  [0.085, 0.024],
  [0, 0.024],
];

export function idler(side: 'l' | 'r', k: number): Part {
  const cx = k * TX;
  const p = new Part(`idler_${side}`, new Vector3(cx, IDLER.y, IDLER.z));
  const r = IDLER.r - RAIL_H - 0.012;
  const rimProfile: Pt[] = [
    [0.16, -0.03],
    [r - 0.014, -0.03],
    [r, -0.02],
    [r, 0.02],
    [r - 0.014, 0.03],
    [0.16, 0.03],
  ];
  for (const dx of [-RAIL_X, RAIL_X]) p.add('gear', lathe(rimProfile, 'x', 24, 50), at(cx + dx, IDLER.y, IDLER.z));
  const holes = Array.from({ length: 5 }, (_, i) =>
    ring(0.12 * Math.cos((i * 2 * Math.PI) / 5), 0.12 * Math.sin((i * 2 * Math.PI) / 5), 0.04, 8),
  );
  p.add('gear', prism(ring(0, 0, 0.2, 24), 0.14, 'x', holes, 20), at(cx, IDLER.y, IDLER.z));
  p.add('gear', cylinder(0.06, 0.34, 'x', 12), at(cx, IDLER.y, IDLER.z));
  // tensioner: yoke arms from the axle back to a sliding block, and the coil spring
  const yokeEnd = new Vector3(0, FRAME_Y1 + 0.05, 0.93);
  for (const dx of [-0.17, 0.17]) {
    p.add('gear', strut(new Vector3(cx + dx, IDLER.y, IDLER.z), new Vector3(cx + dx, yokeEnd.y, yokeEnd.z), 0.03, 0.07));
  }
  p.add('gear', box(0.37, 0.08, 0.08, 0.01), at(cx, yokeEnd.y, yokeEnd.z));
  const springZ0 = 0.42;
  const springZ1 = 0.9;
  const sy = FRAME_Y1 + 0.048;
  p.add('gear', spring(0.045, 0.011, springZ1 - springZ0, 7, 'z'), at(cx, sy, (springZ0 + springZ1) / 2));
  p.add('gear', cylinder(0.016, springZ1 - springZ0 + 0.1, 'z', 6), at(cx, sy, (springZ0 + springZ1) / 2));
  for (const z of [springZ0 - 0.01, springZ1 + 0.01]) p.add('gear', cylinder(0.06, 0.014, 'z', 12), at(cx, sy, z));
  return p;
}

export function carriage(side: 'l' | 'r', k: number, which: 'front' | 'rear'): Part {
  const cx = k * TX;
  const [z1, z2] = which === 'front' ? [ROAD_Z[2], ROAD_Z[3]] : [ROAD_Z[0], ROAD_Z[1]];
  const zc = (z1 + z2) / 2;
  const pivotY = 0.43;
  const p = new Part(`carriage_${side}_${which}`, new Vector3(cx, pivotY, zc));
  const wheel = lathe(WHEEL_PROFILE, 'x', 18, 40);
  for (const z of [z1, z2]) {
    for (const dx of [-RAIL_X, RAIL_X]) p.add('gear', wheel, at(cx + dx, ROAD_Y, z));
    p.add('gear', cylinder(0.035, 0.36, 'x', 10), at(cx, ROAD_Y, z));
  }
  // inner and outer balancers: an inverted V from each axle to the pivot, with the spring between
  for (const dx of [-0.165, 0.165]) {
    const x = cx + dx;
    for (const z of [z1, z2]) {
      p.add('gear', strut(new Vector3(x, ROAD_Y, z), new Vector3(x, pivotY, zc + (z - zc) * 0.18), 0.028, 0.075));
      p.add('gear', cylinder(0.05, 0.034, 'x', 12), at(x, ROAD_Y, z));
    }
    p.add('gear', cylinder(0.06, 0.036, 'x', 12), at(x, pivotY, zc));
  }
  for (const dx of [-0.165, 0.165]) p.add('gear', spring(0.034, 0.009, z2 - z1 - 0.18, 5, 'z'), at(cx + dx, 0.4, zc));
  p.add('gear', cylinder(0.03, 0.38, 'x', 10), at(cx, pivotY, zc));
  return p;
}

export function trackFrame(side: 'l' | 'r', k: number, layout: TrackLayout): Part {
  const cx = k * TX;
  const p = new Part(`track_frame_${side}`, new Vector3(cx, (FRAME_Y0 + FRAME_Y1) / 2, 0.05));
  const zc = 0.06;
  const len = 1.74;
  p.add('gear', box(0.15, FRAME_Y1 - FRAME_Y0, len, 0.015), at(cx, (FRAME_Y0 + FRAME_Y1) / 2, zc));
  // carriage brackets hanging below the frame
  for (const z of [(ROAD_Z[0] + ROAD_Z[1]) / 2, (ROAD_Z[2] + ROAD_Z[3]) / 2]) {
    p.add('gear', box(0.12, 0.08, 0.16, 0.01), at(cx, FRAME_Y0 - 0.02, z));
  }
  // rear pivot bearing around the final-drive axle
  p.add('gear', cylinder(0.09, 0.2, 'x', 14), at(cx, SPROCKET.y, -0.78));
  // carrier roller on a bracket
  const rz = -0.02;
  const rr = 0.07;
  const ry = layout.topRunY(rz) - rr - 0.004;
  p.add(
    'gear',
    lathe(
      [
        [0.02, -0.06],
        [rr - 0.01, -0.06],
        [rr, -0.05],
        [rr, 0.05],
        [rr - 0.01, 0.06],
        [0.02, 0.06],
      ],
      'x',
      14,
      40,
    ),
    at(cx, ry, rz),
  );
  p.add('gear', box(0.05, ry - FRAME_Y1 + 0.02, 0.06), at(cx + k * 0.09, (ry + FRAME_Y1) / 2, rz));
  p.add('gear', cylinder(0.018, 0.2, 'x', 8), at(cx + k * 0.03, ry, rz));
  return p;
}

export function trackNodePivot(k: number): Vector3 {
  return new Vector3(k * TX, 0, 0);
}

/**
 * Each shoe's placement relative to its track node: at the midpoint between its pins, x across
 * the track, y towards the inside of the loop, z along the chord in the direction of travel.
 */
export function shoeTransforms(layout: TrackLayout): Array<{ position: Vector3; quaternion: Quaternion }> {
  const basis = new Matrix4();
  return layout.shoes.map((s) => {
    basis.makeBasis(new Vector3(1, 0, 0), new Vector3(0, s.tz, -s.ty), new Vector3(0, s.ty, s.tz));
    return { position: new Vector3(0, s.y, s.z), quaternion: new Quaternion().setFromRotationMatrix(basis) };
  });
}

/** The model's extent in world space, every shoe of both tracks included. */
export function worldBounds({ parts, shoe, layout }: TractorParts): Box3 {
  const box3 = new Box3();
  const grow = (geometry: BufferGeometry, matrix: Matrix4) => {
    const pos = geometry.getAttribute('position');
    const v = new Vector3();
    for (let i = 0; i < pos.count; i++) box3.expandByPoint(v.fromBufferAttribute(pos, i).applyMatrix4(matrix));
  };
  for (const part of parts) {
    const m = new Matrix4().makeTranslation(part.pivot.x, part.pivot.y, part.pivot.z);
    for (const g of part.build().values()) grow(g, m);
  }
  const shoeGeometries = [...shoe.build().values()];
  for (const { k } of SIDES) {
    for (const { position, quaternion } of shoeTransforms(layout)) {
      const m = new Matrix4().compose(position.clone().add(trackNodePivot(k)), quaternion, new Vector3(1, 1, 1));
      for (const g of shoeGeometries) grow(g, m);
    }
  }
  return box3;
}

// ---------------------------------------------------------------- body

export function chassis(layout: TrackLayout): Part {
  const p = new Part('chassis', new Vector3(0, 0.6, 0));
  // longitudinal frame members
  for (const x of [-0.3, 0.3]) p.add('gear', box(0.09, 0.16, 2.55, 0.01), at(x, 0.36, 0.42));
  // front cross member / bumper with a towing eye
  p.add('gear', box(0.86, 0.13, 0.1, 0.02), at(0, 0.365, 1.7));
  p.add('gear', torus(0.04, 0.014, 'y', 6, 14), at(0, 0.315, 1.765));
  // front transverse spring over the track frames
  p.add('gear', box(1.6, 0.06, 0.1, 0.01), at(0, FRAME_Y1 + 0.035, 0.95));
  p.add('gear', box(1.4, 0.045, 0.09, 0.01), at(0, FRAME_Y1 + 0.085, 0.95));
  p.add('gear', box(1.1, 0.04, 0.085, 0.01), at(0, FRAME_Y1 + 0.125, 0.95));
  // engine: block, head, sump, the small starting engine on the left
  p.add('paint', box(0.5, 0.44, 1.22, 0.04), at(0, 0.66, 0.78));
  p.add('gear', box(0.42, 0.14, 1.0, 0.03), at(0, 0.37, 0.78));
  p.add('paint', cylinder(0.065, 0.24, 'z', 12), at(0.27, 0.8, 1.15));
  // clutch housing between engine and gearbox
  p.add('paint', box(0.56, 0.46, 0.6, 0.05), at(0, 0.62, -0.05));
  // gearbox and rear axle housing under the cab
  p.add('paint', box(0.86, 0.62, 1.0, 0.05), at(0, 0.63, -0.8));
  for (const k of [-1, 1]) {
    p.add(
      'paint',
      lathe(
        [
          [0, 0],
          [0.2, 0],
          [0.2, 0.1],
          [0.15, 0.2],
          [0, 0.2],
        ],
        'x',
        18,
        40,
      ),
      at(k * 0.43, SPROCKET.y, SPROCKET.z, 0, k > 0 ? 0 : 180, 0),
    );
    p.add('paint', cylinder(0.1, 0.3, 'x', 14), at(k * 0.55, SPROCKET.y, -0.78));
  }
  // cab platform and fenders over the tracks
  p.add('paint', box(1.28, 0.03, 1.02, 0.005), at(0, FENDER_Y - 0.015, -0.8));
  const fz0 = CAB.z0 - 0.16;
  const fz1 = CAB.z1;
  const frontY = layout.topRunY(-0.05) + RUN_Y + 0.06;
  const fenderProfile: Pt[] = [
    [fz0, FENDER_Y - 0.12],
    [fz0, FENDER_Y - 0.015],
    [fz0 + 0.015, FENDER_Y],
    [fz1, FENDER_Y],
    [0.0, frontY],
    [0.06, frontY - 0.06],
    [0.045, frontY - 0.065],
    [-0.015, frontY - 0.018],
    [fz1 + 0.005, FENDER_Y - 0.018],
    [fz0 + 0.018, FENDER_Y - 0.018],
    [fz0 + 0.018, FENDER_Y - 0.12],
  ];
  for (const k of [-1, 1]) {
    p.add('paint', prism(fenderProfile, 0.43, 'x', [], 20), at(k * TX, 0, 0));
    // outer lip
    p.add('paint', box(0.02, 0.06, fz1 - fz0), at(k * (TX + 0.205), FENDER_Y - 0.04, (fz0 + fz1) / 2));
  }
  // rear shelf carrying the fuel tank, braced to the rear housing
  p.add('paint', box(1.2, 0.03, 0.48, 0.005), at(0, FENDER_Y - 0.015, CAB.z0 - 0.23));
  for (const x of [-0.4, 0.4]) p.add('paint', box(0.04, 0.3, 0.36, 0.01), at(x, FENDER_Y - 0.18, CAB.z0 - 0.16));
  // crank handle
  p.add('metal', tube([new Vector3(0, 0.6, 1.62), new Vector3(0, 0.6, 1.77), new Vector3(0, 0.6, FRONT - 0.045)], 0.014, 6, 8));
  p.add('metal', cylinder(0.02, 0.11, 'y', 8), at(0, 0.545, FRONT - 0.022));
  p.add('metal', cylinder(0.012, 0.06, 'y', 6), at(0, 0.585, FRONT - 0.03));
  return p;
}

function louvres(p: Part, k: number): void {
  const z0 = -0.12;
  const z1 = 0.62;
  const y0 = 0.98;
  const y1 = 1.34;
  const x = k * HOOD.x;
  p.add('dark', box(0.006, y1 - y0, z1 - z0), at(x + k * 0.001, (y0 + y1) / 2, (z0 + z1) / 2));
  // frame around the panel
  p.add('paint', box(0.012, 0.025, z1 - z0 + 0.05), at(x + k * 0.004, y1 + 0.012, (z0 + z1) / 2));
  p.add('paint', box(0.012, 0.025, z1 - z0 + 0.05), at(x + k * 0.004, y0 - 0.012, (z0 + z1) / 2));
  p.add('paint', box(0.012, y1 - y0, 0.025), at(x + k * 0.004, (y0 + y1) / 2, z0 - 0.012));
  p.add('paint', box(0.012, y1 - y0, 0.025), at(x + k * 0.004, (y0 + y1) / 2, z1 + 0.012));
  const rows = 9;
  for (let i = 0; i < rows; i++) {
    const y = y0 + 0.02 + ((y1 - y0 - 0.04) * (i + 0.5)) / rows;
    // a wedge: flush at the top, standing out at the bottom, open downwards
    const wedge: Pt[] = [
      [0, 0.016],
      [0, -0.016],
      [0.016 * k, -0.016],
    ];
    p.add('paint', prism(k > 0 ? wedge : [...wedge].reverse(), z1 - z0 - 0.04, 'z'), at(x, y, (z0 + z1) / 2));
  }
}

export function hood(): Part {
  const zc = (HOOD.z0 + HOOD.z1) / 2;
  const p = new Part('hood', new Vector3(0, (HOOD.y0 + HOOD.y1) / 2, zc));
  const w = HOOD.x * 2;
  const h = HOOD.y1 - HOOD.y0;
  const prof = roundedRect(w, h, 0.09, 3, [false, true, true, false]).map(([x, y]) => [x, y + (HOOD.y0 + HOOD.y1) / 2] as const);
  p.add('paint', prism(prof, HOOD.z1 - HOOD.z0, 'z'), at(0, 0, zc));
  // central hinge along the top
  p.add('dark', cylinder(0.012, HOOD.z1 - HOOD.z0 - 0.04, 'z', 8), at(0, HOOD.y1 + 0.004, zc));
  for (const k of [-1, 1]) louvres(p, k);
  return p;
}

export function radiator(): Part {
  const R = RADIATOR;
  const zc = (R.z0 + R.z1) / 2;
  const yc = (R.y0 + R.y1) / 2;
  const p = new Part('radiator', new Vector3(0, yc, zc));
  const prof = roundedRect(R.x * 2, R.y1 - R.y0, 0.1, 3, [false, true, true, false]).map(([x, y]) => [x, y + yc] as const);
  p.add('paint', prism(prof, R.z1 - R.z0, 'z'), at(0, 0, zc));
  // grille: a dark core behind vertical bars in a raised frame
  const gx = 0.3;
  const gy0 = 0.58;
  const gy1 = 1.36;
  const fz = R.z1;
  p.add('dark', box(gx * 2, gy1 - gy0, 0.01), at(0, (gy0 + gy1) / 2, fz + 0.004));
  const frame = (w: number, h: number, x: number, y: number) => p.add('paint', box(w, h, 0.04, 0.008), at(x, y, fz + 0.015));
  frame(gx * 2 + 0.1, 0.05, 0, gy1 + 0.025);
  frame(gx * 2 + 0.1, 0.05, 0, gy0 - 0.025);
  frame(0.05, gy1 - gy0, gx + 0.025, (gy0 + gy1) / 2);
  frame(0.05, gy1 - gy0, -gx - 0.025, (gy0 + gy1) / 2);
  const bars = 15;
  for (let i = 0; i < bars; i++) {
    const x = -gx + (gx * 2 * (i + 0.5)) / bars;
    p.add('paint', box(0.014, gy1 - gy0, 0.03), at(x, (gy0 + gy1) / 2, fz + 0.012));
  }
  // top tank with the filler neck and cap
  p.add('paint', box(R.x * 2 - 0.12, 0.1, 0.05, 0.02), at(0, gy1 + 0.12, fz + 0.01));
  p.add('dark', cylinder(0.04, 0.07, 'y', 12), at(0, R.y1 + 0.03, zc - 0.02));
  p.add(
    'dark',
    lathe(
      [
        [0, 0],
        [0.06, 0],
        [0.06, 0.015],
        [0.045, 0.03],
        [0, 0.035],
      ],
      'y',
      14,
      50,
    ),
    at(0, R.y1 + 0.065, zc - 0.02),
  );
  // side brackets that tie the radiator to the frame
  for (const k of [-1, 1]) p.add('dark', box(0.04, 0.12, 0.12, 0.01), at(k * (R.x - 0.04), 0.42, zc));
  return p;
}

export function headlights(): Part {
  const p = new Part('headlights', new Vector3(0, 1.42, RADIATOR.z1));
  for (const k of [-1, 1]) {
    const x = k * (RADIATOR.x + 0.1);
    const y = 1.42;
    const z = RADIATOR.z1 - 0.02;
    p.add(
      'black',
      lathe(
        [
          [0, -0.06],
          [0.05, -0.055],
          [0.08, -0.02],
          [0.09, 0.03],
          [0.092, 0.045],
          [0.08, 0.045],
        ],
        'z',
        16,
        45,
      ),
      at(x, y, z),
    );
    p.add(
      'lens',
      lathe(
        [
          [0.082, 0.04],
          [0.06, 0.05],
          [0, 0.055],
        ],
        'z',
        16,
        60,
      ),
      at(x, y, z),
    );
    p.add('black', strut(new Vector3(x, y - 0.05, z - 0.03), new Vector3(k * (RADIATOR.x - 0.01), y - 0.12, z - 0.06), 0.025));
  }
  return p;
}

export function exhaust(): Part {
  const x = -0.19;
  const z = 1.12;
  const p = new Part('exhaust', new Vector3(x, 1.8, z));
  p.add('black', cylinder(0.075, 0.03, 'y', 12), at(x, HOOD.y1 + 0.01, z));
  p.add('black', cylinder(0.042, 0.62, 'y', 12), at(x, HOOD.y1 + 0.31, z));
  p.add(
    'black',
    lathe(
      [
        [0, 0],
        [0.05, 0],
        [0.078, 0.04],
        [0.078, 0.26],
        [0.05, 0.3],
        [0, 0.3],
      ],
      'y',
      14,
      40,
    ),
    at(x, 1.6, z),
  );
  // rain cap
  p.add(
    'black',
    lathe(
      [
        [0, 0],
        [0.07, 0],
        [0.06, 0.012],
        [0, 0.03],
      ],
      'y',
      12,
      60,
    ),
    at(x, HOOD.y1 + 0.62, z - 0.01, -12, 0, 0),
  );
  return p;
}

export function airCleaner(): Part {
  const x = 0.17;
  const z = 0.78;
  const p = new Part('air_cleaner', new Vector3(x, 1.72, z));
  p.add('paint', cylinder(0.038, 0.26, 'y', 12), at(x, HOOD.y1 + 0.13, z));
  p.add(
    'paint',
    lathe(
      [
        [0, 0],
        [0.085, 0],
        [0.09, 0.02],
        [0.09, 0.15],
        [0.085, 0.16],
        [0, 0.16],
      ],
      'y',
      16,
      40,
    ),
    at(x, HOOD.y1 + 0.24, z),
  );
  p.add(
    'dark',
    lathe(
      [
        [0, 0],
        [0.1, 0],
        [0.1, 0.012],
        [0.05, 0.05],
        [0, 0.055],
      ],
      'y',
      16,
      50,
    ),
    at(x, HOOD.y1 + 0.41, z),
  );
  return p;
}

// ---------------------------------------------------------------- cab

/** Rectangle corners (u0, v0)–(u1, v1) with rounded corners, as a hole. */
function windowHole(u0: number, v0: number, u1: number, v1: number, r = 0.035): Pt[] {
  return roundedRect(u1 - u0, v1 - v0, r, 2).map(([u, v]) => [u + (u0 + u1) / 2, v + (v0 + v1) / 2] as const);
}

export function cab(): Part {
  const { x: cx, z0, z1, floor, top } = CAB;
  const zc = (z0 + z1) / 2;
  const p = new Part('cab', new Vector3(0, (floor + top) / 2 + 0.05, zc));
  const t = 0.03;
  const glass = (w: number, h: number, m: Parameters<typeof at>) => p.add('glass', quad(w, h), at(...m));
  // front wall (the hood passes under its windows)
  const frontWins = [windowHole(-0.58, 1.58, -0.05, 2.1), windowHole(0.05, 1.58, 0.58, 2.1)];
  p.add(
    'paint',
    prism(
      [
        [-cx, floor],
        [cx, floor],
        [cx, top],
        [-cx, top],
      ],
      t,
      'z',
      frontWins,
    ),
    at(0, 0, z1 - t / 2),
  );
  glass(0.53, 0.52, [-0.315, 1.84, z1 - t / 2]);
  glass(0.53, 0.52, [0.315, 1.84, z1 - t / 2]);
  // rear wall
  p.add(
    'paint',
    prism(
      [
        [-cx, floor],
        [cx, floor],
        [cx, top],
        [-cx, top],
      ],
      t,
      'z',
      [windowHole(-0.46, 1.6, 0.46, 2.08)],
    ),
    at(0, 0, z0 + t / 2),
  );
  glass(0.92, 0.48, [0, 1.84, z0 + t / 2, 0, 180, 0]);
  // side walls: a door with its window, and a rear quarter window
  const sideWins = [windowHole(-0.84, 1.56, -0.42, 2.08), windowHole(-1.22, 1.56, -0.92, 2.08)];
  for (const k of [-1, 1]) {
    const x = k * (cx - t / 2);
    p.add(
      'paint',
      prism(
        [
          [z0, floor],
          [z1, floor],
          [z1, top],
          [z0, top],
        ],
        t,
        'x',
        sideWins,
      ),
      at(x, 0, 0),
    );
    glass(0.42, 0.52, [x, 1.82, -0.63, 0, k * 90, 0]);
    glass(0.3, 0.52, [x, 1.82, -1.07, 0, k * 90, 0]);
    // door seams, hinges and handle
    const xo = k * (cx + 0.003);
    p.add('dark', box(0.006, 1.14, 0.012), at(xo, floor + 0.6, -0.35));
    p.add('dark', box(0.006, 1.14, 0.012), at(xo, floor + 0.6, -0.89));
    p.add('dark', box(0.006, 0.012, 0.54), at(xo, floor + 1.17, -0.62));
    p.add('dark', box(0.03, 0.03, 0.1, 0.006), at(k * (cx + 0.01), 1.4, -0.45));
    for (const y of [1.1, 1.95]) p.add('dark', cylinder(0.015, 0.07, 'y', 8), at(k * (cx + 0.012), y, -0.9));
  }
  // corner posts
  for (const kx of [-1, 1]) {
    for (const z of [z0, z1])
      p.add('paint', box(0.06, top - floor, 0.06, 0.012), at(kx * (cx - 0.01), (floor + top) / 2, z + (z === z0 ? 0.01 : -0.01)));
  }
  // roof with a drip rail and chamfered edges
  const roofProfile: Pt[] = [
    [-0.71, top],
    [0.71, top],
    [0.72, top + 0.03],
    [0.66, HEIGHT],
    [-0.66, HEIGHT],
    [-0.72, top + 0.03],
  ];
  p.add('paint', prism(roofProfile, z1 - z0 + 0.14, 'z', [], 25), at(0, 0, zc));
  // interior: dash and floor mat
  p.add('dark', box(1.1, 0.28, 0.08, 0.02), at(0, 1.42, z1 - 0.07));
  p.add('dark', box(1.1, 0.012, 0.85), at(0, floor + 0.007, zc));
  // pedals
  for (const x of [-0.32, 0.32]) p.add('dark', box(0.08, 0.02, 0.12), at(x, floor + 0.1, z1 - 0.14, -40, 0, 0));
  return p;
}

export function seat(): Part {
  const p = new Part('seat', new Vector3(0, 1.35, -1.0));
  p.add('seat', box(0.56, 0.1, 0.42, 0.035), at(0, 1.3, -0.98));
  p.add('seat', box(0.56, 0.42, 0.09, 0.035), at(0, 1.56, -1.2, -10, 0, 0));
  p.add('seat', box(0.34, 0.3, 0.3, 0.02), at(0, 1.1, -1.0));
  return p;
}

export function levers(): Part {
  const p = new Part('levers', new Vector3(0, 1.3, -0.55));
  for (const x of [-0.13, 0.13]) {
    const a = new Vector3(x, CAB.floor + 0.02, -0.48);
    const b = new Vector3(x, CAB.floor + 0.4, -0.53);
    const c = new Vector3(x, 1.66, -0.68);
    p.add('metal', tube([a, b, c], 0.014, 6, 10));
    p.add(
      'black',
      lathe(
        [
          [0, -0.03],
          [0.03, -0.018],
          [0.032, 0.005],
          [0.024, 0.028],
          [0, 0.035],
        ],
        'y',
        10,
        60,
      ),
      at(c.x, c.y + 0.02, c.z),
    );
    p.add('black', box(0.06, 0.04, 0.08, 0.01), at(x, CAB.floor + 0.02, -0.48));
  }
  // gear lever to the right of the seat
  const g0 = new Vector3(-0.32, CAB.floor + 0.02, -0.78);
  const g1 = new Vector3(-0.3, 1.5, -0.74);
  p.add('metal', tube([g0, new Vector3(-0.31, 1.2, -0.76), g1], 0.012, 6, 8));
  p.add(
    'black',
    lathe(
      [
        [0, -0.025],
        [0.028, -0.01],
        [0.028, 0.01],
        [0, 0.028],
      ],
      'y',
      10,
      60,
    ),
    at(g1.x, g1.y + 0.02, g1.z),
  );
  return p;
}

export function fuelTank(): Part {
  const y = FENDER_Y + 0.2;
  const z = CAB.z0 - 0.23;
  const p = new Part('fuel_tank', new Vector3(0, y, z));
  const len = 1.04;
  const r = 0.19;
  const prof: Pt[] = [
    [0, -len / 2],
    [r - 0.03, -len / 2],
    [r, -len / 2 + 0.03],
    [r, len / 2 - 0.03],
    [r - 0.03, len / 2],
    [0, len / 2],
  ];
  p.add('paint', lathe(prof, 'x', 20, 50), at(0, y, z));
  for (const x of [-0.33, 0.33]) {
    p.add('dark', torus(r + 0.006, 0.008, 'x', 4, 20), at(x, y, z));
    p.add('dark', box(0.05, 0.12, 0.3, 0.01), at(x, FENDER_Y + 0.04, z));
  }
  p.add('dark', cylinder(0.035, 0.06, 'y', 12), at(0.3, y + r + 0.02, z));
  p.add('dark', cylinder(0.05, 0.02, 'y', 12), at(0.3, y + r + 0.055, z));
  return p;
}

export function drawbar(): Part {
  const rear = -LENGTH / 2;
  const y = 0.44;
  const p = new Part('drawbar', new Vector3(0, y, -1.6));
  // two side brackets from the rear housing
  for (const x of [-0.36, 0.36]) {
    p.add('gear', strut(new Vector3(x, 0.55, CAB.z0 + 0.02), new Vector3(x * 1.25, y, -1.55), 0.05, 0.1));
  }
  // the swinging bar's arc
  const pts: Vector3[] = [];
  for (let i = 0; i <= 8; i++) {
    const a = -0.62 + (1.24 * i) / 8;
    pts.push(new Vector3(0.75 * Math.sin(a), y, -0.88 - 0.75 * Math.cos(a)));
  }
  for (let i = 0; i < 8; i++) p.add('gear', strut(pts[i]!, pts[i + 1]!, 0.06, 0.05));
  // the drawbar itself: from a pivot under the housing back over the arc to the clevis
  p.add('gear', strut(new Vector3(0, y - 0.005, -1.15), new Vector3(0, y - 0.005, rear + 0.07), 0.1, 0.04));
  for (const dy of [-0.035, 0.035]) p.add('gear', box(0.12, 0.018, 0.13, 0.01), at(0, y + dy, rear + 0.065));
  p.add('gear', cylinder(0.02, 0.14, 'y', 8), at(0, y, rear + 0.05));
  p.add('gear', cylinder(0.04, 0.1, 'y', 10), at(0, y, -1.15));
  return p;
}

/** Decal quads: lettering on both hood sides and a badge on the radiator's top tank. */
export function badge(): Part {
  const p = new Part('badge', new Vector3(0, 1.3, 1.2));
  const w = 0.6;
  const h = w / 4;
  const y = 1.2;
  const z = 1.06;
  p.add('decal', quad(w, h), at(HOOD.x + 0.003, y, z, 0, 90, 0));
  p.add('decal', quad(w, h), at(-HOOD.x - 0.003, y, z, 0, -90, 0));
  p.add('decal', quad(0.4, 0.1), at(0, 1.48, RADIATOR.z1 + 0.037));
  return p;
}

export interface TractorParts {
  parts: Part[];
  shoe: Part;
  layout: TrackLayout;
}

export function buildParts(): TractorParts {
  const layout = trackLayout();
  const parts: Part[] = [
    chassis(layout),
    hood(),
    radiator(),
    headlights(),
    exhaust(),
    airCleaner(),
    cab(),
    seat(),
    levers(),
    fuelTank(),
    drawbar(),
    badge(),
  ];
  for (const { s, k } of SIDES) {
    parts.push(trackFrame(s, k, layout), sprocket(s, k, layout), idler(s, k), carriage(s, k, 'front'), carriage(s, k, 'rear'));
  }
  return { parts, shoe: shoeGeometry(), layout };
}
