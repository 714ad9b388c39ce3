/**
 * Stylised maps: Eurasia with the Kharkiv - Moscow - Luoyang routes, and a
 * borderless East Asia with Luoyang marked. Neither map draws any borders.
 */
import { Doc, PAL, Rng, type Pt, n, smoothD, polyD, paperGround, paperGrain, lerpPt, quadPts } from './lib.ts';
import {
  EURASIA,
  ISLANDS,
  LAKES,
  RIVERS,
  MOUNTAINS,
  CITIES,
  RAILWAY,
  YELLOW_RIVER,
  YANGTZE,
  lambert,
  equirect,
  fitProjector,
  densify,
} from './geo.ts';

type Proj = (p: Pt) => Pt;

const SEA = '#d3dad3';
const LAND = '#f1e8d3';

function shapeD(pts: readonly Pt[], proj: Proj, closed = true): string {
  return smoothD(densify(pts, 1.5).map(proj), closed, 0.4);
}

/** Water-lines: concentric strokes along the coast, as on engraved maps. */
function coastRipples(d: Doc, landD: string, rings = 4, gap = 7): void {
  for (let k = rings; k >= 1; k--) {
    const w = k * gap * 2;
    d.add(
      `<path d="${landD}" fill="none" stroke="${PAL.blue}" stroke-opacity="${n(0.1 + 0.22 * (1 - k / (rings + 1)))}" stroke-width="${w + 1.6}" stroke-linejoin="round"/>`,
    );
    d.add(`<path d="${landD}" fill="none" stroke="${SEA}" stroke-width="${w}" stroke-linejoin="round"/>`);
  }
}

function graticule(d: Doc, proj: Proj, lons: number[], lats: number[], lonRange: [number, number], latRange: [number, number]): void {
  let s = '';
  for (const lon of lons) {
    const pts: Pt[] = [];
    for (let lat = latRange[0]; lat <= latRange[1]; lat += 2) pts.push(proj([lon, lat]));
    s += polyD(pts);
  }
  for (const lat of lats) {
    const pts: Pt[] = [];
    for (let lon = lonRange[0]; lon <= lonRange[1]; lon += 2) pts.push(proj([lon, lat]));
    s += smoothD(pts);
  }
  d.add(`<path d="${s}" fill="none" stroke="${PAL.inkSoft}" stroke-width="0.8" opacity="0.28"/>`);
}

function mountains(chains: Pt[][], proj: Proj, seed: string, size = 7, spacing = 13): string {
  const r = new Rng(seed);
  let s = '';
  for (const chain of chains) {
    const pts = densify(chain, 0.25).map(proj);
    let acc = 0;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!,
        b = pts[i]!;
      acc += Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (acc < spacing) continue;
      acc = 0;
      for (const off of [-1, 1]) {
        if (r.chance(0.35)) continue;
        const x = b[0] + r.normal() * 2,
          y = b[1] + off * size * 0.55 + r.normal() * 1.5;
        const h = size * r.range(0.7, 1.15),
          w = h * 0.9;
        s += `M${n(x - w)} ${n(y + h * 0.5)}L${n(x)} ${n(y - h * 0.5)}L${n(x + w)} ${n(y + h * 0.5)}`;
        // shaded flank
        s += `M${n(x + w * 0.25)} ${n(y - h * 0.05)}L${n(x + w * 0.55)} ${n(y + h * 0.45)}`;
      }
    }
  }
  return `<path d="${s}" fill="none" stroke="${PAL.inkSoft}" stroke-width="1" stroke-linejoin="round" opacity="0.55"/>`;
}

function railway(pts: Pt[], w = 5): string {
  const dd = smoothD(pts, false, 0.5);
  return (
    `<path d="${dd}" fill="none" stroke="${PAL.paperLight}" stroke-width="${w + 4}" stroke-linejoin="round" opacity="0.8"/>` +
    `<path d="${dd}" fill="none" stroke="${PAL.ink}" stroke-width="${w}" stroke-linejoin="round"/>` +
    `<path d="${dd}" fill="none" stroke="${PAL.paperLight}" stroke-width="${n(w - 2.6)}" stroke-dasharray="12 12"/>`
  );
}

function cityMarker(p: Pt, kind: 'red' | 'ink' | 'small', big = 1): string {
  const [x, y] = p;
  if (kind === 'small') {
    return (
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(5 * big)}" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="2"/>` +
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(2 * big)}" fill="${PAL.ink}"/>`
    );
  }
  const c = kind === 'red' ? PAL.red : PAL.ink;
  return (
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(22 * big)}" fill="${c}" opacity="0.12"/>` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(17 * big)}" fill="none" stroke="${c}" stroke-width="2"/>` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(9.5 * big)}" fill="${PAL.paperLight}" stroke="${c}" stroke-width="2.5"/>` +
    `<circle cx="${n(x)}" cy="${n(y)}" r="${n(5.5 * big)}" fill="${c}"/>`
  );
}

/** Graduated neat-line border, as on atlas sheets. */
function atlasBorder(d: Doc, inset = 26, bar = 9, seg = 48): void {
  const W = d.w,
    H = d.h;
  // mask the outside
  d.add(`<path d="M0 0H${W}V${H}H0Z M${inset} ${inset}V${H - inset}H${W - inset}V${inset}Z" fill="${PAL.paper}" fill-rule="evenodd"/>`);
  let s = '';
  const x0 = inset,
    y0 = inset,
    x1 = W - inset,
    y1 = H - inset;
  for (let x = x0, i = 0; x < x1; x += seg, i++) {
    if (i % 2 === 0) {
      const w = Math.min(seg, x1 - x);
      s += `<rect x="${n(x)}" y="${n(y0 - bar)}" width="${n(w)}" height="${bar}"/><rect x="${n(x)}" y="${n(y1)}" width="${n(w)}" height="${bar}"/>`;
    }
  }
  for (let y = y0, i = 0; y < y1; y += seg, i++) {
    if (i % 2 === 0) {
      const h = Math.min(seg, y1 - y);
      s += `<rect x="${n(x0 - bar)}" y="${n(y)}" width="${bar}" height="${n(h)}"/><rect x="${n(x1)}" y="${n(y)}" width="${bar}" height="${n(h)}"/>`;
    }
  }
  d.add(`<g fill="${PAL.ink}" opacity="0.85">${s}</g>`);
  d.add(
    `<rect x="${x0 - bar}" y="${y0 - bar}" width="${x1 - x0 + 2 * bar}" height="${y1 - y0 + 2 * bar}" fill="none" stroke="${PAL.ink}" stroke-width="1.4"/>`,
  );
  d.add(`<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="none" stroke="${PAL.ink}" stroke-width="1.2"/>`);
}

/** Compass rose without letters. */
function compassRose(cx: number, cy: number, r: number): string {
  let s = `<g>`;
  s += `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${PAL.paperLight}" fill-opacity="0.6" stroke="${PAL.ink}" stroke-width="1.2"/>`;
  s += `<circle cx="${cx}" cy="${cy}" r="${r * 0.86}" fill="none" stroke="${PAL.ink}" stroke-width="0.6"/>`;
  for (let i = 0; i < 32; i++) {
    const a = (i / 32) * Math.PI * 2;
    const l = i % 4 === 0 ? 0.1 : 0.05;
    s += `<line x1="${n(cx + Math.cos(a) * r * 0.86)}" y1="${n(cy + Math.sin(a) * r * 0.86)}" x2="${n(cx + Math.cos(a) * r * (0.86 - l))}" y2="${n(cy + Math.sin(a) * r * (0.86 - l))}" stroke="${PAL.ink}" stroke-width="0.7"/>`;
  }
  const star = (len: number, wid: number, rot: number, dark: string, light: string) => {
    let t = '';
    for (let i = 0; i < 4; i++) {
      const a = rot + (i * Math.PI) / 2;
      const tip: Pt = [cx + Math.cos(a) * len, cy + Math.sin(a) * len];
      const l: Pt = [cx + Math.cos(a - Math.PI / 4) * wid, cy + Math.sin(a - Math.PI / 4) * wid];
      const rr: Pt = [cx + Math.cos(a + Math.PI / 4) * wid, cy + Math.sin(a + Math.PI / 4) * wid];
      t += `<path d="M${n(cx)} ${n(cy)}L${n(tip[0])} ${n(tip[1])}L${n(l[0])} ${n(l[1])}Z" fill="${dark}"/>`;
      t += `<path d="M${n(cx)} ${n(cy)}L${n(tip[0])} ${n(tip[1])}L${n(rr[0])} ${n(rr[1])}Z" fill="${light}" stroke="${dark}" stroke-width="0.6"/>`;
    }
    return t;
  };
  s += star(r * 0.62, r * 0.12, Math.PI / 4, PAL.inkSoft, PAL.paperLight);
  s += star(r * 0.95, r * 0.16, -Math.PI / 2, PAL.ink, PAL.paperLight);
  // north point in red
  s += `<path d="M${cx} ${cy}L${cx} ${n(cy - r * 0.95)}L${n(cx - r * 0.113)} ${n(cy - r * 0.113)}Z" fill="${PAL.red}"/>`;
  s += `<circle cx="${cx}" cy="${cy}" r="${n(r * 0.07)}" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1"/>`;
  return s + `</g>`;
}

/** Arrowhead at point p pointing along direction (dx, dy). */
function arrowHead(p: Pt, dir: Pt, size: number, color: string): string {
  const l = Math.hypot(dir[0], dir[1]) || 1;
  const ux = dir[0] / l,
    uy = dir[1] / l;
  const a: Pt = [p[0] + ux * size, p[1] + uy * size];
  const b: Pt = [p[0] - ux * size * 0.4 - uy * size * 0.7, p[1] - uy * size * 0.4 + ux * size * 0.7];
  const c: Pt = [p[0] - ux * size * 0.4 + uy * size * 0.7, p[1] - uy * size * 0.4 - ux * size * 0.7];
  return `<path d="M${n(a[0])} ${n(a[1])}L${n(b[0])} ${n(b[1])}L${n(p[0] - ux * size * 0.1)} ${n(p[1] - uy * size * 0.1)}L${n(c[0])} ${n(c[1])}Z" fill="${color}"/>`;
}

function arcPts(a: Pt, b: Pt, bend: number, steps = 60): Pt[] {
  const m = lerpPt(a, b, 0.5);
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const c: Pt = [m[0] - dy * bend, m[1] + dx * bend];
  return quadPts(a, c, b, steps);
}

// ---------------------------------------------------------------- Eurasia

export function kharkivLuoyangMap(): string {
  const d = new Doc();
  const proj = fitProjector(
    equirect(70, 48),
    [
      [-11, 45],
      [146, 45],
      [104, 77],
      [80, 12],
    ],
    { x: 40, y: 40, w: 1840, h: 1000 },
  );
  paperGround(d, { base: SEA, edge: '#c3ccc6', mottle: 0.35, seed: 23 });

  const landD = shapeD(EURASIA, proj) + ISLANDS.map((i) => shapeD(i, proj)).join('');
  coastRipples(d, landD, 4, 6);
  d.add(`<path d="${landD}" fill="${LAND}" stroke="${PAL.ink}" stroke-width="1.5" stroke-linejoin="round"/>`);
  // soft inland shading along the coast
  d.def('landClip', `<clipPath id="landClip"><path d="${landD}"/></clipPath>`);
  d.add(`<g clip-path="url(#landClip)"><path d="${landD}" fill="none" stroke="${PAL.paper3}" stroke-width="16" opacity="0.45"/></g>`);
  // lakes
  const lakeD = LAKES.map((l) => shapeD(l, proj)).join('');
  d.add(`<path d="${lakeD}" fill="${SEA}" stroke="${PAL.ink}" stroke-width="1.2"/>`);
  d.def('lakeClip', `<clipPath id="lakeClip"><path d="${lakeD}"/></clipPath>`);
  d.add(
    `<g clip-path="url(#lakeClip)"><path d="${lakeD}" fill="none" stroke="${PAL.blue}" stroke-opacity="0.35" stroke-width="10"/><path d="${lakeD}" fill="none" stroke="${SEA}" stroke-width="7"/></g>`,
  );
  // rivers
  const rivD = RIVERS.map((r) => smoothD(densify(r, 1).map(proj), false, 0.5)).join('');
  d.add(`<path d="${rivD}" fill="none" stroke="${PAL.blue}" stroke-width="1.5" stroke-linecap="round" opacity="0.8"/>`);
  const chRiv = [YELLOW_RIVER, YANGTZE].map((r) => smoothD(densify(r, 1).map(proj), false, 0.5)).join('');
  d.add(`<path d="${chRiv}" fill="none" stroke="${PAL.blue}" stroke-width="1.5" stroke-linecap="round" opacity="0.8"/>`);
  d.add(mountains(MOUNTAINS, proj, 'eu:mtn'));
  graticule(d, proj, [-20, 0, 20, 40, 60, 80, 100, 120, 140, 160, 180], [10, 20, 30, 40, 50, 60, 70, 80], [-40, 200], [-10, 88]);

  // routes
  const K = proj(CITIES.kharkiv),
    M = proj(CITIES.moscow),
    L = proj(CITIES.luoyang);
  d.add(railway(densify(RAILWAY, 1).map(proj)));
  const leg1 = arcPts(K, M, 0.25);
  const leg2 = arcPts(M, L, -0.16, 120);
  const routeD = smoothD(leg1) + smoothD(leg2);
  d.add(`<path d="${routeD}" fill="none" stroke="${PAL.paperLight}" stroke-width="9" stroke-linecap="round" opacity="0.75"/>`);
  d.add(`<path d="${routeD}" fill="none" stroke="${PAL.red}" stroke-width="4.5" stroke-dasharray="16 10" stroke-linecap="round"/>`);
  for (const [pts, t] of [
    [leg1, 0.55],
    [leg2, 0.3],
    [leg2, 0.7],
  ] as [Pt[], number][]) {
    const i = Math.floor(t * (pts.length - 1));
    const p = pts[i]!,
      q = pts[i + 1]!;
    d.add(arrowHead(p, [q[0] - p[0], q[1] - p[1]], 15, PAL.red));
  }
  d.add(cityMarker(proj(CITIES.beijing), 'small'));
  d.add(cityMarker(M, 'ink'));
  d.add(cityMarker(K, 'red'));
  d.add(cityMarker(L, 'red', 1.15));

  d.add(compassRose(1700, 840, 82));
  paperGrain(d, { grain: 0.2, seed: 23, speckles: 700 });
  atlasBorder(d);
  return d.toString();
}

// ---------------------------------------------------------------- East Asia

/**
 * Luoyang on the Yellow River, in a borderless view of East Asia: land, sea,
 * coasts, lakes, rivers and relief only. No national or provincial borders:
 * a hand-drawn border of China would be a "problem map" (问题地图) on a public
 * kiosk in China. All land, islands included, is drawn alike.
 */
export function eightCitiesMap(): string {
  const d = new Doc();
  const proj = fitProjector(
    lambert(105, 36, 25, 47),
    [
      [112, 17.5],
      [112, 54],
      [95, 36],
      [129, 36],
    ],
    { x: 40, y: 40, w: 1840, h: 1000 },
  );
  paperGround(d, { base: SEA, edge: '#c3ccc6', mottle: 0.35, seed: 31 });

  const landD = shapeD(EURASIA, proj) + ISLANDS.map((i) => shapeD(i, proj)).join('');
  coastRipples(d, landD, 4, 7);
  d.add(`<path d="${landD}" fill="${LAND}" stroke="${PAL.ink}" stroke-width="1.8" stroke-linejoin="round"/>`);
  // soft inland shading along the coast
  d.def('landClip', `<clipPath id="landClip"><path d="${landD}"/></clipPath>`);
  d.add(`<g clip-path="url(#landClip)"><path d="${landD}" fill="none" stroke="${PAL.paper3}" stroke-width="22" opacity="0.45"/></g>`);
  // lakes
  const lakeD = LAKES.map((l) => shapeD(l, proj)).join('');
  d.add(`<path d="${lakeD}" fill="${SEA}" stroke="${PAL.ink}" stroke-width="1.2"/>`);
  d.def('lakeClip', `<clipPath id="lakeClip"><path d="${lakeD}"/></clipPath>`);
  d.add(
    `<g clip-path="url(#lakeClip)"><path d="${lakeD}" fill="none" stroke="${PAL.blue}" stroke-opacity="0.35" stroke-width="10"/><path d="${lakeD}" fill="none" stroke="${SEA}" stroke-width="7"/></g>`,
  );
  graticule(d, proj, [70, 80, 90, 100, 110, 120, 130, 140, 150, 160], [10, 20, 30, 40, 50, 60], [50, 170], [0, 70]);
  d.add(mountains(MOUNTAINS, proj, 'cn:mtn', 9, 17));
  // rivers
  const rivD = [YELLOW_RIVER, YANGTZE, ...RIVERS].map((r) => smoothD(densify(r, 0.5).map(proj), false, 0.5)).join('');
  d.add(`<path d="${rivD}" fill="none" stroke="${PAL.blue}" stroke-width="2.2" stroke-linecap="round" opacity="0.85"/>`);

  // Luoyang
  const L = proj(CITIES.luoyang);
  d.add(`<circle cx="${n(L[0])}" cy="${n(L[1])}" r="44" fill="none" stroke="${PAL.red}" stroke-width="2.5"/>`);
  d.add(`<circle cx="${n(L[0])}" cy="${n(L[1])}" r="54" fill="none" stroke="${PAL.red}" stroke-width="1" stroke-dasharray="4 5"/>`);
  d.add(cityMarker(L, 'red', 1.1));

  d.add(compassRose(1730, 860, 78));
  paperGrain(d, { grain: 0.2, seed: 31, speckles: 700 });
  atlasBorder(d);
  return d.toString();
}
