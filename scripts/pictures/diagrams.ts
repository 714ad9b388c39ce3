/**
 * Diagrams: the 156 projects, the 1953-1959 timeline, the linear city.
 */
import { Doc, PAL, Rng, type Pt, n, smoothD, polyD, sketchRect, inkLine, paperGround, paperGrain } from './lib.ts';
import { tractor } from './tractor.ts';

// ---------------------------------------------------------------- 156 projects

export function projects156(): string {
  const d = new Doc();
  paperGround(d, { seed: 41 });
  d.hatch('pjHatch', PAL.inkSoft, 45, 5, 0.7, 0.45);
  d.hatch('pjHatch2', PAL.inkSoft, -45, 5, 0.7, 0.35);
  d.hatch('pjRed', '#6e120d', 45, 7, 1, 0.45);

  const cols = 13,
    rows = 12,
    cell = 56,
    pitch = 69;
  const gw = cols * pitch - (pitch - cell),
    gh = rows * pitch - (pitch - cell);
  const x0 = 150,
    y0 = (d.h - gh) / 2;
  const hi = { c: 9, r: 4 };

  // pencil construction lines
  const cr = new Rng('pj:guides');
  let guides = '';
  for (let c = 0; c <= cols; c++) {
    const x = x0 + c * pitch - (pitch - cell) / 2;
    guides += inkLine([x, y0 - 34], [x, y0 + gh + 34], cr, { stroke: PAL.inkFaint, 'stroke-width': 0.6, opacity: 0.45 }, 0.4);
  }
  for (let r = 0; r <= rows; r++) {
    const y = y0 + r * pitch - (pitch - cell) / 2;
    guides += inkLine([x0 - 34, y], [x0 + gw + 34, y], cr, { stroke: PAL.inkFaint, 'stroke-width': 0.6, opacity: 0.45 }, 0.4);
  }
  d.add(guides);

  const hx = x0 + hi.c * pitch,
    hy = y0 + hi.r * pitch;
  // magnifier cone from the highlighted square to the enlargement
  const B = { x: 1300, y: 300, s: 480 };
  const coneD = polyD(
    [
      [hx + cell, hy],
      [B.x, B.y],
      [B.x, B.y + B.s],
      [hx + cell, hy + cell],
    ],
    true,
  );
  d.add(`<path d="${coneD}" fill="${PAL.red}" opacity="0.07"/>`);

  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const rr = new Rng(`pj:${c}:${r}`);
      const x = x0 + c * pitch,
        y = y0 + r * pitch;
      if (c === hi.c && r === hi.r) continue;
      const tone = rr.pick(['#f4ecdb', '#efe5cf', '#f1e8d5']);
      d.add(
        sketchRect(x, y, cell, cell, rr, {
          fill: tone,
          pattern: rr.chance(0.5) ? 'pjHatch' : 'pjHatch2',
          stroke: PAL.ink,
          sw: 1.5,
          amp: 0.45,
        }),
      );
    }
  }
  // the highlighted square
  const hr = new Rng('pj:hi');
  d.add(
    `<rect x="${hx - 10}" y="${hy - 10}" width="${cell + 20}" height="${cell + 20}" fill="none" stroke="${PAL.red}" stroke-width="2"/>`,
  );
  d.add(sketchRect(hx, hy, cell, cell, hr, { fill: PAL.red, pattern: 'pjRed', stroke: '#5e100c', sw: 1.8 }));
  d.add(tractor(hx + 8, hy + cell - 14, cell - 16, { mode: 'silhouette', fill: PAL.paperLight }));

  // cone edges
  const er = new Rng('pj:cone');
  d.add(inkLine([hx + cell + 10, hy - 10], [B.x, B.y], er, { stroke: PAL.red, 'stroke-width': 1.4, 'stroke-dasharray': '8 6' }, 0.3));
  d.add(
    inkLine(
      [hx + cell + 10, hy + cell + 10],
      [B.x, B.y + B.s],
      er,
      { stroke: PAL.red, 'stroke-width': 1.4, 'stroke-dasharray': '8 6' },
      0.3,
    ),
  );

  // the enlargement
  const br = new Rng('pj:big');
  d.add(`<rect x="${B.x + 10}" y="${B.y + 12}" width="${B.s}" height="${B.s}" fill="${PAL.ink}" opacity="0.12"/>`);
  d.add(sketchRect(B.x, B.y, B.s, B.s, br, { fill: PAL.red, pattern: 'pjRed', stroke: '#5e100c', sw: 2.5, amp: 0.6 }));
  d.add(sketchRect(B.x + 22, B.y + 22, B.s - 44, B.s - 44, br, { stroke: '#f3dcd2', sw: 1.4, amp: 0.5 }));
  // emblem: a workshop with a chimney, and the tractor in front of it
  const gy = B.y + 392;
  const fx = B.x + 52;
  let sky = `M${fx} ${gy}L${fx} ${gy - 96}`;
  for (let i = 0; i < 4; i++) sky += `L${fx + i * 46 + 46} ${gy - 132}L${fx + i * 46 + 46} ${gy - 96}`;
  sky += `L${fx + 196} ${gy - 96}L${fx + 196} ${gy - 250}L${fx + 218} ${gy - 250}L${fx + 218} ${gy - 96}L${fx + 250} ${gy - 96}L${fx + 250} ${gy}Z`;
  d.add(`<path d="${sky}" fill="#6e120d" opacity="0.85"/>`);
  let win = '';
  for (let i = 0; i < 4; i++) win += `<rect x="${fx + 12 + i * 44}" y="${gy - 70}" width="22" height="30" fill="${PAL.red}"/>`;
  d.add(win);
  d.add(
    `<path d="${smoothD([
      [fx + 207, gy - 262],
      [fx + 190, gy - 300],
      [fx + 140, gy - 318],
      [fx + 90, gy - 306],
      [fx + 40, gy - 320],
    ])}" fill="none" stroke="#6e120d" stroke-width="16" stroke-linecap="round" opacity="0.55"/>`,
  );
  d.add(`<line x1="${B.x + 40}" y1="${gy}" x2="${B.x + B.s - 40}" y2="${gy}" stroke="${PAL.paperLight}" stroke-width="3"/>`);
  d.add(tractor(B.x + 170, gy, 270, { mode: 'silhouette', fill: PAL.paperLight, glass: PAL.red }));
  let fur = '';
  for (let i = 0; i < 3; i++) {
    const y = gy + 16 + i * 13;
    fur += `M${B.x + 50 + i * 14} ${y}L${B.x + B.s - 50 - i * 14} ${y}`;
  }
  d.add(`<path d="${fur}" stroke="${PAL.paperLight}" stroke-width="1.6" opacity="0.75"/>`);

  paperGrain(d, { seed: 41, grain: 0.25 });
  return d.toString();
}

// ---------------------------------------------------------------- timeline

function medallion(cx: number, cy: number, r: number, accent: boolean): string {
  const c = accent ? PAL.red : PAL.ink;
  return (
    `<circle cx="${cx}" cy="${cy + 5}" r="${r}" fill="${PAL.ink}" opacity="0.1"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${accent ? '#f6e9e2' : PAL.paperLight}" stroke="${c}" stroke-width="${accent ? 3 : 2}"/>` +
    `<circle cx="${cx}" cy="${cy}" r="${r - 8}" fill="none" stroke="${c}" stroke-width="0.8"/>`
  );
}

/** 1953: the agreement, a sealed document and a pen. */
function iconAgreement(cx: number, cy: number): string {
  let s = '';
  s += `<path d="M${cx - 44} ${cy - 40}L${cx + 20} ${cy - 44}L${cx + 28} ${cy + 40}L${cx - 38} ${cy + 44}Z" fill="${PAL.paper2}" stroke="${PAL.ink}" stroke-width="1.6"/>`;
  s += `<path d="M${cx - 36} ${cy - 48}L${cx + 30} ${cy - 48}L${cx + 30} ${cy + 38}L${cx - 36} ${cy + 38}Z" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1.8"/>`;
  s += `<path d="M${cx - 26} ${cy - 36}L${cx + 20} ${cy - 36}L${cx + 20} ${cy + 26}L${cx - 26} ${cy + 26}Z" fill="none" stroke="${PAL.inkSoft}" stroke-width="0.8"/>`;
  // two signature flourishes
  s += `<path d="M${cx - 20} ${cy - 22}L${cx + 14} ${cy - 22}M${cx - 20} ${cy - 8}L${cx + 14} ${cy - 8}M${cx - 20} ${cy + 10}L${cx} ${cy + 10}" stroke="${PAL.inkSoft}" stroke-width="2" stroke-linecap="round"/>`;
  s += `<circle cx="${cx - 12}" cy="${cy + 24}" r="7" fill="none" stroke="${PAL.red}" stroke-width="1.6"/>`;
  // seal with ribbons
  s += `<path d="M${cx + 14} ${cy + 34}l-8 24l10 -6l6 10l2 -26Z" fill="${PAL.red}"/>`;
  s += `<path d="M${cx + 22} ${cy + 34}l8 22l-10 -4l-4 10l-2 -26Z" fill="#8e1c16"/>`;
  s += `<circle cx="${cx + 18}" cy="${cy + 28}" r="13" fill="${PAL.red}" stroke="#5e100c" stroke-width="1.4"/>`;
  s += `<circle cx="${cx + 18}" cy="${cy + 28}" r="7" fill="none" stroke="#f3dcd2" stroke-width="1"/>`;
  // pen
  s += `<path d="M${cx + 44} ${cy - 50}L${cx + 52} ${cy - 42}L${cx + 6} ${cy + 6}L${cx - 2} ${cy + 8}L${cx} ${cy}Z" fill="${PAL.ink}"/>`;
  return s;
}

/** 1955: ground broken; a tower crane over foundations. */
function iconConstruction(cx: number, cy: number): string {
  let s = '';
  const base = cy + 44;
  s += `<line x1="${cx - 56}" y1="${base}" x2="${cx + 56}" y2="${base}" stroke="${PAL.ink}" stroke-width="2"/>`;
  // crane mast lattice
  const mx = cx - 20;
  s += `<path d="M${mx - 7} ${base}L${mx - 7} ${cy - 46}M${mx + 7} ${base}L${mx + 7} ${cy - 46}" stroke="${PAL.ink}" stroke-width="2"/>`;
  let lat = '';
  for (let y = base; y > cy - 46; y -= 12) lat += `M${mx - 7} ${y}L${mx + 7} ${y - 12}`;
  s += `<path d="${lat}" stroke="${PAL.ink}" stroke-width="1"/>`;
  // jib and counter-jib
  s += `<path d="M${mx - 30} ${cy - 46}L${mx + 66} ${cy - 46}M${mx - 30} ${cy - 38}L${mx + 66} ${cy - 44}" stroke="${PAL.ink}" stroke-width="2"/>`;
  s += `<path d="M${mx} ${cy - 62}L${mx - 30} ${cy - 46}M${mx} ${cy - 62}L${mx + 66} ${cy - 46}M${mx - 7} ${cy - 46}L${mx} ${cy - 62}L${mx + 7} ${cy - 46}" stroke="${PAL.ink}" stroke-width="1.2" fill="none"/>`;
  s += `<rect x="${mx - 32}" y="${cy - 40}" width="12" height="12" fill="${PAL.ink}"/>`;
  // hook with a beam
  s += `<line x1="${mx + 50}" y1="${cy - 44}" x2="${mx + 50}" y2="${cy + 4}" stroke="${PAL.ink}" stroke-width="1"/>`;
  s += `<rect x="${mx + 34}" y="${cy + 4}" width="32" height="7" fill="${PAL.red}"/>`;
  // foundation blocks
  s += `<path d="M${cx + 4} ${base}L${cx + 4} ${base - 16}L${cx + 52} ${base - 16}L${cx + 52} ${base}" fill="${PAL.paper2}" stroke="${PAL.ink}" stroke-width="1.5"/>`;
  s += `<path d="M${cx + 4} ${base - 8}L${cx + 52} ${base - 8}M${cx + 20} ${base - 16}L${cx + 20} ${base - 8}M${cx + 36} ${base - 16}L${cx + 36} ${base - 8}M${cx + 12} ${base - 8}L${cx + 12} ${base}M${cx + 28} ${base - 8}L${cx + 28} ${base}M${cx + 44} ${base - 8}L${cx + 44} ${base}" stroke="${PAL.ink}" stroke-width="0.9"/>`;
  // spade in the ground
  s += `<path d="M${cx - 48} ${base - 44}L${cx - 44} ${base - 12}" stroke="${PAL.ink}" stroke-width="3" stroke-linecap="round"/>`;
  s += `<path d="M${cx - 52} ${base - 14}L${cx - 36} ${base - 16}L${cx - 38} ${base + 2}L${cx - 46} ${base + 4}Z" fill="${PAL.ink}"/>`;
  return s;
}

function star(cx: number, cy: number, r: number, fill: string): string {
  const pts: Pt[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.42;
    pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  return `<path d="${polyD(pts, true)}" fill="${fill}"/>`;
}

/** 1959: full production; sawtooth workshops with smoking chimneys. */
function iconFactory(cx: number, cyIn: number): string {
  const cy = cyIn + 12;
  const b = cy + 42,
    x = cx - 58;
  let p = `M${x} ${b}L${x} ${cy - 2}`;
  for (let i = 0; i < 4; i++) p += `L${x + i * 22 + 22} ${cy - 24}L${x + i * 22 + 22} ${cy - 2}`;
  p += `L${x + 88} ${cy - 2}L${x + 88} ${cy - 58}L${x + 98} ${cy - 58}L${x + 98} ${cy - 2}L${x + 104} ${cy - 2}L${x + 104} ${cy - 42}L${x + 112} ${cy - 42}L${x + 112} ${b}Z`;
  let s = `<path d="${p}" fill="${PAL.ink}"/>`;
  let w = '';
  for (let i = 0; i < 4; i++) w += `<rect x="${x + 6 + i * 20}" y="${cy + 10}" width="10" height="14" fill="${PAL.paper}"/>`;
  s += w;
  s += `<path d="M${x + 93} ${cy - 64}c-6 -6 -8 -8 -18 -10s-16 0 -24 -6" fill="none" stroke="${PAL.inkFaint}" stroke-width="6" stroke-linecap="round" opacity="0.6"/>`;
  s += `<path d="M${x + 108} ${cy - 48}c-4 -6 -6 -8 -14 -10" fill="none" stroke="${PAL.inkFaint}" stroke-width="4" stroke-linecap="round" opacity="0.5"/>`;
  s += `<line x1="${cx - 64}" y1="${b}" x2="${cx + 64}" y2="${b}" stroke="${PAL.ink}" stroke-width="2"/>`;
  return s;
}

export function timeline(): string {
  const d = new Doc();
  paperGround(d, { seed: 53 });
  d.hatch('tlHatch', PAL.green, 45, 6, 1, 0.6);
  d.hatch('tlHatchR', PAL.red, -45, 6, 1, 0.55);
  const ax = 130,
    bx = 1790,
    ay = 730;
  const years = 7;
  const step = (bx - ax - 240) / (years - 1);
  const X = (i: number) => ax + 120 + i * step;
  const r = new Rng('tl');

  // period bands under the axis: the First Five-Year Plan (1953-1957) and the interns in Kharkiv (1955-1958)
  const band = (x0: number, x1: number, y: number, h: number, pat: string, col: string, id: string) => {
    const br = new Rng(id);
    return (
      sketchRect(x0, y, x1 - x0, h, br, { fill: col, opacity: 0.22, pattern: pat, stroke: col, sw: 1.6 }) +
      `<path d="M${x0} ${y - 10}L${x0} ${y + h + 10}M${x1} ${y - 10}L${x1} ${y + h + 10}" stroke="${col}" stroke-width="3"/>`
    );
  };
  d.add(band(X(0), X(4), ay + 56, 36, 'tlHatch', PAL.greenDark, 'tl:b1'));
  d.add(band(X(2), X(5), ay + 118, 36, 'tlHatchR', PAL.red, 'tl:b2'));
  // a little train on the interns' band, heading for Kharkiv
  const ty = ay + 142,
    tx = X(2) + 30;
  d.add(
    `<g fill="${PAL.paperLight}" stroke="#7d1712" stroke-width="1.4">` +
      `<rect x="${tx}" y="${ty - 14}" width="40" height="18" rx="2"/><rect x="${tx + 46}" y="${ty - 14}" width="40" height="18" rx="2"/>` +
      `<path d="M${tx + 92} ${ty + 4}L${tx + 92} ${ty - 14}L${tx + 108} ${ty - 14}L${tx + 108} ${ty - 24}L${tx + 120} ${ty - 24}L${tx + 120} ${ty - 14}L${tx + 136} ${ty - 8}L${tx + 136} ${ty + 4}Z"/></g>`,
  );
  // a little plan sheet on the Five-Year Plan band
  const px = X(0) + 30,
    py = ay + 74;
  d.add(
    `<g stroke="${PAL.greenDark}" stroke-width="1.4" fill="${PAL.paperLight}"><rect x="${px}" y="${py - 14}" width="44" height="28"/>` +
      `<path d="M${px + 6} ${py + 8}L${px + 16} ${py - 2}L${px + 26} ${py + 4}L${px + 38} ${py - 8}" fill="none" stroke-width="2"/></g>`,
  );

  // the axis
  d.add(inkLine([ax, ay], [bx, ay], r, { stroke: PAL.ink, 'stroke-width': 4.5 }, 0.4));
  d.add(`<path d="M${bx + 30} ${ay}L${bx - 4} ${ay - 15}L${bx + 3} ${ay}L${bx - 4} ${ay + 15}Z" fill="${PAL.ink}"/>`);
  d.add(`<circle cx="${ax}" cy="${ay}" r="7" fill="${PAL.ink}"/>`);
  // minor ticks: quarters
  let minor = '';
  for (let i = -1; i < years; i++) {
    for (let m = 1; m < 4; m++) {
      const x = X(i) + (step * m) / 4;
      if (x < ax + 10 || x > bx - 10) continue;
      const h = m === 2 ? 11 : 7;
      minor += `M${n(x)} ${ay - h}L${n(x)} ${ay + h}`;
    }
  }
  d.add(`<path d="${minor}" stroke="${PAL.ink}" stroke-width="1.6"/>`);
  for (let i = 0; i < years; i++) {
    d.add(`<path d="M${X(i)} ${ay - 26}L${X(i)} ${ay + 26}" stroke="${PAL.ink}" stroke-width="4" stroke-linecap="round"/>`);
  }

  // events at 1953, 1955, 1958, 1959
  const ev: { i: number; h: number; r: number; k: number; accent: boolean; icon: (x: number, y: number) => string }[] = [
    { i: 0, h: 360, r: 112, k: 1.3, accent: false, icon: iconAgreement },
    { i: 2, h: 300, r: 112, k: 1.3, accent: false, icon: iconConstruction },
    {
      i: 5,
      h: 420,
      r: 150,
      k: 1,
      accent: true,
      icon: (x, y) =>
        star(x, y - 86, 32, PAL.red) +
        tractor(x - 96, y + 78, 192, { mode: 'silhouette', fill: PAL.ink, glass: '#f6e9e2' }) +
        `<line x1="${x - 112}" y1="${y + 80}" x2="${x + 112}" y2="${y + 80}" stroke="${PAL.ink}" stroke-width="2.5"/>`,
    },
    { i: 6, h: 230, r: 104, k: 1.2, accent: false, icon: iconFactory },
  ];
  for (const e of ev) {
    const x = X(e.i);
    const cy = ay - e.h;
    const col = e.accent ? PAL.red : PAL.ink;
    d.add(
      `<line x1="${n(x)}" y1="${cy + e.r}" x2="${n(x)}" y2="${ay - 12}" stroke="${col}" stroke-width="${e.accent ? 3 : 2}"${e.accent ? '' : ' stroke-dasharray="7 6"'}/>`,
    );
    d.add(
      `<circle cx="${n(x)}" cy="${ay}" r="${e.accent ? 16 : 12}" fill="${e.accent ? PAL.red : PAL.paperLight}" stroke="${col}" stroke-width="3.5"/>`,
    );
    d.add(medallion(x, cy, e.r, e.accent));
    d.add(`<g transform="translate(${n(x)} ${n(cy)}) scale(${e.k}) translate(${n(-x)} ${n(-cy)})">${e.icon(x, cy)}</g>`);
  }

  paperGrain(d, { seed: 53, grain: 0.25 });
  return d.toString();
}

// ---------------------------------------------------------------- linear city

/** Box standing on a plan footprint (x, y, w, depth), height h drawn up and a little right. */
function box(
  x: number,
  y: number,
  w: number,
  dp: number,
  h: number,
  top: string,
  side: string,
  front: string,
  ink: string = PAL.ink,
  dashed = false,
): string {
  const ox = h * 0.28,
    oy = -h * 0.85;
  const dash = dashed ? ` stroke-dasharray="6 4" fill-opacity="0"` : '';
  const sw = dashed ? 1.6 : 1.1;
  const A: Pt = [x, y],
    Bp: Pt = [x + w, y],
    Cp: Pt = [x + w, y + dp],
    Dp: Pt = [x, y + dp];
  const up = (p: Pt): Pt => [p[0] + ox, p[1] + oy];
  const st = (f: string) => `fill="${f}" stroke="${ink}" stroke-width="${sw}" stroke-linejoin="round"${dash}`;
  let s = '';
  if (!dashed)
    s += `<path d="${polyD([Cp, [Cp[0] + h * 0.5, Cp[1]], [Bp[0] + h * 0.5, Bp[1] + 4], Bp], true)}" fill="${PAL.ink}" opacity="0.12"/>`;
  s += `<path d="${polyD([A, Dp, up(Dp), up(A)], true)}" ${st(side)}/>`;
  s += `<path d="${polyD([Dp, Cp, up(Cp), up(Dp)], true)}" ${st(front)}/>`;
  s += `<path d="${polyD([up(A), up(Bp), up(Cp), up(Dp)], true)}" ${st(top)}/>`;
  return s;
}

function sawtoothShed(x: number, y: number, w: number, dp: number, h: number, dashed = false): string {
  let s = box(x, y, w, dp, h, '#d77a6c', '#8e1c16', PAL.red, '#4a0d09', dashed);
  if (dashed) return s;
  const ox = h * 0.28,
    oy = -h * 0.85;
  const teeth = Math.max(3, Math.round(w / 26));
  let t = '';
  for (let i = 1; i < teeth; i++) {
    const xx = x + (w * i) / teeth + ox;
    t += `M${n(xx)} ${n(y + oy + 2)}L${n(xx)} ${n(y + dp + oy - 2)}`;
  }
  s += `<path d="${t}" stroke="#4a0d09" stroke-width="1.1" opacity="0.55"/>`;
  let g = '';
  for (let i = 0; i < teeth; i++) {
    const xx = x + (w * i) / teeth + ox;
    g += `M${n(xx + 3)} ${n(y + oy + 2)}L${n(xx + 3)} ${n(y + dp + oy - 2)}`;
  }
  s += `<path d="${g}" stroke="#f6dcd2" stroke-width="2" opacity="0.6"/>`;
  return s;
}

function arrow(a: Pt, b: Pt, col: string, w = 3, head = 16, dashed = false): string {
  const dx = b[0] - a[0],
    dy = b[1] - a[1],
    l = Math.hypot(dx, dy);
  const ux = dx / l,
    uy = dy / l;
  const e: Pt = [b[0] - ux * head * 0.8, b[1] - uy * head * 0.8];
  return (
    `<path d="M${n(a[0])} ${n(a[1])}L${n(e[0])} ${n(e[1])}" stroke="${col}" stroke-width="${w}" stroke-linecap="round"${dashed ? ' stroke-dasharray="10 7"' : ''}/>` +
    `<path d="M${n(b[0])} ${n(b[1])}L${n(b[0] - ux * head - uy * head * 0.5)} ${n(b[1] - uy * head + ux * head * 0.5)}L${n(b[0] - ux * head + uy * head * 0.5)} ${n(b[1] - uy * head - ux * head * 0.5)}Z" fill="${col}"/>`
  );
}

/** A housing module: four blocks around a courtyard. */
function houseModule(x: number, y: number, dashed: boolean): string {
  const parts: [number, number, number, number][] = [
    [0, 0, 116, 20],
    [0, 22, 20, 44],
    [96, 22, 20, 44],
    [0, 68, 116, 20],
  ];
  let s = '';
  if (!dashed)
    s += `<rect x="${x + 24}" y="${y + 24}" width="68" height="40" fill="${PAL.greenPale}" stroke="${PAL.greenDark}" stroke-width="0.8"/>`;
  for (const [dx, dy, w, dp] of parts) {
    s += dashed
      ? box(x + dx, y + dy, w, dp, 22, 'none', 'none', 'none', PAL.inkSoft, true)
      : box(x + dx, y + dy, w, dp, 22, '#d39a80', '#7d3f2c', PAL.brick, PAL.ink);
  }
  if (!dashed) {
    for (const [tx, ty] of [
      [44, 44],
      [72, 40],
    ] as const) {
      s += `<circle cx="${x + tx}" cy="${y + ty}" r="8" fill="#86a06e" stroke="${PAL.greenDark}" stroke-width="1"/>`;
    }
  }
  return s;
}

export function linearCity(): string {
  const d = new Doc();
  paperGround(d, { seed: 61 });
  d.hatch('lcGround', PAL.inkFaint, 0, 8, 0.6, 0.3);
  d.hatch('lcRedH', PAL.red, 45, 7, 1.1, 0.45);

  // plan bands (y ranges); the built part spans X0..X1, growth zones E0..X0 and X1..E1
  const X0 = 500,
    X1 = 1420,
    E0 = 210,
    E1 = 1710;
  const IND = [230, 420],
    GRN = [446, 500],
    ROAD = [512, 568],
    HOU = [592, 812];
  const mid = (b: number[]) => (b[0]! + b[1]!) / 2;
  const r = new Rng('lc');

  d.add(`<rect x="${E0 - 90}" y="170" width="${E1 - E0 + 180}" height="700" fill="url(#lcGround)" opacity="0.7"/>`);

  // growth zones: dashed outlines on every band, at both ends
  for (const [a, b] of [
    [E0, X0 - 18],
    [X1 + 18, E1],
  ] as const) {
    const dr = new Rng(`lc:g${a}`);
    d.add(sketchRect(a, IND[0]!, b - a, IND[1]! - IND[0]!, dr, { fill: PAL.red, opacity: 0.05, stroke: PAL.red, sw: 2, dash: '12 8' }));
    d.add(
      sketchRect(a, GRN[0]!, b - a, GRN[1]! - GRN[0]!, dr, { fill: PAL.green, opacity: 0.08, stroke: PAL.greenDark, sw: 2, dash: '12 8' }),
    );
    d.add(sketchRect(a, HOU[0]!, b - a, HOU[1]! - HOU[0]!, dr, { fill: PAL.ink, opacity: 0.03, stroke: PAL.inkSoft, sw: 2, dash: '12 8' }));
  }

  // built bands
  d.add(sketchRect(X0, IND[0]!, X1 - X0, IND[1]! - IND[0]!, r, { fill: '#ecd3c8', pattern: 'lcRedH', stroke: PAL.red, sw: 2 }));
  d.add(sketchRect(X0, GRN[0]!, X1 - X0, GRN[1]! - GRN[0]!, r, { fill: PAL.green, opacity: 0.7, stroke: PAL.greenDark, sw: 1.5 }));
  d.add(sketchRect(X0, HOU[0]!, X1 - X0, HOU[1]! - HOU[0]!, r, { fill: '#f1e6cf', stroke: PAL.inkSoft, sw: 1.5 }));
  // the highway: the spine, already running the whole length
  d.add(sketchRect(E0 - 110, ROAD[0]!, E1 - E0 + 220, ROAD[1]! - ROAD[0]!, r, { fill: '#d6cdb9', stroke: PAL.ink, sw: 2 }));
  d.add(
    `<path d="M${E0 - 96} ${mid(ROAD)}L${E1 + 96} ${mid(ROAD)}" stroke="${PAL.paperLight}" stroke-width="3" stroke-dasharray="26 18"/>`,
  );
  d.add(arrow([E0 - 120, mid(ROAD)], [E0 - 190, mid(ROAD)], PAL.ink, 5, 24));
  d.add(arrow([E1 + 120, mid(ROAD)], [E1 + 190, mid(ROAD)], PAL.ink, 5, 24));

  // trees on the green strip (built part solid, growth zones as open circles)
  let tr = '';
  for (let x = E0 + 14; x < E1 - 6; x += 20) {
    const built = x > X0 + 6 && x < X1 - 6;
    const gap = (x > X0 - 26 && x <= X0 + 6) || (x >= X1 - 6 && x < X1 + 26);
    if (gap) continue;
    for (const [y, dx] of [
      [GRN[0]! + 16, 0],
      [GRN[1]! - 14, 10],
    ] as const) {
      tr += built
        ? `<circle cx="${x + dx}" cy="${y}" r="8.5" fill="#8fa877" stroke="${PAL.greenDark}" stroke-width="1"/>`
        : `<circle cx="${x + dx}" cy="${y}" r="8" fill="none" stroke="${PAL.greenDark}" stroke-width="1.3" stroke-dasharray="4 3"/>`;
    }
  }
  d.add(tr);

  // industry: sawtooth sheds and chimneys
  const sheds: [number, number, number, number, number][] = [
    [530, 300, 200, 96, 44],
    [770, 290, 250, 108, 50],
    [1060, 310, 150, 86, 40],
    [1240, 296, 150, 100, 46],
  ];
  for (const [x, y, w, dp, h] of sheds) d.add(sawtoothShed(x, y, w, dp, h));
  for (const x of [E0 + 40, X1 + 60]) d.add(sawtoothShed(x, 300, 200, 96, 44, true));

  // housing micro-districts
  for (let x = X0 + 30; x + 116 <= X1 - 20; x += 150) {
    d.add(houseModule(x, HOU[0]! + 28, false));
    d.add(houseModule(x + 14, HOU[0]! + 126, false));
  }
  for (const x of [E0 + 14, X1 + 44]) {
    d.add(houseModule(x, HOU[0]! + 28, true));
    d.add(houseModule(x + 130, HOU[0]! + 28, true));
    d.add(houseModule(x + 14, HOU[0]! + 126, true));
    d.add(houseModule(x + 144, HOU[0]! + 126, true));
  }

  // anchoring pins where the new parts meet the plan
  for (const x of [X0 - 9, X1 + 9]) {
    for (const y of [mid(IND), mid(GRN), mid(HOU)]) {
      d.add(
        `<circle cx="${x}" cy="${y}" r="10" fill="${PAL.paperLight}" stroke="${PAL.red}" stroke-width="2.5"/><circle cx="${x}" cy="${y}" r="3.5" fill="${PAL.red}"/>`,
      );
    }
  }
  // growth: outward arrows above the plan
  d.add(arrow([X0 - 30, IND[0]! - 56], [E0 + 10, IND[0]! - 56], PAL.red, 5, 26));
  d.add(arrow([X1 + 30, IND[0]! - 56], [E1 - 10, IND[0]! - 56], PAL.red, 5, 26));
  d.add(
    `<path d="M${X0} ${IND[0]! - 72}L${X0} ${IND[0]! - 40}M${X1} ${IND[0]! - 72}L${X1} ${IND[0]! - 40}" stroke="${PAL.red}" stroke-width="3"/>`,
  );
  // a standard micro-district plan being fitted to the site at each end (privyazka)
  for (const [x, tx] of [
    [E0 + 60, E0 + 120],
    [X1 + 90, X1 + 150],
  ] as const) {
    const y = 918;
    d.add(sketchRect(x - 16, y - 26, 148, 126, new Rng(`lc:tpl${x}`), { fill: PAL.paperLight, stroke: PAL.inkSoft, sw: 1, opacity: 0.9 }));
    d.add(houseModule(x, y, true));
    d.add(arrow([tx, y - 34], [tx, HOU[1]! + 18], PAL.red, 3, 18, true));
  }

  paperGrain(d, { seed: 61, grain: 0.25 });
  return d.toString();
}
