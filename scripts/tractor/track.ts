/**
 * The track loop: a belt around the road wheels, the idler and the sprocket, in the side plane
 * (z forward, y up), and the pins that divide it into shoes.
 */

export interface Circle {
  z: number;
  y: number;
  r: number;
}

interface Line {
  kind: 'line';
  z0: number;
  y0: number;
  z1: number;
  y1: number;
  length: number;
}

interface Arc {
  kind: 'arc';
  c: Circle;
  a0: number;
  sweep: number;
  length: number;
}

type Segment = Line | Arc;

/** Outward normal angle of the external tangent from a to b, for a loop run counter-clockwise. */
function tangentNormal(a: Circle, b: Circle): number {
  const dz = b.z - a.z;
  const dy = b.y - a.y;
  const d = Math.hypot(dz, dy);
  const uz = dz / d;
  const uy = dy / d;
  const k = (a.r - b.r) / d;
  const s = Math.sqrt(1 - k * k);
  // right-hand perpendicular of (uz, uy) is (uy, -uz)
  const nz = uz * k + uy * s;
  const ny = uy * k - uz * s;
  return Math.atan2(ny, nz);
}

/** The belt around circles given counter-clockwise (z right, y up), as lines and arcs. */
export function beltSegments(circles: readonly Circle[]): Segment[] {
  const n = circles.length;
  const normals = circles.map((c, i) => tangentNormal(c, circles[(i + 1) % n]!));
  const segs: Segment[] = [];
  for (let i = 0; i < n; i++) {
    const a = circles[i]!;
    const b = circles[(i + 1) % n]!;
    const na = normals[i]!;
    const z0 = a.z + a.r * Math.cos(na);
    const y0 = a.y + a.r * Math.sin(na);
    const z1 = b.z + b.r * Math.cos(na);
    const y1 = b.y + b.r * Math.sin(na);
    segs.push({ kind: 'line', z0, y0, z1, y1, length: Math.hypot(z1 - z0, y1 - y0) });
    const nb = normals[(i + 1) % n]!;
    let sweep = nb - na;
    while (sweep < 0) sweep += Math.PI * 2;
    while (sweep >= Math.PI * 2) sweep -= Math.PI * 2;
    segs.push({ kind: 'arc', c: b, a0: na, sweep, length: sweep * b.r });
  }
  return segs;
}

export function beltLength(segs: readonly Segment[]): number {
  return segs.reduce((sum, s) => sum + s.length, 0);
}

/** The point at arc length s along the belt. */
export function pointAt(segs: readonly Segment[], s: number): { z: number; y: number } {
  const total = beltLength(segs);
  let rest = ((s % total) + total) % total;
  for (const seg of segs) {
    if (rest <= seg.length || seg === segs[segs.length - 1]) {
      if (seg.kind === 'line') {
        const t = seg.length > 0 ? rest / seg.length : 0;
        return { z: seg.z0 + (seg.z1 - seg.z0) * t, y: seg.y0 + (seg.y1 - seg.y0) * t };
      }
      const a = seg.a0 + (seg.length > 0 ? (rest / seg.length) * seg.sweep : 0);
      return { z: seg.c.z + seg.c.r * Math.cos(a), y: seg.c.y + seg.c.r * Math.sin(a) };
    }
    rest -= seg.length;
  }
  throw new Error('unreachable');
}

export interface Shoe {
  /** Midpoint between its two pins. */
  z: number;
  y: number;
  /** Unit direction of travel (from pin k to pin k+1). */
  tz: number;
  ty: number;
}

/** Divides the belt into n shoes; returns the pins and the shoes between them. */
export function shoesOnBelt(segs: readonly Segment[], n: number, phase = 0): { pins: Array<{ z: number; y: number }>; shoes: Shoe[] } {
  const total = beltLength(segs);
  const pins = Array.from({ length: n }, (_, k) => pointAt(segs, phase + (k * total) / n));
  const shoes = pins.map((p, k) => {
    const q = pins[(k + 1) % n]!;
    const dz = q.z - p.z;
    const dy = q.y - p.y;
    const d = Math.hypot(dz, dy);
    return { z: (p.z + q.z) / 2, y: (p.y + q.y) / 2, tz: dz / d, ty: dy / d };
  });
  return { pins, shoes };
}
