/**
 * Plan of Jianxi district after the 1954 construction plans, phase I and II.
 *
 * Both phases come from this one function. Every element draws with its own
 * seeded generator (named after the element), and phase II only adds elements
 * (on top, in areas that were fields in phase I), so everything that exists in
 * phase I renders to identical pixels in both images.
 */
import {
  Doc,
  PAL,
  Rng,
  type Pt,
  n,
  polyD,
  smoothD,
  wobble,
  sketchRect,
  inkLine,
  paperGrain,
  sheetBorder,
  northArrow,
  scaleBar,
} from './lib.ts';

type Phase = 1 | 2;

// ------------------------------------------------------------------ layout
const CLIP = { x: 50, y: 50, w: 1820, h: 980 };
const RAIL_Y = 84;
const HW = { n0: 352, n1: 372, m0: 376, m1: 414, s0: 418, s1: 438 }; // highway bands
/** N-S street lines (x), the main avenue is at index 4. */
const COLS = [76, 318, 560, 802, 1044, 1286, 1528, 1770];
const ROWS = [
  { y0: 462, y1: 640 },
  { y0: 668, y1: 846 },
];
const EMB_Y = 866; // embankment road (centre)
const GAP = 26; // street width
const AVE = 44; // main avenue width
/** Which microdistrict cells belong to which phase. 'park' = the central park. */
const CELLS: { c: number; r: number; phase: Phase; kind?: 'park' }[] = [
  { c: 1, r: 0, phase: 1 },
  { c: 2, r: 0, phase: 1 },
  { c: 3, r: 0, phase: 1 },
  { c: 4, r: 0, phase: 1 },
  { c: 5, r: 0, phase: 1 },
  { c: 3, r: 1, phase: 1, kind: 'park' },
  { c: 0, r: 0, phase: 2 },
  { c: 6, r: 0, phase: 2 },
  { c: 0, r: 1, phase: 2 },
  { c: 1, r: 1, phase: 2 },
  { c: 2, r: 1, phase: 2 },
  { c: 4, r: 1, phase: 2 },
  { c: 5, r: 1, phase: 2 },
  { c: 6, r: 1, phase: 2 },
];

function gapAt(i: number): number {
  return i === 4 ? AVE : GAP;
}
function cellRect(c: number, r: number): { x: number; y: number; w: number; h: number } {
  const x0 = COLS[c]! + gapAt(c) / 2,
    x1 = COLS[c + 1]! - gapAt(c + 1) / 2;
  const row = ROWS[r]!;
  return { x: x0, y: row.y0, w: x1 - x0, h: row.y1 - row.y0 };
}

/** Jian river centre line (east edge, flowing south into the Luo). */
const JIAN: Pt[] = [
  [1818, 40],
  [1808, 140],
  [1826, 240],
  [1806, 340],
  [1812, 450],
  [1832, 560],
  [1812, 680],
  [1800, 790],
  [1790, 900],
  [1786, 915],
];
function jianX(y: number): number {
  for (let i = 0; i < JIAN.length - 1; i++) {
    const a = JIAN[i]!,
      b = JIAN[i + 1]!;
    if (y >= a[1] && y <= b[1]) return a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]);
  }
  return JIAN[JIAN.length - 1]![0];
}

// ------------------------------------------------------------------ parts

function defs(d: Doc): void {
  d.hatch('jxFacHatch', '#7d1712', 45, 7, 0.9, 0.55);
  d.hatch('jxBldHatch', PAL.ink, -45, 4, 0.6, 0.5);
  d.hatch('jxPubHatch', PAL.ink, 45, 4, 0.5, 0.6);
  d.hatch('jxWater', PAL.blue, 0, 7, 0.7, 0.55);
  d.dots('jxSand', PAL.inkFaint, 6, 0.6, 0.7);
  for (const [i, a] of [0, 90, 45, 135, 26.565, 63.435, 153.435, 116.565].entries()) {
    d.hatch(`jxField${i}`, '#7f8a5e', a, 7 + (i % 3), 0.7, 0.55);
  }
}

/** Farmland patches over a region: irregular quads with parallel furrows. */
function fields(region: { x: number; y: number; w: number; h: number }, seed: string): string {
  const r = new Rng(seed);
  const nx = Math.max(1, Math.round(region.w / 95));
  const ny = Math.max(1, Math.round(region.h / 80));
  const gx = region.w / nx,
    gy = region.h / ny;
  const grid: Pt[][] = [];
  for (let j = 0; j <= ny; j++) {
    const row: Pt[] = [];
    for (let i = 0; i <= nx; i++) {
      const edge = i === 0 || j === 0 || i === nx || j === ny;
      row.push([
        region.x + i * gx + (edge && (i === 0 || i === nx) ? 0 : r.normal() * gx * 0.12),
        region.y + j * gy + (edge && (j === 0 || j === ny) ? 0 : r.normal() * gy * 0.12),
      ]);
    }
    grid.push(row);
  }
  let s = '';
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const q: Pt[] = [grid[j]![i]!, grid[j]![i + 1]!, grid[j + 1]![i + 1]!, grid[j + 1]![i]!];
      // shrink a little so field boundaries read as paths
      const cx = (q[0]![0] + q[2]![0]) / 2,
        cy = (q[0]![1] + q[2]![1]) / 2;
      const qq = q.map(([x, y]) => [cx + (x - cx) * 0.94, cy + (y - cy) * 0.94] as Pt);
      const dd = polyD(wobble(qq, r, 0.5, 30, true), true);
      const tone = r.pick(['#e7dfc3', '#e3dcbd', '#e9e0c6', '#e0d8b6']);
      s += `<path d="${dd}" fill="${tone}"/>`;
      if (!r.chance(0.12)) s += `<path d="${dd}" fill="url(#jxField${r.int(0, 7)})"/>`;
      s += `<path d="${dd}" fill="none" stroke="${PAL.inkFaint}" stroke-width="0.7" opacity="0.7"/>`;
    }
  }
  return s;
}

function railwayPath(pts: Pt[], rng: Rng, width = 4.2): string {
  const dd = smoothD(wobble(pts, rng, 0.4, 40));
  return (
    `<path d="${dd}" fill="none" stroke="${PAL.ink}" stroke-width="${width}"/>` +
    `<path d="${dd}" fill="none" stroke="${PAL.paperLight}" stroke-width="${n(width - 2.2)}" stroke-dasharray="14 14"/>`
  );
}

function factory(id: string, x: number, y: number, w: number, h: number): string {
  const r = new Rng(`jx:fac:${id}`);
  let s = sketchRect(x, y, w, h, r, { fill: PAL.red, opacity: 0.86, pattern: 'jxFacHatch' });
  // workshop buildings inside: rows of long bays
  const m = 12;
  let cy = y + m;
  while (cy < y + h - m - 20) {
    const rowH = Math.min(r.range(34, 70), y + h - m - cy);
    if (rowH < 18) break;
    let cx = x + m;
    while (cx < x + w - m - 24) {
      const bw = Math.min(r.range(50, 170), x + w - m - cx);
      if (bw < 24) break;
      if (!r.chance(0.12)) {
        const bh = rowH * r.range(0.62, 0.92);
        s += sketchRect(cx, cy, bw, bh, r, { stroke: '#f3dcd2', sw: 1.1, fill: '#8e1c16', opacity: 0.55 });
        // roof bays (sawtooth lines)
        const bays = Math.floor(bw / 11);
        let bl = '';
        for (let b = 1; b < bays; b++) {
          const bx = cx + (bw * b) / bays;
          bl += `M${n(bx)} ${n(cy + 3)}L${n(bx)} ${n(cy + bh - 3)}`;
        }
        s += `<path d="${bl}" stroke="#f3dcd2" stroke-width="0.6" opacity="0.55"/>`;
      }
      cx += bw + r.range(10, 18);
    }
    cy += rowH + r.range(10, 16);
  }
  // outline
  s += sketchRect(x, y, w, h, new Rng(`jx:facol:${id}`), { stroke: '#5e100c', sw: 2, overshoot: true });
  // chimneys
  for (let i = 0; i < 2; i++) {
    const px = x + w * r.range(0.2, 0.8),
      py = y + h * r.range(0.3, 0.8);
    s += `<circle cx="${n(px)}" cy="${n(py)}" r="4.5" fill="${PAL.paperLight}" stroke="#5e100c" stroke-width="1.2"/>`;
  }
  return s;
}

function building(x: number, y: number, w: number, h: number, r: Rng, pub = false): string {
  if (pub) return sketchRect(x, y, w, h, r, { fill: PAL.paperLight, pattern: 'jxPubHatch', stroke: PAL.ink, sw: 1.1, amp: 0.3 });
  return sketchRect(x, y, w, h, r, { fill: '#6a5646', stroke: PAL.ink, sw: 1, amp: 0.3 });
}

function trees(pts: Pt[], r: Rng, rad = 3.6, fill = PAL.green): string {
  let s = '';
  for (const [x, y] of pts) {
    const rr = rad * r.range(0.85, 1.15);
    s += `<circle cx="${n(x + r.normal() * 0.6)}" cy="${n(y + r.normal() * 0.6)}" r="${n(rr)}"/>`;
  }
  return `<g fill="${fill}" stroke="${PAL.greenDark}" stroke-width="0.7" fill-opacity="0.9">${s}</g>`;
}

function treeRow(a: Pt, b: Pt, spacing: number, r: Rng, rad = 3.6): string {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const k = Math.max(1, Math.floor(len / spacing));
  const pts: Pt[] = [];
  for (let i = 0; i <= k; i++) pts.push([a[0] + ((b[0] - a[0]) * i) / k, a[1] + ((b[1] - a[1]) * i) / k]);
  return trees(pts, r, rad);
}

/** A residential micro-district: perimeter blocks around a green courtyard. */
function microdistrict(c: number, row: number): string {
  const { x, y, w, h } = cellRect(c, row);
  const r = new Rng(`jx:md:${c}:${row}`);
  let s = sketchRect(x, y, w, h, r, { fill: '#e8dcc0', stroke: PAL.ink, sw: 1.2 });
  const m = 9,
    d = 13;
  // perimeter buildings, top and bottom sides
  for (const side of [0, 1]) {
    const by = side === 0 ? y + m : y + h - m - d;
    const count = r.int(3, 4);
    const span = w - 2 * m - 2 * (d + 8);
    const g = 9;
    const bw = (span - g * (count - 1)) / count;
    for (let i = 0; i < count; i++) s += building(x + m + d + 8 + i * (bw + g), by, bw, d, r);
  }
  // left and right sides
  for (const side of [0, 1]) {
    const bx = side === 0 ? x + m : x + w - m - d;
    const count = 2;
    const span = h - 2 * m;
    const g = 12;
    const bh = (span - g * (count - 1)) / count;
    for (let i = 0; i < count; i++) s += building(bx, y + m + i * (bh + g), d, bh, r);
  }
  // courtyard
  const ix = x + m + d + 12,
    iy = y + m + d + 12,
    iw = w - 2 * (m + d + 12),
    ih = h - 2 * (m + d + 12);
  s += sketchRect(ix, iy, iw, ih, r, { fill: PAL.greenPale, opacity: 0.75, stroke: PAL.greenDark, sw: 0.6 });
  const variant = r.int(0, 2);
  if (variant === 0) {
    // school: an H-shaped public building
    const sw = iw * 0.42,
      sh = ih * 0.5,
      sx = ix + (iw - sw) / 2,
      sy = iy + (ih - sh) / 2;
    s += building(sx, sy, sw * 0.22, sh, r, true) + building(sx + sw * 0.78, sy, sw * 0.22, sh, r, true);
    s += building(sx + sw * 0.22, sy + sh * 0.36, sw * 0.56, sh * 0.28, r, true);
  } else if (variant === 1) {
    // two inner slabs
    for (let i = 0; i < 2; i++) s += building(ix + iw * 0.2, iy + ih * (0.24 + i * 0.38), iw * 0.6, 11, r);
  } else {
    // kindergarten: small square block with a garden
    const sw = iw * 0.3,
      sh = ih * 0.42;
    s += building(ix + iw * 0.15, iy + (ih - sh) / 2, sw, sh, r, true);
  }
  // courtyard trees along the inner edge
  const tp: Pt[] = [];
  for (let t = 0; t <= 1.0001; t += 1 / 7) tp.push([ix + 6 + (iw - 12) * t, iy + 6]);
  for (let t = 0; t <= 1.0001; t += 1 / 7) tp.push([ix + 6 + (iw - 12) * t, iy + ih - 6]);
  if (variant !== 1) for (let t = 0.25; t <= 0.76; t += 0.25) tp.push([ix + iw - 10, iy + ih * t], [ix + 10, iy + ih * t]);
  s += trees(tp, r, 3.1);
  return s;
}

/** The central park with a stadium and a pond (phase I). */
function park(c: number, row: number): string {
  const { x, y, w, h } = cellRect(c, row);
  const r = new Rng(`jx:park:${c}:${row}`);
  let s = sketchRect(x, y, w, h, r, { fill: PAL.greenPale, stroke: PAL.greenDark, sw: 1.2 });
  s += sketchRect(x, y, w, h, r, { pattern: 'jxField1', amp: 0.2 });
  // stadium
  const cx = x + w * 0.56,
    cy = y + h * 0.5,
    rx = w * 0.3,
    ry = h * 0.3;
  s += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx + 12)}" ry="${n(ry + 12)}" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1.2"/>`;
  s += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${PAL.green}" fill-opacity="0.7" stroke="${PAL.ink}" stroke-width="0.9"/>`;
  s += `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx + 6)}" ry="${n(ry + 6)}" fill="none" stroke="${PAL.ink}" stroke-width="0.5" stroke-dasharray="3 3"/>`;
  s += `<rect x="${n(cx - rx * 0.55)}" y="${n(cy - ry * 0.55)}" width="${n(rx * 1.1)}" height="${n(ry * 1.1)}" fill="none" stroke="${PAL.paperLight}" stroke-width="1"/>`;
  // pond
  const pond: Pt[] = [];
  for (let i = 0; i < 9; i++) {
    const a = (i / 9) * Math.PI * 2;
    pond.push([x + w * 0.16 + Math.cos(a) * 22 * r.range(0.8, 1.2), y + h * 0.68 + Math.sin(a) * 15 * r.range(0.8, 1.2)]);
  }
  s += `<path d="${smoothD(pond, true)}" fill="${PAL.bluePale}" stroke="${PAL.blue}" stroke-width="1"/>`;
  // paths
  s += `<path d="${smoothD([
    [x + 6, y + 16],
    [x + w * 0.2, y + h * 0.35],
    [x + w * 0.16, y + h * 0.52],
    [x + 8, y + h - 10],
  ])}" fill="none" stroke="${PAL.paperLight}" stroke-width="3"/>`;
  // trees scattered around the edges
  const tp: Pt[] = [];
  for (let i = 0; i < 26; i++) {
    const t = i / 26;
    tp.push([x + 8 + (w - 16) * t, y + 8 + r.range(0, 6)], [x + 8 + (w - 16) * t, y + h - 8 - r.range(0, 6)]);
  }
  for (let i = 0; i < 8; i++) tp.push([x + r.range(10, w * 0.3), y + r.range(20, h * 0.5)]);
  s += trees(tp, r, 3.8);
  return s;
}

function streetSeg(a: Pt, b: Pt, id: string): string {
  return inkLine(a, b, new Rng(`jx:st:${id}`), { stroke: PAL.inkFaint, 'stroke-width': 0.9, 'stroke-dasharray': '10 6' }, 0.3);
}

// ------------------------------------------------------------------ picture

export function jianxiPlan(phase: Phase): string {
  const d = new Doc();
  defs(d);
  d.def('jxClip', `<clipPath id="jxClip"><rect x="${CLIP.x}" y="${CLIP.y}" width="${CLIP.w}" height="${CLIP.h}"/></clipPath>`);
  d.add(`<rect width="${d.w}" height="${d.h}" fill="${PAL.paper}"/>`);
  d.add(`<g clip-path="url(#jxClip)">`);

  // -- farmland (everything not yet built)
  d.add(fields({ x: 50, y: 448, w: 1760, h: 404 }, 'jx:fields:mid'));
  d.add(fields({ x: 50, y: 960, w: 1820, h: 80 }, 'jx:fields:south'));
  // -- developed land of phase I (on top of the fields)
  const dev = (x0: number, y0: number, x1: number, y1: number) =>
    `<rect x="${n(x0)}" y="${n(y0)}" width="${n(x1 - x0)}" height="${n(y1 - y0)}" fill="${PAL.paper}"/>`;
  d.add(dev(50, 50, 1870, 447));
  d.add(dev(COLS[1]! - 18, 447, COLS[6]! + 18, ROWS[0]!.y1 + 16));
  d.add(dev(COLS[3]! - 18, ROWS[0]!.y1, COLS[4]! + 24, ROWS[1]!.y1 + 14));
  d.add(dev(50, EMB_Y - 10, 1870, EMB_Y + 10));
  if (phase === 2) {
    // new land taken from the fields for phase II
    for (const c of CELLS.filter((k) => k.phase === 2)) {
      const { x, y, w, h } = cellRect(c.c, c.r);
      const top = c.r === 0 ? HW.s1 : ROWS[0]!.y1 + 14;
      const bottom = c.r === 1 ? EMB_Y - 8 : ROWS[1]!.y0 - 14;
      d.add(dev(x - gapAt(c.c) / 2 - 1, Math.min(top, y - 14), x + w + gapAt(c.c + 1) / 2 + 1, Math.max(bottom, y + h + 14)));
    }
  }

  // -- Luo river along the bottom
  const rr = new Rng('jx:luo');
  const north: Pt[] = [],
    south: Pt[] = [];
  for (let x = 20; x <= 1900; x += 60) {
    north.push([x, 888 + Math.sin(x / 170) * 7 + rr.normal() * 2.2]);
    south.push([x, 958 + Math.sin(x / 230 + 1) * 8 + rr.normal() * 2.2]);
  }
  const riverD = smoothD(north) + 'L' + smoothD([...south].reverse()).slice(1) + 'Z';
  d.add(`<path d="${riverD}" fill="${PAL.bluePale}"/>`);
  d.add(`<path d="${riverD}" fill="url(#jxWater)"/>`);
  // sandbars
  for (const [sx, sy, sw] of [
    [380, 930, 120],
    [1150, 922, 160],
    [1560, 936, 90],
  ] as const) {
    const bar: Pt[] = [];
    for (let i = 0; i < 10; i++) {
      const a = (i / 10) * Math.PI * 2;
      bar.push([sx + Math.cos(a) * sw * 0.5 * rr.range(0.85, 1.1), sy + Math.sin(a) * 8 * rr.range(0.7, 1.2)]);
    }
    d.add(`<path d="${smoothD(bar, true)}" fill="${PAL.paper2}" stroke="${PAL.inkFaint}" stroke-width="0.7"/>`);
    d.add(`<path d="${smoothD(bar, true)}" fill="url(#jxSand)"/>`);
  }
  d.add(`<path d="${smoothD(north)}" fill="none" stroke="${PAL.blueDark}" stroke-width="1.6"/>`);
  d.add(`<path d="${smoothD(south)}" fill="none" stroke="${PAL.blueDark}" stroke-width="1.6"/>`);
  // bank hachures (short strokes perpendicular to the banks)
  let hach = '';
  for (const [line, dir] of [
    [north, -1],
    [south, 1],
  ] as const) {
    for (let x = 30; x < 1890; x += 9) {
      const i = Math.min(line.length - 2, Math.floor((x - 20) / 60));
      const a = line[i]!,
        b = line[i + 1]!;
      const y = a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
      hach += `M${n(x)} ${n(y + dir * 1.5)}L${n(x)} ${n(y + dir * (5 + (x % 3)))}`;
    }
  }
  d.add(`<path d="${hach}" stroke="${PAL.inkSoft}" stroke-width="0.7" opacity="0.7"/>`);

  // -- Jian river down the east edge
  const jr = new Rng('jx:jian');
  const jl = wobble(JIAN, jr, 1.2, 30);
  const left = jl.map(([x, y]) => [x - 13 - (y > 700 ? (y - 700) / 40 : 0), y] as Pt);
  const right = jl.map(([x, y]) => [x + 13 + (y > 700 ? (y - 700) / 40 : 0), y] as Pt);
  const jd = smoothD(left) + 'L' + smoothD([...right].reverse()).slice(1) + 'Z';
  d.add(`<path d="${jd}" fill="${PAL.bluePale}"/><path d="${jd}" fill="url(#jxWater)"/>`);
  d.def('jxJianBanks', `<clipPath id="jxJianBanks"><rect x="0" y="0" width="1920" height="889"/></clipPath>`);
  d.add(
    `<g clip-path="url(#jxJianBanks)"><path d="${smoothD(left)}" fill="none" stroke="${PAL.blueDark}" stroke-width="1.4"/>` +
      `<path d="${smoothD(right)}" fill="none" stroke="${PAL.blueDark}" stroke-width="1.4"/></g>`,
  );
  d.add(`<rect x="1848" y="448" width="30" height="420" fill="url(#jxField2)" opacity="0.8"/>`);

  // -- railway along the top, with sidings into the plants
  d.add(
    railwayPath(
      [
        [30, RAIL_Y],
        [1890, RAIL_Y],
      ],
      new Rng('jx:rail'),
    ),
  );
  const facs: [string, number, number, number, number][] = [
    ['a', 80, 112, 320, 208],
    ['b', 428, 106, 604, 226],
    ['c', 1062, 112, 284, 208],
    ['d', 1376, 118, 218, 196],
    ['e', 1624, 124, 150, 180],
  ];
  for (const [id, x, , w] of facs) {
    const sx = x + w * 0.3;
    d.add(
      railwayPath(
        [
          [sx - 120, RAIL_Y],
          [sx - 55, RAIL_Y + 3],
          [sx - 14, RAIL_Y + 14],
          [sx + 4, RAIL_Y + 30],
        ],
        new Rng(`jx:sid:${id}`),
        3.2,
      ),
    );
  }
  // -- factories (red), perimeter road
  for (const [id, x, y, w, h] of facs) d.add(factory(id, x, y, w, h));
  d.add(inkLine([50, 336], [1870, 336], new Rng('jx:perim'), { stroke: PAL.ink, 'stroke-width': 1 }, 0.3));

  // -- the highway with its green central strip
  const hr = new Rng('jx:hw');
  d.add(`<rect x="40" y="${HW.n0}" width="1840" height="${HW.s1 - HW.n0}" fill="${PAL.paperLight}"/>`);
  d.add(sketchRect(30, HW.m0, 1860, HW.m1 - HW.m0, hr, { fill: PAL.green, opacity: 0.78, stroke: PAL.greenDark, sw: 1 }));
  for (const y of [HW.n0, HW.s1]) d.add(inkLine([40, y], [1880, y], hr, { stroke: PAL.ink, 'stroke-width': 1.8 }, 0.35));
  for (const y of [HW.n1, HW.s0]) d.add(inkLine([40, y], [1880, y], hr, { stroke: PAL.ink, 'stroke-width': 0.8 }, 0.3));
  d.add(treeRow([44, HW.m0 + 10], [1876, HW.m0 + 10], 15, hr, 4.4));
  d.add(treeRow([51, HW.m1 - 10], [1869, HW.m1 - 10], 15, hr, 4.4));
  // bridge parapets where the highway crosses the Jian
  const bx = jianX(395);
  for (const y of [HW.n0 - 5, HW.s1 + 5])
    d.add(`<path d="M${n(bx - 22)} ${y}L${n(bx + 22)} ${y}" stroke="${PAL.ink}" stroke-width="2.4"/>`);

  // -- embankment road along the Luo
  const er = new Rng('jx:emb');
  for (const y of [EMB_Y - 7, EMB_Y + 7]) d.add(inkLine([40, y], [1880, y], er, { stroke: PAL.ink, 'stroke-width': 1.1 }, 0.3));
  d.add(treeRow([60, EMB_Y + 13], [1760, EMB_Y + 13], 26, er, 3.2));
  // bridges where the railway and the embankment road cross the Jian
  for (const [y, h] of [
    [RAIL_Y, 7],
    [EMB_Y, 11],
  ] as const) {
    const x = jianX(y);
    d.add(
      `<path d="M${n(x - 24)} ${y - h}L${n(x + 24)} ${y - h}M${n(x - 24)} ${y + h}L${n(x + 24)} ${y + h}" stroke="${PAL.ink}" stroke-width="2.4"/>`,
    );
  }

  // -- streets and blocks
  const p1 = CELLS.filter((c) => c.phase === 1);
  const p2 = CELLS.filter((c) => c.phase === 2);
  // phase I streets
  for (let i = 1; i <= 6; i++) {
    const bottom = i === 3 || i === 4 ? ROWS[1]!.y1 + 10 : ROWS[0]!.y1 + 12;
    if (i === 4) continue;
    d.add(streetSeg([COLS[i]!, HW.s1 + 4], [COLS[i]!, bottom], `p1v${i}`));
  }
  const hy = (ROWS[0]!.y1 + ROWS[1]!.y0) / 2;
  d.add(streetSeg([COLS[1]! - 12, hy], [COLS[6]! + 12, hy], 'p1h'));
  // main avenue: tree rows down to the river
  const av = new Rng('jx:ave');
  d.add(`<rect x="${COLS[4]! - AVE / 2 + 3}" y="${HW.s1}" width="${AVE - 6}" height="${EMB_Y - 7 - HW.s1}" fill="${PAL.paperLight}"/>`);
  d.add(sketchRect(COLS[4]! - 5, HW.s1 + 2, 10, EMB_Y - 10 - HW.s1, av, { fill: PAL.green, opacity: 0.75 }));
  d.add(treeRow([COLS[4]! - 15, HW.s1 + 12], [COLS[4]! - 15, EMB_Y - 14], 15, av, 3.4));
  d.add(treeRow([COLS[4]! + 15, HW.s1 + 12], [COLS[4]! + 15, EMB_Y - 14], 15, av, 3.4));
  for (const c of p1) d.add(c.kind === 'park' ? park(c.c, c.r) : microdistrict(c.c, c.r));

  if (phase === 2) {
    d.add(streetSeg([COLS[0]!, hy], [COLS[1]! - 12, hy], 'p2hw'));
    d.add(streetSeg([COLS[6]! + 12, hy], [COLS[7]!, hy], 'p2he'));
    for (const i of [0, 1, 2, 5, 6, 7]) {
      const top = i === 0 || i === 7 ? HW.s1 + 4 : ROWS[0]!.y1 + 12;
      d.add(streetSeg([COLS[i]!, top], [COLS[i]!, EMB_Y - 10], `p2v${i}`));
    }
    for (const c of p2) d.add(microdistrict(c.c, c.r));
  }
  d.add(`</g>`);

  // -- sheet furniture
  d.add(`<circle cx="1790" cy="990" r="34" fill="${PAL.paper}" stroke="${PAL.ink}" stroke-width="0.8"/>`);
  d.add(northArrow(1790, 996, 30));
  d.add(`<rect x="1490" y="982" width="250" height="28" fill="${PAL.paper}" stroke="${PAL.ink}" stroke-width="0.6"/>`);
  d.add(scaleBar(1505, 994, 44, 5));
  sheetBorder(d, 34, PAL.ink, new Rng('jx:border'));
  paperGrain(d, { grain: 0, speckles: 700, seed: 19 });
  return d.toString();
}
