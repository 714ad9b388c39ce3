/**
 * Small geometry kit for the tractor: three.js primitives placed in world space (metres, +Y up,
 * front +Z) and collected per material, so that each named part becomes one mesh with one
 * primitive per material.
 */
import {
  BufferAttribute,
  BufferGeometry,
  CatmullRomCurve3,
  Curve,
  CylinderGeometry,
  Euler,
  ExtrudeGeometry,
  LatheGeometry,
  Matrix4,
  Quaternion,
  Shape,
  TorusGeometry,
  TubeGeometry,
  Vector2,
  Vector3,
} from 'three';
import { mergeGeometries, toCreasedNormals } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

export type MaterialKey = 'paint' | 'gear' | 'steel' | 'black' | 'metal' | 'dark' | 'glass' | 'seat' | 'lens' | 'decal';

export type Pt = readonly [number, number];
export type Axis = 'x' | 'y' | 'z';

const DEG = Math.PI / 180;

/** Keeps only position and normal (and uv when asked), as a non-indexed geometry. */
function normalise(geometry: BufferGeometry, keepUv: boolean): BufferGeometry {
  let g = geometry.index ? geometry.toNonIndexed() : geometry;
  for (const name of Object.keys(g.attributes)) {
    if (name === 'position' || name === 'normal' || (keepUv && name === 'uv')) continue;
    g.deleteAttribute(name);
  }
  if (!g.getAttribute('normal')) g.computeVertexNormals();
  if (keepUv && !g.getAttribute('uv')) {
    g.setAttribute('uv', new BufferAttribute(new Float32Array(g.getAttribute('position').count * 2), 2));
  }
  g = g.clone();
  g.clearGroups();
  return g;
}

/** A named part under construction: geometry per material, in world space. */
export class Part {
  readonly byMaterial = new Map<MaterialKey, BufferGeometry[]>();

  constructor(
    readonly name: string,
    /** The node's origin in world space (a wheel's axle, a lever's pivot). */
    readonly pivot: Vector3 = new Vector3(),
  ) {}

  add(material: MaterialKey, geometry: BufferGeometry, matrix?: Matrix4): this {
    const g = normalise(geometry, material === 'decal');
    if (matrix) g.applyMatrix4(matrix);
    const list = this.byMaterial.get(material) ?? [];
    list.push(g);
    this.byMaterial.set(material, list);
    return this;
  }

  /** Merged geometry per material, relative to the pivot. */
  build(): Map<MaterialKey, BufferGeometry> {
    const out = new Map<MaterialKey, BufferGeometry>();
    const shift = new Matrix4().makeTranslation(-this.pivot.x, -this.pivot.y, -this.pivot.z);
    for (const [key, list] of this.byMaterial) {
      const merged = mergeGeometries(list, false);
      if (!merged) throw new Error(`cannot merge ${this.name}/${key}`);
      merged.applyMatrix4(shift);
      out.set(key, merged);
    }
    return out;
  }
}

/** Translation + optional rotation (Euler XYZ in degrees) + optional uniform scale. */
export function at(x: number, y: number, z: number, rx = 0, ry = 0, rz = 0, s = 1): Matrix4 {
  const q = new Quaternion().setFromEuler(new Euler(rx * DEG, ry * DEG, rz * DEG, 'XYZ'));
  return new Matrix4().compose(new Vector3(x, y, z), q, new Vector3(s, s, s));
}

/** Rotation taking +Y to the given axis. */
function axisFromY(axis: Axis): Matrix4 {
  if (axis === 'x') return new Matrix4().makeRotationZ(-Math.PI / 2);
  if (axis === 'z') return new Matrix4().makeRotationX(Math.PI / 2);
  return new Matrix4();
}

/** A box centred at the origin. */
export function box(w: number, h: number, d: number, chamfer = 0): BufferGeometry {
  if (chamfer <= 0) {
    const hw = w / 2;
    const hh = h / 2;
    return prism(
      [
        [-hw, -hh],
        [hw, -hh],
        [hw, hh],
        [-hw, hh],
      ],
      d,
      'z',
    );
  }
  return prism(chamferedRect(w, h, chamfer), d, 'z');
}

/** The corners of a w × h rectangle centred on the origin with its corners cut by c. */
export function chamferedRect(w: number, h: number, c: number): Pt[] {
  const hw = w / 2;
  const hh = h / 2;
  return [
    [-hw + c, -hh],
    [hw - c, -hh],
    [hw, -hh + c],
    [hw, hh - c],
    [hw - c, hh],
    [-hw + c, hh],
    [-hw, hh - c],
    [-hw, -hh + c],
  ];
}

/** A rectangle with its corners rounded (radius r, n segments per corner). */
export function roundedRect(w: number, h: number, r: number, n = 3, corners = [true, true, true, true]): Pt[] {
  const hw = w / 2;
  const hh = h / 2;
  const pts: Pt[] = [];
  const centres: Array<[number, number, number]> = [
    [hw - r, -hh + r, -90],
    [hw - r, hh - r, 0],
    [-hw + r, hh - r, 90],
    [-hw + r, -hh + r, 180],
  ];
  const sharp: Pt[] = [
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
    [-hw, -hh],
  ];
  centres.forEach(([cx, cy, a0], i) => {
    if (!corners[i]) {
      pts.push(sharp[i]!);
      return;
    }
    for (let k = 0; k <= n; k++) {
      const a = (a0 + (90 * k) / n) * DEG;
      pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  });
  return pts;
}

/**
 * Extrudes a 2D profile, centred on the extrusion axis.
 * axis 'z': profile (x, y); axis 'x': profile (z, y); axis 'y': profile (x, z).
 * Smooth normals across edges under the crease angle, flat across sharper ones.
 */
export function prism(profile: readonly Pt[], depth: number, axis: Axis, holes: Pt[][] = [], crease = 35): BufferGeometry {
  const flip = axis === 'x';
  const toV = (p: Pt) => new Vector2(flip ? -p[0] : p[0], p[1]);
  const shape = new Shape(profile.map(toV));
  for (const h of holes) shape.holes.push(new Shape(h.map(toV)));
  const g = new ExtrudeGeometry(shape, { depth, bevelEnabled: false, curveSegments: 1 });
  g.translate(0, 0, -depth / 2);
  if (axis === 'x') g.rotateY(Math.PI / 2);
  if (axis === 'y') g.rotateX(Math.PI / 2);
  return toCreasedNormals(g, crease * DEG);
}

/** A cylinder along an axis, centred on the origin. */
export function cylinder(r: number, length: number, axis: Axis, segments = 16, rTop = r): BufferGeometry {
  const g = new CylinderGeometry(rTop, r, length, segments, 1, false);
  g.applyMatrix4(axisFromY(axis));
  return g;
}

/**
 * A body of revolution from a (radius, height) profile, around an axis, centred on the origin.
 * Crease-normals so that flat faces of wheels stay flat.
 */
export function lathe(profile: readonly Pt[], axis: Axis, segments = 20, crease = 40): BufferGeometry {
  const g = new LatheGeometry(
    profile.map(([r, h]) => new Vector2(Math.max(r, 1e-5), h)),
    segments,
  );
  g.applyMatrix4(axisFromY(axis));
  return toCreasedNormals(g, crease * DEG);
}

/** A round tube along points (a bent rod, a handle). */
export function tube(points: Vector3[], radius: number, radial = 6, tubular = 0, closed = false): BufferGeometry {
  const curve = new CatmullRomCurve3(points, closed, 'catmullrom', 0.05);
  return new TubeGeometry(curve, tubular || points.length * 6, radius, radial, closed);
}

/** A coil spring along +Y from 0 to length. */
export function spring(radius: number, wire: number, length: number, turns: number, axis: Axis): BufferGeometry {
  class Helix extends Curve<Vector3> {
    constructor() {
      super();
    }

    override getPoint(t: number, target = new Vector3()): Vector3 {
      const a = t * turns * Math.PI * 2;
      return target.set(radius * Math.cos(a), t * length - length / 2, radius * Math.sin(a));
    }
  }
  const g = new TubeGeometry(new Helix(), Math.round(turns * 10), wire, 5, false);
  g.applyMatrix4(axisFromY(axis));
  return g;
}

export function torus(r: number, tubeR: number, axis: Axis, radial = 6, tubular = 20): BufferGeometry {
  const g = new TorusGeometry(r, tubeR, radial, tubular);
  // Torus lies in XY (axis +Z); turn it so its axis is the asked one.
  if (axis === 'x') g.rotateY(Math.PI / 2);
  if (axis === 'y') g.rotateX(Math.PI / 2);
  return g;
}

/** A flat quad facing +Z, centred on the origin; uv in glTF's convention (v = 0 at the top). */
export function quad(w: number, h: number): BufferGeometry {
  const g = new BufferGeometry();
  const hw = w / 2;
  const hh = h / 2;
  g.setAttribute('position', new BufferAttribute(new Float32Array([-hw, -hh, 0, hw, -hh, 0, hw, hh, 0, -hw, hh, 0]), 3));
  g.setAttribute('normal', new BufferAttribute(new Float32Array([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]), 3));
  g.setAttribute('uv', new BufferAttribute(new Float32Array([0, 1, 1, 1, 1, 0, 0, 0]), 2));
  g.setIndex([0, 1, 2, 0, 2, 3]);
  return g;
}

/** A box spanning two points (a strut or a bar), with a square w × h section. */
export function strut(a: Vector3, b: Vector3, w: number, h: number = w): BufferGeometry {
  const dir = new Vector3().subVectors(b, a);
  const len = dir.length();
  const g = box(w, h, len);
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, 1), dir.normalize());
  g.applyMatrix4(new Matrix4().compose(new Vector3().addVectors(a, b).multiplyScalar(0.5), q, new Vector3(1, 1, 1)));
  return g;
}

export { Vector3 };
