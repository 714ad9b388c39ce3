/**
 * New Kharkiv (the socialist city of the Kharkiv Tractor Plant, early 1930s)
 * as a schematic plan, and a blueprint of an assembly shop.
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
  paperGround,
  paperGrain,
  sheetBorder,
  northArrow,
  scaleBar,
} from './lib.ts';

// ---------------------------------------------------------------- New Kharkiv

function treeDots(pts: Pt[], r: Rng, rad: number, fill: string = PAL.green): string {
  let s = '';
  for (const [x, y] of pts) s += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(rad * r.range(0.8, 1.2))}"/>`;
  return `<g fill="${fill}" stroke="${PAL.greenDark}" stroke-width="0.7" fill-opacity="0.9">${s}</g>`;
}

function rail(pts: Pt[], r: Rng, w = 4.2): string {
  const dd = smoothD(wobble(pts, r, 0.3, 40));
  return (
    `<path d="${dd}" fill="none" stroke="${PAL.ink}" stroke-width="${w}"/>` +
    `<path d="${dd}" fill="none" stroke="${PAL.paperLight}" stroke-width="${n(w - 2.2)}" stroke-dasharray="12 12"/>`
  );
}

function nkFields(x: number, y: number, w: number, h: number, seed: string): string {
  const r = new Rng(seed);
  let s = '';
  // long strip fields, as on the pre-collectivisation village lands
  let cx = x;
  while (cx < x + w - 10) {
    const fw = Math.min(r.range(30, 90), x + w - cx);
    const tone = r.pick(['#e7dfc3', '#e2d9ba', '#ebe3ca', '#ddd4b2']);
    const pts: Pt[] = [
      [cx, y],
      [cx + fw, y],
      [cx + fw + r.normal() * 4, y + h],
      [cx + r.normal() * 4, y + h],
    ];
    const dd = polyD(pts, true);
    s += `<path d="${dd}" fill="${tone}"/>`;
    if (r.chance(0.8)) s += `<path d="${dd}" fill="url(#nkFurrow${r.int(0, 2)})"/>`;
    s += `<path d="${dd}" fill="none" stroke="${PAL.inkFaint}" stroke-width="0.7" opacity="0.7"/>`;
    cx += fw;
  }
  return s;
}

/** One standard residential quarter: parallel slabs and communal buildings in the middle. */
function quarter(x: number, y: number, w: number, h: number, id: string): string {
  const r = new Rng(`nk:q:${id}`);
  let s = sketchRect(x, y, w, h, r, { fill: '#e9dcc0', stroke: PAL.ink, sw: 1.3 });
  const m = 12;
  // slabs perpendicular to the main road, in two rows
  const slabs = 5;
  const sw = 15,
    gap = (w - 2 * m - slabs * sw) / (slabs - 1);
  const slabH = (h - 2 * m - 50) / 2;
  for (let i = 0; i < slabs; i++) {
    const sx = x + m + i * (sw + gap);
    for (const sy of [y + m, y + h - m - slabH]) {
      s += sketchRect(sx, sy, sw, slabH, r, { fill: PAL.brick, stroke: PAL.ink, sw: 1, amp: 0.3 });
    }
  }
  // courtyards between slabs: gardens
  for (let i = 0; i < slabs - 1; i++) {
    const gx = x + m + sw + i * (sw + gap) + 6;
    for (const gy of [y + m + 4, y + h - m - slabH + 4]) {
      s += `<rect x="${n(gx)}" y="${n(gy)}" width="${n(gap - 12)}" height="${n(slabH - 8)}" fill="${PAL.greenPale}" opacity="0.8"/>`;
      const tp: Pt[] = [];
      for (let k = 0; k < 3; k++) tp.push([gx + (gap - 12) / 2 + r.normal() * 3, gy + 10 + k * ((slabH - 28) / 2)]);
      s += treeDots(tp, r, 3.4);
    }
  }
  // communal spine: canteen, kindergarten and a covered gallery across the middle
  const cy = y + h / 2;
  s += `<path d="M${n(x + m)} ${n(cy)}L${n(x + w - m)} ${n(cy)}" stroke="${PAL.ink}" stroke-width="1" stroke-dasharray="5 3"/>`;
  s += sketchRect(x + w * 0.5 - 26, cy - 15, 52, 30, r, { fill: PAL.paperLight, pattern: 'nkPub', stroke: PAL.ink, sw: 1.2 });
  s += `<circle cx="${n(x + w * 0.2)}" cy="${n(cy)}" r="11" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1.1"/>`;
  s += `<circle cx="${n(x + w * 0.8)}" cy="${n(cy)}" r="11" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1.1"/>`;
  return s;
}

export function newKharkivPlan(): string {
  const d = new Doc();
  paperGround(d, { base: '#ece2ca', edge: '#dccba6', seed: 71 });
  d.hatch('nkFac', '#7d1712', 45, 7, 0.9, 0.55);
  d.hatch('nkPub', PAL.ink, 45, 4, 0.5, 0.6);
  d.hatch('nkFurrow0', '#7f8a5e', 0, 6, 0.7, 0.5);
  d.hatch('nkFurrow1', '#7f8a5e', 90, 6, 0.7, 0.5);
  d.hatch('nkFurrow2', '#7f8a5e', 90, 9, 0.7, 0.4);
  d.hatch('nkWater', PAL.blue, 0, 7, 0.7, 0.55);
  d.def('nkClip', `<clipPath id="nkClip"><rect x="50" y="50" width="1820" height="980"/></clipPath>`);
  d.add(`<g clip-path="url(#nkClip)">`);

  // fields all round (the plant was built on open land east of the city)
  d.add(nkFields(40, 40, 1840, 1000, 'nk:fields'));

  // the developed site
  const site = (x0: number, y0: number, x1: number, y1: number) =>
    `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" fill="#ece2ca"/>`;
  d.add(site(860, 70, 1880, 470));
  d.add(site(40, 60, 1880, 92));
  d.add(site(40, 440, 1880, 930));

  // stream and ponds along the bottom
  const sr = new Rng('nk:stream');
  const st: Pt[] = [];
  for (let x = 20; x <= 1900; x += 70) st.push([x, 985 + Math.sin(x / 140) * 14 + sr.normal() * 3]);
  d.add(`<path d="${smoothD(st)}" fill="none" stroke="${PAL.bluePale}" stroke-width="14"/>`);
  d.add(`<path d="${smoothD(st)}" fill="none" stroke="${PAL.blueDark}" stroke-width="1.2"/>`);
  for (const [px, py, rx, ry] of [
    [520, 978, 60, 22],
    [1320, 990, 80, 24],
  ] as const) {
    const pond: Pt[] = [];
    for (let i = 0; i < 10; i++) {
      const a = (i / 10) * Math.PI * 2;
      pond.push([px + Math.cos(a) * rx * sr.range(0.85, 1.1), py + Math.sin(a) * ry * sr.range(0.85, 1.1)]);
    }
    d.add(`<path d="${smoothD(pond, true)}" fill="${PAL.bluePale}" stroke="${PAL.blueDark}" stroke-width="1.2"/>`);
    d.add(`<path d="${smoothD(pond, true)}" fill="url(#nkWater)"/>`);
  }

  // ---- the tractor plant
  const P = { x: 900, y: 96, w: 910, h: 330 };
  // railway from the east with sidings
  const rr = new Rng('nk:rail');
  d.add(
    rail(
      [
        [40, 78],
        [1880, 78],
      ],
      rr,
    ),
  );
  for (const [sx, ex] of [
    [1000, 1060],
    [1250, 1330],
    [1560, 1640],
  ] as const) {
    d.add(
      rail(
        [
          [sx - 200, 78],
          [sx - 100, 80],
          [sx - 20, 86],
          [ex - 30, 98],
          [ex, 118],
        ],
        new Rng(`nk:sid${sx}`),
        3.2,
      ),
    );
  }
  d.add(
    sketchRect(P.x, P.y, P.w, P.h, new Rng('nk:plant'), {
      fill: PAL.red,
      opacity: 0.86,
      pattern: 'nkFac',
      stroke: '#5e100c',
      sw: 2.2,
      overshoot: true,
    }),
  );
  // the shops: a long assembly hall, foundry, forge, mechanical shops, power station
  const shops: [number, number, number, number][] = [
    [930, 130, 520, 70],
    [1480, 130, 300, 70],
    [930, 222, 250, 110],
    [1200, 222, 250, 110],
    [1480, 222, 150, 110],
    [1650, 222, 130, 60],
    [930, 352, 180, 50],
    [1130, 352, 320, 50],
    [1480, 352, 300, 50],
  ];
  const pr = new Rng('nk:shops');
  for (const [x, y, w, h] of shops) {
    d.add(sketchRect(x, y, w, h, pr, { fill: '#8e1c16', opacity: 0.55, stroke: '#f3dcd2', sw: 1.2 }));
    let bays = '';
    const k = Math.floor(w / 13);
    for (let i = 1; i < k; i++) bays += `M${n(x + (w * i) / k)} ${y + 3}L${n(x + (w * i) / k)} ${y + h - 3}`;
    d.add(`<path d="${bays}" stroke="#f3dcd2" stroke-width="0.6" opacity="0.5"/>`);
  }
  for (const [cx, cy] of [
    [1700, 312],
    [1730, 312],
    [1760, 312],
  ] as const) {
    d.add(`<circle cx="${cx}" cy="${cy}" r="6" fill="${PAL.paperLight}" stroke="#5e100c" stroke-width="1.3"/>`);
  }
  // plant gate and square at the head of the main road
  const gateX = 900,
    roadY = 622;

  // ---- green belt between the plant and the housing
  const gb = new Rng('nk:belt');
  const beltD =
    smoothD([
      [40, 470],
      [600, 462],
      [1300, 472],
      [1880, 466],
    ]) +
    'L1880 572' +
    smoothD([
      [1880, 572],
      [1200, 580],
      [500, 574],
      [40, 580],
    ]).slice(
      smoothD([
        [1880, 572],
        [1200, 580],
        [500, 574],
        [40, 580],
      ]).indexOf('C'),
    ) +
    'Z';
  d.add(`<path d="${beltD}" fill="${PAL.greenPale}" stroke="${PAL.greenDark}" stroke-width="1.2"/>`);
  const groves: Pt[] = [];
  for (let i = 0; i < 540; i++) {
    const x = gb.range(50, 1870),
      y = gb.range(482, 566);
    // leave clearings along winding paths
    if (Math.abs(y - (524 + Math.sin(x / 120) * 26)) < 8) continue;
    groves.push([x, y]);
  }
  d.add(treeDots(groves, gb, 5.2, '#8aa473'));
  const path: Pt[] = [];
  for (let x = 50; x <= 1870; x += 40) path.push([x, 524 + Math.sin(x / 120) * 26]);
  d.add(`<path d="${smoothD(path)}" fill="none" stroke="${PAL.paperLight}" stroke-width="4"/>`);
  d.add(`<path d="${smoothD(path)}" fill="none" stroke="${PAL.inkFaint}" stroke-width="0.8" stroke-dasharray="4 4"/>`);
  // avenue from the plant gate across the belt
  d.add(
    `<rect x="${gateX + 90}" y="426" width="26" height="${roadY - 426}" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1.2"/>`,
  );

  // ---- main road with a tram line, running the length of the town
  const mr = new Rng('nk:road');
  d.add(`<rect x="30" y="${roadY - 18}" width="1860" height="36" fill="${PAL.paperLight}"/>`);
  d.add(inkLine([30, roadY - 18], [1890, roadY - 18], mr, { stroke: PAL.ink, 'stroke-width': 1.8 }, 0.3));
  d.add(inkLine([30, roadY + 18], [1890, roadY + 18], mr, { stroke: PAL.ink, 'stroke-width': 1.8 }, 0.3));
  d.add(
    rail(
      [
        [30, roadY],
        [1890, roadY],
      ],
      mr,
      3.4,
    ),
  );
  // gate square
  d.add(`<circle cx="${gateX + 103}" cy="${roadY}" r="44" fill="${PAL.paperLight}" stroke="${PAL.ink}" stroke-width="1.6"/>`);
  d.add(`<circle cx="${gateX + 103}" cy="${roadY}" r="18" fill="${PAL.greenPale}" stroke="${PAL.greenDark}" stroke-width="1"/>`);

  // ---- residential quarters, one after another along the road
  const qy = 664,
    qh = 238,
    qw = 214,
    qg = 30,
    qn = 7;
  const q0 = (1920 - (qn * qw + (qn - 1) * qg)) / 2;
  for (let i = 0; i < qn; i++) d.add(quarter(q0 + i * (qw + qg), qy, qw, qh, String(i)));
  // streets between quarters run down from the main road
  let streets = '';
  for (let i = 0; i <= qn; i++) {
    const x = q0 + i * (qw + qg) - qg / 2;
    streets += `M${x} ${roadY + 22}L${x} ${qy + qh + 14}`;
  }
  d.add(`<path d="${streets}" stroke="${PAL.inkFaint}" stroke-width="0.9" stroke-dasharray="10 6"/>`);
  d.add(inkLine([40, qy + qh + 18], [1880, qy + qh + 18], new Rng('nk:back'), { stroke: PAL.ink, 'stroke-width': 1 }, 0.3));

  // the old village to the west, among its fields: cottages and gardens along two lanes
  const vr = new Rng('nk:village');
  const lane1: Pt[] = [
    [40, 300],
    [200, 282],
    [380, 300],
    [560, 270],
    [760, 296],
    [860, 290],
  ];
  const lane2: Pt[] = [
    [330, 96],
    [350, 200],
    [338, 300],
    [360, 420],
    [350, 440],
  ];
  d.add(`<path d="${smoothD(lane1)}${smoothD(lane2)}" fill="none" stroke="${PAL.paperLight}" stroke-width="9"/>`);
  d.add(`<path d="${smoothD(lane1)}${smoothD(lane2)}" fill="none" stroke="${PAL.inkFaint}" stroke-width="1"/>`);
  let cott = '',
    plots = '';
  const orch: Pt[] = [];
  const along = (pts: Pt[], count: number, side: number) => {
    for (let i = 0; i < count; i++) {
      const t = (i + 0.5) / count;
      const seg = Math.min(pts.length - 2, Math.floor(t * (pts.length - 1)));
      const u = t * (pts.length - 1) - seg;
      const a = pts[seg]!,
        b = pts[seg + 1]!;
      const x = a[0] + (b[0] - a[0]) * u,
        y = a[1] + (b[1] - a[1]) * u;
      const dx = b[0] - a[0],
        dy = b[1] - a[1],
        l = Math.hypot(dx, dy);
      const nx = (-dy / l) * side,
        ny = (dx / l) * side;
      const ang = (Math.atan2(dy, dx) * 180) / Math.PI;
      const hx = x + nx * 18,
        hy = y + ny * 18;
      plots += `<rect x="${n(hx - 14)}" y="${n(hy - 6)}" width="28" height="${n(46)}" transform="rotate(${n(ang)} ${n(hx)} ${n(hy)})${side < 0 ? ` rotate(180 ${n(hx)} ${n(hy)})` : ''}"/>`;
      cott += `<rect x="${n(hx - 7)}" y="${n(hy - 5)}" width="14" height="10" transform="rotate(${n(ang + vr.normal() * 4)} ${n(hx)} ${n(hy)})"/>`;
      for (let k = 0; k < 2; k++) orch.push([hx + nx * (22 + k * 12) + vr.normal() * 3, hy + ny * (22 + k * 12) + vr.normal() * 3]);
    }
  };
  along(lane1, 22, 1);
  along(lane1, 22, -1);
  along(lane2, 9, 1);
  along(lane2, 9, -1);
  d.add(`<g fill="#e2d6b4" stroke="${PAL.inkFaint}" stroke-width="0.6">${plots}</g>`);
  d.add(treeDots(orch, vr, 3.6, '#98ad80'));
  d.add(`<g fill="${PAL.inkSoft}" stroke="${PAL.ink}" stroke-width="0.5">${cott}</g>`);
  d.add(`</g>`);

  // sheet furniture
  d.add(`<circle cx="1786" cy="982" r="34" fill="#ece2ca" stroke="${PAL.ink}" stroke-width="0.8"/>`);
  d.add(northArrow(1786, 988, 30));
  d.add(`<rect x="1486" y="974" width="250" height="28" fill="#ece2ca" stroke="${PAL.ink}" stroke-width="0.6"/>`);
  d.add(scaleBar(1501, 986, 44, 5));
  sheetBorder(d, 34, PAL.ink, new Rng('nk:border'));
  paperGrain(d, { seed: 71, grain: 0.2 });
  return d.toString();
}

// ---------------------------------------------------------------- blueprint

export function blueprintShops(): string {
  const d = new Doc();
  const BG = '#1e3d5f';
  const L = '#e6eef3';
  paperGround(d, { base: BG, edge: '#16304c', seed: 83, mottle: 0 });
  d.def(
    'bpMottle',
    `<filter id="bpMottle" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.004 0.006" numOctaves="3" seed="83"/><feColorMatrix type="matrix" values="0 0 0 0 0.75  0 0 0 0 0.85  0 0 0 0 1  0.9 0 0 0 -0.38"/></filter>`,
  );
  d.add(`<rect width="1920" height="1080" filter="url(#bpMottle)" opacity="0.25"/>`);
  d.hatch('bpWall', L, 45, 4, 0.8, 0.8);
  d.hatch('bpStore', L, -45, 6, 0.6, 0.45);
  d.hatch('bpGround', L, 45, 8, 0.7, 0.5);
  // faint sheet grid
  let grid = '';
  for (let x = 40; x < 1900; x += 40) grid += `M${x} 30V1050`;
  for (let y = 30; y < 1060; y += 40) grid += `M30 ${y}H1890`;
  d.add(`<path d="${grid}" stroke="${L}" stroke-width="0.5" opacity="0.07"/>`);

  const g = (s: string, w = 1.2, o = 0.9, extra = '') =>
    `<path d="${s}" fill="none" stroke="${L}" stroke-width="${w}" opacity="${o}" stroke-linejoin="round"${extra}/>`;

  // building: 18 spans x 4 bays
  const X0 = 170,
    Y0 = 200,
    span = 74,
    bay = 138,
    NX = 18,
    NY = 4;
  const X1 = X0 + NX * span,
    Y1 = Y0 + NY * bay;
  // axis lines (dash-dot) with empty bubbles
  let axes = '';
  let bubbles = '';
  for (let i = 0; i <= NX; i++) {
    const x = X0 + i * span;
    axes += `M${x} ${Y0 - 70}V${Y1 + 20}`;
    bubbles += `<circle cx="${x}" cy="${Y0 - 86}" r="14"/>`;
  }
  for (let j = 0; j <= NY; j++) {
    if (j === 2) continue; // the wide assembly bay has no middle row of columns
    const y = Y0 + j * bay;
    axes += `M${X0 - 70} ${y}H${X1 + 20}`;
    bubbles += `<circle cx="${X0 - 86}" cy="${y}" r="14"/>`;
  }
  d.add(g(axes, 0.7, 0.5, ' stroke-dasharray="22 5 3 5"'));
  d.add(`<g fill="none" stroke="${L}" stroke-width="1.3" opacity="0.85">${bubbles}</g>`);
  // dimension lines (ticks, no figures)
  let dim = `M${X0} ${Y0 - 44}H${X1}M${X0 - 44} ${Y0}V${Y1}M${X0} ${Y1 + 60}H${X1}`;
  for (let i = 0; i <= NX; i++) dim += `M${X0 + i * span - 6} ${Y0 - 38}L${X0 + i * span + 6} ${Y0 - 50}`;
  for (let j = 0; j <= NY; j++) if (j !== 2) dim += `M${X0 - 50} ${Y0 + j * bay + 6}L${X0 - 38} ${Y0 + j * bay - 6}`;
  dim += `M${X0 - 6} ${Y1 + 66}L${X0 + 6} ${Y1 + 54}M${X1 - 6} ${Y1 + 66}L${X1 + 6} ${Y1 + 54}M${X0} ${Y1 + 30}V${Y1 + 70}M${X1} ${Y1 + 30}V${Y1 + 70}`;
  d.add(g(dim, 1, 0.75));

  // outer walls with door openings
  const wallT = 10;
  const wallOuter = `M${X0 - wallT} ${Y0 - wallT}H${X1 + wallT}V${Y1 + wallT}H${X0 - wallT}Z`;
  const wallInner = `M${X0} ${Y0}V${Y1}H${X1}V${Y0}Z`;
  d.add(`<path d="${wallOuter}${wallInner}" fill="url(#bpWall)" fill-rule="evenodd"/>`);
  d.add(g(wallOuter + wallInner, 1.8, 0.95));
  // gate openings: rail entrance at left (bay 2), finished tractors out at right (bay 2), side doors
  const gaps: [number, number, number, number][] = [
    [X0 - wallT - 2, Y0 + bay * 3.5 - 30, wallT + 4, 60],
    [X1 - 2, Y0 + bay * 2 - 34, wallT + 4, 68],
    [X0 + span * 4, Y1 - 2, 50, wallT + 4],
    [X0 + span * 12, Y1 - 2, 50, wallT + 4],
    [X0 + span * 8, Y0 - wallT - 2, 50, wallT + 4],
  ];
  for (const [x, y, w, h] of gaps) d.add(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${BG}"/>`);
  // door swings
  d.add(
    g(
      `M${X0 + span * 4} ${Y1}A50 50 0 0 1 ${X0 + span * 4 + 50} ${Y1 + 50}M${X0 + span * 4} ${Y1}V${Y1 + 50}M${X0 + span * 12} ${Y1}A50 50 0 0 1 ${X0 + span * 12 + 50} ${Y1 + 50}M${X0 + span * 12} ${Y1}V${Y1 + 50}M${X0 + span * 8} ${Y0}A50 50 0 0 0 ${X0 + span * 8 + 50} ${Y0 - 50}M${X0 + span * 8} ${Y0}V${Y0 - 50}`,
      1,
      0.7,
    ),
  );

  // columns on the grid
  let cols = '';
  for (let i = 0; i <= NX; i++) {
    for (let j = 0; j <= NY; j++) {
      if (j === 2) continue;
      const x = X0 + i * span,
        y = Y0 + j * bay;
      cols += `<rect x="${x - 6}" y="${y - 6}" width="12" height="12"/>`;
    }
  }
  d.add(`<g fill="${L}" opacity="0.92">${cols}</g>`);
  // crane rails along every bay
  let crane = '';
  for (const [j0, j1] of [
    [0, 1],
    [1, 3],
    [3, 4],
  ] as const) {
    crane += `M${X0 + 4} ${Y0 + j0 * bay + 14}H${X1 - 4}M${X0 + 4} ${Y0 + j1 * bay - 14}H${X1 - 4}`;
  }
  d.add(g(crane, 0.8, 0.55, ' stroke-dasharray="14 6"'));
  // a crane bridge in bays 1 and 4
  for (const [x, j] of [
    [X0 + span * 13.3, 0],
    [X0 + span * 5.4, 3],
  ] as const) {
    const y0 = Y0 + j * bay + 10,
      y1 = Y0 + (j + 1) * bay - 10;
    d.add(g(`M${x} ${y0}H${x + 26}V${y1}H${x}ZM${x} ${y0}L${x + 26} ${y1}M${x + 26} ${y0}L${x} ${y1}`, 1, 0.8));
  }

  // bay 2-3: the main assembly line
  const ly = Y0 + bay * 1.5 + bay / 2;
  const lx0 = X0 + 40,
    lx1 = X1 - 30;
  d.add(g(`M${lx0} ${ly - 20}H${lx1}M${lx0} ${ly + 20}H${lx1}`, 1.6, 0.95));
  let rollers = '';
  for (let x = lx0 + 6; x < lx1; x += 11) rollers += `M${x} ${ly - 20}V${ly + 20}`;
  d.add(g(rollers, 0.6, 0.45));
  // tractors on the line, top view, getting more complete along the line
  for (let k = 0; k < 11; k++) {
    const x = lx0 + 60 + k * 112;
    if (x > lx1 - 70) break;
    const stage = k / 10;
    let t = `M${x} ${ly - 28}h64v16h-64zM${x} ${ly + 12}h64v16h-64z`; // tracks
    if (stage > 0.15) t += `M${x + 6} ${ly - 12}h52v24h-52z`; // frame
    if (stage > 0.35) t += `M${x + 30} ${ly - 10}h32v20h-32z`; // engine
    if (stage > 0.6) t += `M${x + 4} ${ly - 14}h22v28h-22z`; // cab
    d.add(g(t, 1.3, 0.95));
    if (stage > 0.6) d.add(g(`M${x + 4} ${ly - 14}l22 28M${x + 26} ${ly - 14}l-22 28`, 0.6, 0.6));
    let grous = '';
    for (let q = 4; q < 64; q += 6) grous += `M${x + q} ${ly - 28}v16M${x + q} ${ly + 12}v16`;
    d.add(g(grous, 0.5, 0.45));
  }
  // flow arrows
  for (const x of [lx0 + 10, X1 - 60]) {
    d.add(`<path d="M${x} ${ly - 5}h28v-8l16 13l-16 13v-8h-28z" fill="${L}" opacity="0.9"/>`);
  }
  // work stations either side of the line
  let st = '';
  for (let k = 0; k < 16; k++) {
    const x = lx0 + 80 + k * 74;
    if (x > lx1 - 60) break;
    st += `M${x} ${ly - 64}h34v22h-34zM${x} ${ly + 42}h34v22h-34z`;
  }
  d.add(g(st, 1, 0.7));

  // bay 1: machine tools in rows
  let mt = '';
  for (let i = 0; i < 34; i++) {
    const x = X0 + 28 + (i % 17) * 74,
      y = Y0 + 34 + Math.floor(i / 17) * 52;
    mt += `M${x} ${y}h30v22h-30zM${x + 40} ${y + 11}a6 6 0 1 0 0.1 0`;
  }
  d.add(g(mt, 0.9, 0.75));
  // bay 4: engine sub-assembly line feeding the main line, and stores
  const ey = Y0 + bay * 3.5;
  d.add(g(`M${X0 + span * 7} ${ey - 14}H${X1 - span * 2}M${X0 + span * 7} ${ey + 14}H${X1 - span * 2}`, 1.3, 0.9));
  let eng = '';
  for (let k = 0; k < 8; k++) eng += `M${X0 + span * 7 + 30 + k * 96} ${ey - 9}h40v18h-40z`;
  d.add(g(eng, 1, 0.85));
  d.add(g(`M${X1 - span * 2 + 20} ${ey}H${X1 - span * 2 + 40}V${ly + 44}`, 1.4, 0.9, ' stroke-dasharray="8 5"'));
  d.add(`<path d="M${X1 - span * 2 + 40} ${ly + 30}l-9 16h18z" fill="${L}" opacity="0.9"/>`);
  for (let i = 0; i < 5; i++) {
    const x = X0 + 70 + i * 96;
    d.add(`<rect x="${x}" y="${ey - 40}" width="70" height="80" fill="url(#bpStore)" stroke="${L}" stroke-width="1" opacity="0.8"/>`);
  }
  // rail track entering at the left
  const ry = Y0 + bay * 3.5;
  let rl = `M40 ${ry - 8}H${X0 + 20}M40 ${ry + 8}H${X0 + 20}`;
  for (let x = 46; x < X0 + 20; x += 12) rl += `M${x} ${ry - 14}V${ry + 14}`;
  d.add(g(rl, 1.2, 0.85));

  // section through the sawtooth roof, below the plan
  const sy = 980,
    sx0 = X0,
    sx1 = X1;
  let sec = `M${sx0 - 30} ${sy}H${sx1 + 30}`;
  const sawW = span * 2;
  for (let x = sx0; x < sx1; x += sawW) {
    sec += `M${x} ${sy}V${sy - 90}M${x} ${sy - 90}L${x + sawW} ${sy - 120}V${sy - 90}`;
    sec += `M${x + sawW} ${sy - 120}L${x + sawW} ${sy - 90}`;
    sec += `M${x + 6} ${sy - 92}L${x + sawW - 6} ${sy - 92}`; // bottom chord
    sec += `M${x + sawW * 0.35} ${sy - 92}L${x + sawW * 0.35} ${sy - 100}M${x + sawW * 0.7} ${sy - 92}L${x + sawW * 0.7} ${sy - 111}`;
  }
  sec += `M${sx1} ${sy}V${sy - 90}`;
  d.add(g(sec, 1.4, 0.9));
  // glazing of the north lights
  let gl = '';
  for (let x = sx0 + sawW; x <= sx1; x += sawW) gl += `M${x - 2} ${sy - 118}V${sy - 92}`;
  d.add(g(gl, 3, 0.5));
  d.add(`<rect x="${sx0 - 30}" y="${sy}" width="${sx1 - sx0 + 60}" height="16" fill="url(#bpGround)"/>`);
  // the section's line of cut in the plan
  d.add(g(`M${X0 - 40} ${Y0 + bay * 2 + 60}h30M${X1 + 10} ${Y0 + bay * 2 + 60}h30`, 3, 0.9));

  // right-hand column: a column base detail and the (blank) title block
  const dx = 1640,
    dy = 230;
  d.add(g(`M${dx} ${dy}h180v180h-180zM${dx + 60} ${dy + 60}h60v60h-60zM${dx + 30} ${dy + 30}h120v120h-120z`, 1.2, 0.9));
  d.add(`<rect x="${dx + 60}" y="${dy + 60}" width="60" height="60" fill="url(#bpWall)" opacity="0.9"/>`);
  d.add(g(`M${dx + 90} ${dy - 20}V${dy + 200}M${dx - 20} ${dy + 90}H${dx + 200}`, 0.7, 0.55, ' stroke-dasharray="18 4 3 4"'));
  d.add(
    g(
      `M${dx + 30} ${dy + 30}L${dx} ${dy}M${dx + 150} ${dy + 30}L${dx + 180} ${dy}M${dx + 30} ${dy + 150}L${dx} ${dy + 180}M${dx + 150} ${dy + 150}L${dx + 180} ${dy + 180}`,
      0.8,
      0.7,
    ),
  );
  // elevation of a column on its footing
  const ex = 1730,
    eb = 720;
  d.add(
    g(
      `M${ex - 70} ${eb}h140v-40h-140zM${ex - 40} ${eb - 40}h80v-30h-80zM${ex - 12} ${eb - 70}V${eb - 250}M${ex + 12} ${eb - 70}V${eb - 250}M${ex - 24} ${eb - 250}h48M${ex - 24} ${eb - 236}h48M${ex - 12} ${eb - 180}h-30v-14h30`,
      1.3,
      0.9,
    ),
  );
  d.add(`<rect x="${ex - 70}" y="${eb - 40}" width="140" height="40" fill="url(#bpStore)" opacity="0.8"/>`);
  d.add(`<rect x="${ex - 100}" y="${eb}" width="200" height="14" fill="url(#bpGround)"/>`);
  // title block: empty framed fields
  const tx = 1600,
    ty = 860,
    tw = 270,
    th = 150;
  d.add(
    g(
      `M${tx} ${ty}h${tw}v${th}h-${tw}zM${tx} ${ty + 50}h${tw}M${tx} ${ty + 100}h${tw}M${tx + 90} ${ty + 50}v${th - 50}M${tx + 180} ${ty + 100}v50`,
      1.2,
      0.85,
    ),
  );
  d.add(`<rect x="${tx + 10}" y="${ty + 10}" width="30" height="30" fill="none" stroke="${L}" stroke-width="1.2" opacity="0.85"/>`);
  d.add(`<circle cx="${tx + 25}" cy="${ty + 25}" r="8" fill="none" stroke="${L}" stroke-width="1.2" opacity="0.85"/>`);

  // sheet border
  d.add(g(`M30 30H1890V1050H30Z`, 2.4, 0.9));
  d.add(g(`M42 42H1878V1038H42Z`, 0.8, 0.7));
  paperGrain(d, { seed: 83, grain: 0.2, speckles: 500, speck: L });
  return d.toString();
}
