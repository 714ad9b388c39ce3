/**
 * Shared drawing helpers for the exhibit illustrations.
 *
 * Everything here is deterministic: randomness comes only from seeded
 * generators (mulberry32 seeded by an FNV-1a hash of a name), never from
 * Math.random or the clock, so every run produces the same pixels.
 */
import sharp from 'sharp';

export type Pt = [number, number];

export const W = 1920;
export const H = 1080;

/** Archive palette. */
export const PAL = {
  paper: '#efe6d2',
  paper2: '#e4d6b8',
  paper3: '#d8c7a3',
  paperLight: '#f6f0e2',
  ink: '#2b2622',
  inkSoft: '#5a5047',
  inkFaint: '#8a7d6c',
  red: '#b3261e',
  redSoft: '#c9584c',
  redPale: '#e2a99a',
  green: '#6f8a5a',
  greenPale: '#b9c4a0',
  greenDark: '#4f6840',
  blue: '#4c6a85',
  bluePale: '#a9b8c2',
  blueDark: '#2f4860',
  brick: '#9a4b35',
  brickDark: '#7a3a29',
  brickLight: '#b86a50',
  stone: '#a9a398',
  stoneLight: '#c4beb2',
  stoneDark: '#7d776d',
} as const;

// ---------------------------------------------------------------- random

/** FNV-1a hash of a string, used to derive independent seeds per element. */
export function seedOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Small seeded generator (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number | string) {
    this.s = (typeof seed === 'string' ? seedOf(seed) : seed) >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return Math.floor(this.range(a, b + 1));
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Approximately normal, mean 0, sd 1. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.732;
  }
}

// ---------------------------------------------------------------- svg text

/** Format a number compactly for SVG. */
export function n(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${typeof v === 'number' ? n(v) : v}"`)
    .join(' ');
}

export function polyD(pts: readonly Pt[], closed = false): string {
  if (pts.length === 0) return '';
  let d = `M${n(pts[0]![0])} ${n(pts[0]![1])}`;
  for (let i = 1; i < pts.length; i++) d += `L${n(pts[i]![0])} ${n(pts[i]![1])}`;
  return closed ? d + 'Z' : d;
}

/** Catmull-Rom spline through the points, as cubic Bezier path data. */
export function smoothD(pts: readonly Pt[], closed = false, tension = 0.5): string {
  const m = pts.length;
  if (m < 3) return polyD(pts, closed);
  const get = (i: number): Pt => {
    if (closed) return pts[((i % m) + m) % m]!;
    return pts[Math.max(0, Math.min(m - 1, i))]!;
  };
  let d = `M${n(pts[0]![0])} ${n(pts[0]![1])}`;
  const segs = closed ? m : m - 1;
  const k = tension / 3;
  for (let i = 0; i < segs; i++) {
    const p0 = get(i - 1),
      p1 = get(i),
      p2 = get(i + 1),
      p3 = get(i + 2);
    const c1: Pt = [p1[0] + (p2[0] - p0[0]) * k, p1[1] + (p2[1] - p0[1]) * k];
    const c2: Pt = [p2[0] - (p3[0] - p1[0]) * k, p2[1] - (p3[1] - p1[1]) * k];
    d += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
  }
  return closed ? d + 'Z' : d;
}

/**
 * Resample a polyline into short steps and nudge each point sideways by a
 * smooth random amount: the slight unsteadiness of a drafting pen.
 */
export function wobble(pts: readonly Pt[], rng: Rng, amp = 0.7, step = 30, closed = false): Pt[] {
  const src = closed ? [...pts, pts[0]!] : [...pts];
  const out: Pt[] = [];
  let drift = 0;
  for (let i = 0; i < src.length - 1; i++) {
    const a = src[i]!,
      b = src[i + 1]!;
    const dx = b[0] - a[0],
      dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    const steps = Math.max(1, Math.round(len / step));
    const nx = len ? -dy / len : 0,
      ny = len ? dx / len : 0;
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const isCorner = s === 0;
      drift = drift * 0.6 + rng.normal() * amp * 0.5;
      const o = isCorner ? drift * 0.3 : drift;
      out.push([a[0] + dx * t + nx * o, a[1] + dy * t + ny * o]);
    }
  }
  if (!closed) out.push(src[src.length - 1]!);
  return out;
}

/** A hand-drawn line from a to b (path element). */
export function inkLine(a: Pt, b: Pt, rng: Rng, style: Record<string, string | number | undefined>, amp = 0.6): string {
  const pts = wobble([a, b], rng, amp, 40);
  return `<path d="${smoothD(pts)}" ${attrs({ fill: 'none', 'stroke-linecap': 'round', ...style })}/>`;
}

/** Slightly irregular rectangle corners. */
export function rectPts(x: number, y: number, w: number, h: number, rng?: Rng, j = 0.8): Pt[] {
  const q = () => (rng ? rng.normal() * j : 0);
  return [
    [x + q(), y + q()],
    [x + w + q(), y + q()],
    [x + w + q(), y + h + q()],
    [x + q(), y + h + q()],
  ];
}

/** Hand-drawn rectangle: fill (optional pattern overlay) and a pen outline. */
export function sketchRect(
  x: number,
  y: number,
  w: number,
  h: number,
  rng: Rng,
  o: {
    fill?: string;
    pattern?: string;
    stroke?: string;
    sw?: number;
    opacity?: number;
    amp?: number;
    dash?: string;
    overshoot?: boolean;
  } = {},
): string {
  const pts = rectPts(x, y, w, h, rng, 0.5);
  const outline = wobble(pts, rng, o.amp ?? 0.5, 40, true);
  const d = polyD(outline, true);
  let s = '';
  const op = o.opacity !== undefined ? ` opacity="${o.opacity}"` : '';
  if (o.fill) s += `<path d="${d}" fill="${o.fill}"${op}/>`;
  if (o.pattern) s += `<path d="${d}" fill="url(#${o.pattern})"/>`;
  if (o.stroke) {
    s += `<path d="${d}" ${attrs({
      fill: 'none',
      stroke: o.stroke,
      'stroke-width': o.sw ?? 1.4,
      'stroke-linejoin': 'round',
      'stroke-dasharray': o.dash,
    })}/>`;
    if (o.overshoot) {
      // drafting overshoot: lines run a little past the corners
      const e = 5;
      const [p0, p1, , p3] = pts as [Pt, Pt, Pt, Pt];
      s += `<path d="M${n(p0[0] - e)} ${n(p0[1])}L${n(p0[0])} ${n(p0[1])}M${n(p0[0])} ${n(
        p0[1] - e,
      )}L${n(p0[0])} ${n(p0[1])}M${n(p1[0] + e)} ${n(p1[1])}L${n(p1[0])} ${n(p1[1])}M${n(p3[0])} ${n(
        p3[1] + e,
      )}L${n(p3[0])} ${n(p3[1])}" stroke="${o.stroke}" stroke-width="${n((o.sw ?? 1.4) * 0.7)}" fill="none"/>`;
    }
  }
  return s;
}

// ---------------------------------------------------------------- document

export class Doc {
  readonly w: number;
  readonly h: number;
  private defs: string[] = [];
  private body: string[] = [];
  private ids = new Set<string>();
  constructor(w = W, h = H) {
    this.w = w;
    this.h = h;
  }
  def(id: string, s: string): string {
    if (!this.ids.has(id)) {
      this.ids.add(id);
      this.defs.push(s);
    }
    return id;
  }
  add(...s: string[]): void {
    this.body.push(...s);
  }
  toString(): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.w}" height="${this.h}" ` +
      `viewBox="0 0 ${this.w} ${this.h}"><defs>${this.defs.join('')}</defs>${this.body.join('\n')}</svg>`
    );
  }

  /** Line hatching pattern. */
  hatch(id: string, color: string, angle = 45, spacing = 6, width = 0.8, opacity = 1): string {
    // Snap the spacing so that the lines repeat after a whole number of pixels
    // along a row (or column): crisper, and much cheaper to encode.
    const sin = Math.abs(Math.sin((angle * Math.PI) / 180));
    const cos = Math.abs(Math.cos((angle * Math.PI) / 180));
    const k = Math.max(sin, cos);
    spacing = Math.max(1, Math.round(spacing / k)) * k;
    return this.def(
      id,
      `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${n(spacing)}" height="${n(spacing)}" ` +
        `patternTransform="rotate(${n(angle)})"><line x1="0" y1="${n(spacing / 2)}" x2="${n(
          spacing,
        )}" y2="${n(spacing / 2)}" stroke="${color}" stroke-width="${n(width)}" opacity="${opacity}"/></pattern>`,
    );
  }

  /** Cross hatching pattern. */
  crossHatch(id: string, color: string, angle = 45, spacing = 7, width = 0.7, opacity = 1): string {
    return this.def(
      id,
      `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${n(spacing)}" height="${n(spacing)}" ` +
        `patternTransform="rotate(${n(angle)})"><g stroke="${color}" stroke-width="${n(width)}" opacity="${opacity}">` +
        `<line x1="0" y1="${n(spacing / 2)}" x2="${n(spacing)}" y2="${n(spacing / 2)}"/>` +
        `<line x1="${n(spacing / 2)}" y1="0" x2="${n(spacing / 2)}" y2="${n(spacing)}"/></g></pattern>`,
    );
  }

  /** Stipple pattern (dots). */
  dots(id: string, color: string, spacing = 8, r = 0.9, opacity = 1): string {
    const s = spacing;
    return this.def(
      id,
      `<pattern id="${id}" patternUnits="userSpaceOnUse" width="${n(s)}" height="${n(s)}">` +
        `<g fill="${color}" opacity="${opacity}"><circle cx="${n(s * 0.25)}" cy="${n(s * 0.25)}" r="${n(r)}"/>` +
        `<circle cx="${n(s * 0.75)}" cy="${n(s * 0.75)}" r="${n(r)}"/></g></pattern>`,
    );
  }

  linear(id: string, stops: [number, string, number?][], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    return this.def(
      id,
      `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">` +
        stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a !== undefined ? ` stop-opacity="${a}"` : ''}/>`).join('') +
        `</linearGradient>`,
    );
  }

  radial(id: string, stops: [number, string, number?][], cx = 0.5, cy = 0.5, r = 0.5): string {
    return this.def(
      id,
      `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">` +
        stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a !== undefined ? ` stop-opacity="${a}"` : ''}/>`).join('') +
        `</radialGradient>`,
    );
  }

  blur(id: string, sd: number): string {
    return this.def(id, `<filter id="${id}" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="${sd}"/></filter>`);
  }
}

// ---------------------------------------------------------------- paper

export interface PaperOpts {
  base?: string;
  edge?: string;
  seed?: number;
  /** strength of the fine grain, 0..1 */
  grain?: number;
  /** strength of the large soft mottling, 0..1 */
  mottle?: number;
  speckles?: number;
  /** speckle colour */
  speck?: string;
}

/** Paper ground: base tone, soft darker edges and large-scale mottling. */
export function paperGround(doc: Doc, o: PaperOpts = {}): void {
  const base = o.base ?? PAL.paper;
  const edge = o.edge ?? PAL.paper2;
  const seed = o.seed ?? 7;
  doc.radial(
    'paperVignette',
    [
      [0, base, 0],
      [0.62, base, 0],
      [1, edge, 1],
    ],
    0.5,
    0.5,
    0.75,
  );
  doc.def(
    'mottle',
    `<filter id="mottle" x="0" y="0" width="100%" height="100%" color-interpolation-filters="sRGB">` +
      `<feTurbulence type="fractalNoise" baseFrequency="0.0035 0.005" numOctaves="3" seed="${seed}"/>` +
      `<feColorMatrix type="matrix" values="0 0 0 0 0.45  0 0 0 0 0.36  0 0 0 0 0.22  1.1 0 0 0 -0.42"/>` +
      `</filter>`,
  );
  doc.add(`<rect width="${doc.w}" height="${doc.h}" fill="${base}"/>`);
  doc.add(`<rect width="${doc.w}" height="${doc.h}" fill="url(#paperVignette)"/>`);
  const m = o.mottle ?? 0.35;
  if (m > 0) doc.add(`<rect width="${doc.w}" height="${doc.h}" filter="url(#mottle)" opacity="${n(m * 0.45)}"/>`);
}

/** Grain laid over the finished drawing, so the ink sits "in" the paper. */
export function paperGrain(doc: Doc, o: PaperOpts = {}): void {
  const seed = o.seed ?? 7;
  const g = o.grain ?? 0.5;
  if (g > 0) {
    doc.def(
      'grain',
      `<filter id="grain" x="0" y="0" width="100%" height="100%" color-interpolation-filters="sRGB">` +
        `<feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="1" seed="${seed + 11}"/>` +
        `<feColorMatrix type="matrix" values="0 0 0 0 0.2  0 0 0 0 0.16  0 0 0 0 0.12  0 0 -2.2 0 1.25"/>` +
        `</filter>`,
    );
    doc.add(`<rect width="${doc.w}" height="${doc.h}" filter="url(#grain)" opacity="${n(g * 0.35)}"/>`);
  }
  const count = o.speckles ?? 900;
  if (count > 0) {
    const r = new Rng(seed * 7919 + 3);
    const col = o.speck ?? PAL.ink;
    let dots = '';
    for (let i = 0; i < count; i++) {
      const x = r.range(0, doc.w),
        y = r.range(0, doc.h);
      const big = r.chance(0.04);
      const rad = big ? r.range(0.9, 1.8) : r.range(0.35, 0.9);
      const op = big ? r.range(0.12, 0.3) : r.range(0.1, 0.35);
      dots += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(rad)}" opacity="${n(op)}"/>`;
    }
    // a few paper fibres
    let fib = '';
    for (let i = 0; i < count / 12; i++) {
      const x = r.range(0, doc.w),
        y = r.range(0, doc.h);
      const a = r.range(0, Math.PI * 2),
        l = r.range(6, 22);
      const mx = x + Math.cos(a) * l * 0.5 + r.normal() * 2,
        my = y + Math.sin(a) * l * 0.5 + r.normal() * 2;
      fib += `<path d="M${n(x)} ${n(y)}Q${n(mx)} ${n(my)} ${n(x + Math.cos(a) * l)} ${n(y + Math.sin(a) * l)}" opacity="${n(
        r.range(0.06, 0.16),
      )}"/>`;
    }
    doc.add(`<g fill="${col}">${dots}</g>`);
    doc.add(`<g fill="none" stroke="${col}" stroke-width="0.6">${fib}</g>`);
  }
}

/** Double ruled sheet border of an archival drawing. */
export function sheetBorder(doc: Doc, inset = 34, color: string = PAL.ink, rng = new Rng('border')): void {
  const w = doc.w,
    h = doc.h;
  doc.add(sketchRect(inset, inset, w - inset * 2, h - inset * 2, rng, { stroke: color, sw: 2.2, amp: 0.4 }));
  doc.add(sketchRect(inset + 8, inset + 8, w - (inset + 8) * 2, h - (inset + 8) * 2, rng, { stroke: color, sw: 0.9, amp: 0.4 }));
}

/** North arrow (no letter): a split diamond needle with a small circle. */
export function northArrow(cx: number, cy: number, size: number, ink: string = PAL.ink, accent: string = PAL.red): string {
  const s = size;
  return (
    `<g>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(s * 0.42)}" fill="none" stroke="${ink}" stroke-width="1.1"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(s * 0.36)}" fill="none" stroke="${ink}" stroke-width="0.6"/>` +
    `<path d="M${n(cx)} ${n(cy - s)}L${n(cx + s * 0.16)} ${n(cy)}L${n(cx)} ${n(cy)}Z" fill="${accent}"/>` +
    `<path d="M${n(cx)} ${n(cy - s)}L${n(cx - s * 0.16)} ${n(cy)}L${n(cx)} ${n(cy)}Z" fill="${ink}"/>` +
    `<path d="M${n(cx)} ${n(cy + s * 0.7)}L${n(cx + s * 0.16)} ${n(cy)}L${n(cx - s * 0.16)} ${n(cy)}Z" fill="none" stroke="${ink}" stroke-width="1"/>` +
    `</g>`
  );
}

/** Scale bar: alternating filled/empty segments, no numbers. */
export function scaleBar(x: number, y: number, seg: number, count: number, ink: string = PAL.ink): string {
  let s = `<g stroke="${ink}" stroke-width="1">`;
  for (let i = 0; i < count; i++) {
    s += `<rect x="${n(x + i * seg)}" y="${n(y)}" width="${n(seg)}" height="7" fill="${i % 2 ? 'none' : ink}"/>`;
  }
  for (let i = 0; i <= count; i++) s += `<line x1="${n(x + i * seg)}" y1="${n(y - 4)}" x2="${n(x + i * seg)}" y2="${n(y)}"/>`;
  return s + `</g>`;
}

// ---------------------------------------------------------------- geometry

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpPt(a: Pt, b: Pt, t: number): Pt {
  return [lerp(a[0], b[0], t), lerp(a[1], b[1], t)];
}

/** Points along a quadratic Bezier. */
export function quadPts(a: Pt, c: Pt, b: Pt, steps = 40): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
  }
  return out;
}

// ---------------------------------------------------------------- output

export interface SaveOpts {
  quality?: number;
  lossless?: boolean;
}

/** Rasterise SVG and encode it as WebP. Returns the file size in bytes. */
export async function renderWebp(svg: string, file: string, o: SaveOpts = {}): Promise<number> {
  const img = sharp(Buffer.from(svg), { density: 72, limitInputPixels: false }).flatten({ background: PAL.paper });
  const info = await img
    .webp(o.lossless ? { lossless: true, effort: 6 } : { quality: o.quality ?? 82, effort: 6, smartSubsample: true })
    .toFile(file);
  return info.size;
}

/** Rasterise SVG to raw RGB (used for checks). */
export async function renderRaw(svg: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 72 })
    .flatten({ background: PAL.paper })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
