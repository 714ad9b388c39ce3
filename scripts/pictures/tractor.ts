/**
 * Side view of the DT-54 / Dongfanghong-54 crawler tractor (front to the
 * right), drawn from the overall dimensions in the tractor sheet
 * (3,660 mm long, 2,300 mm high): engine in front, closed cab at the rear,
 * drive sprocket at the rear, idler at the front.
 */
import { type Pt, n } from './lib.ts';

export interface TractorStyle {
  /** 'silhouette': one flat colour; 'drawn': coloured with ink details */
  mode: 'silhouette' | 'drawn';
  fill?: string;
  body?: string;
  bodyDark?: string;
  track?: string;
  ink?: string;
  glass?: string;
  lineWidth?: number;
  /** mirror: front to the left */
  flip?: boolean;
}

/** Draw the tractor standing on ground line y = gy, from x0, `length` px long. */
export function tractor(x0: number, gy: number, length: number, st: TractorStyle): string {
  const s = length / 3660;
  const X = (x: number) => (st.flip ? x0 + (3660 - x) * s : x0 + x * s);
  const Y = (y: number) => gy - y * s;
  const P = (pts: Pt[], close = true) => 'M' + pts.map(([x, y]) => `${n(X(x))} ${n(Y(y))}`).join('L') + (close ? 'Z' : '');
  const C = (cx: number, cy: number, r: number) =>
    `M${n(X(cx) - r * s)} ${n(Y(cy))}a${n(r * s)} ${n(r * s)} 0 1 0 ${n(2 * r * s)} 0a${n(r * s)} ${n(r * s)} 0 1 0 ${n(-2 * r * s)} 0Z`;
  const arcPts = (cx: number, cy: number, r: number, a0: number, a1: number, k = 14): Pt[] => {
    const out: Pt[] = [];
    for (let i = 0; i <= k; i++) {
      const a = ((a0 + ((a1 - a0) * i) / k) * Math.PI) / 180;
      out.push([cx + Math.cos(a) * r, cy + Math.sin(a) * r]);
    }
    return out;
  };

  // --- geometry (mm, y up)
  const sprocket = { x: 520, y: 470, r: 440 };
  const idler = { x: 3020, y: 400, r: 370 };
  const trackOutline: Pt[] = [
    ...arcPts(idler.x, idler.y, idler.r, 90, -75),
    [2700, 0],
    [900, 0],
    ...arcPts(sprocket.x, sprocket.y, sprocket.r, -110, -270),
  ];
  const trackInner: Pt[] = [
    ...arcPts(idler.x, idler.y, idler.r - 95, 90, -75),
    [2660, 95],
    [940, 95],
    ...arcPts(sprocket.x, sprocket.y, sprocket.r - 95, -110, -270),
  ];
  const roadWheels = [980, 1400, 1900, 2320];
  const cab: Pt[] = [
    [330, 880],
    [1520, 880],
    [1520, 1560],
    [1470, 2200],
    [1540, 2240],
    [1540, 2300],
    [250, 2300],
    [250, 2240],
    [330, 2200],
  ];
  const cabWindow: Pt[] = [
    [560, 1640],
    [1320, 1640],
    [1300, 2120],
    [560, 2120],
  ];
  const cabRear: Pt[] = [
    [360, 1700],
    [470, 1700],
    [470, 2100],
    [360, 2100],
  ];
  const hood: Pt[] = [
    [1520, 900],
    [3300, 900],
    [3300, 1470],
    [3250, 1510],
    [1520, 1510],
  ];
  const radiator: Pt[] = [
    [3280, 820],
    [3560, 820],
    [3600, 1580],
    [3560, 1640],
    [3300, 1640],
    [3260, 1580],
  ];
  const fender: Pt[] = [
    [230, 860],
    [1600, 860],
    [1600, 920],
    [230, 920],
  ];
  const sideFrame: Pt[] = [
    [1500, 860],
    [3300, 860],
    [3300, 920],
    [1500, 920],
  ];
  const exhaust: Pt[] = [
    [2700, 1500],
    [2790, 1500],
    [2790, 2120],
    [2700, 2120],
  ];
  const exhaustCap: Pt[] = [
    [2680, 2120],
    [2810, 2120],
    [2790, 2180],
    [2700, 2180],
  ];
  const airCleaner: Pt[] = [
    [2360, 1500],
    [2520, 1500],
    [2520, 1820],
    [2360, 1820],
  ];
  const drawbar: Pt[] = [
    [0, 520],
    [330, 520],
    [330, 600],
    [0, 600],
  ];
  const bumper: Pt[] = [
    [3560, 760],
    [3660, 760],
    [3660, 900],
    [3560, 900],
  ];

  if (st.mode === 'silhouette') {
    const f = st.fill ?? '#2b2622';
    let out = [trackOutline, cab, hood, radiator, fender, sideFrame, exhaust, exhaustCap, airCleaner, drawbar, bumper]
      .map((p) => `<path d="${P(p)}"/>`)
      .join('');
    out = `<g fill="${f}">${out}</g>`;
    const hole = st.glass;
    if (hole) {
      out += `<path d="${P(cabWindow)}${P(cabRear)}" fill="${hole}"/>`;
      // track inner band and wheels as faint relief
      out += `<path d="${P(trackInner)}" fill="none" stroke="${hole}" stroke-width="${n(Math.max(1, 18 * s))}" opacity="0.35"/>`;
      out += `<path d="${roadWheels.map((x) => C(x, 200, 150)).join('')}${C(sprocket.x, sprocket.y, 250)}${C(idler.x, idler.y, 230)}" fill="none" stroke="${hole}" stroke-width="${n(Math.max(1, 16 * s))}" opacity="0.35"/>`;
    }
    return `<g>${out}</g>`;
  }

  // --- drawn version
  const ink = st.ink ?? '#2b2622';
  const body = st.body ?? '#5d6b4f';
  const bodyDark = st.bodyDark ?? '#46523b';
  const track = st.track ?? '#3a3530';
  const glass = st.glass ?? '#a9b8c2';
  const lw = st.lineWidth ?? Math.max(1, length / 420);
  let o = '';
  const sty = (fill: string) => `fill="${fill}" stroke="${ink}" stroke-width="${n(lw)}" stroke-linejoin="round"`;
  // track: outer belt, links across the belt, short grousers outside
  o += `<path d="${P(trackOutline)}${P(trackInner)}" ${sty(track)} fill-rule="evenodd"/>`;
  let grousers = '';
  let links = '';
  const outline = trackOutline;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!,
      b = outline[(i + 1) % outline.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const k = Math.max(1, Math.round(len / 150));
    for (let j = 0; j < k; j++) {
      const t = j / k;
      const px = a[0] + (b[0] - a[0]) * t,
        py = a[1] + (b[1] - a[1]) * t;
      const nx = -(b[1] - a[1]) / len,
        ny = (b[0] - a[0]) / len;
      const tx = (b[0] - a[0]) / len,
        ty = (b[1] - a[1]) / len;
      grousers += `M${n(X(px - tx * 30))} ${n(Y(py - ty * 30))}L${n(X(px - tx * 20 + nx * 45))} ${n(Y(py - ty * 20 + ny * 45))}L${n(X(px + tx * 20 + nx * 45))} ${n(Y(py + ty * 20 + ny * 45))}L${n(X(px + tx * 30))} ${n(Y(py + ty * 30))}Z`;
      links += `M${n(X(px))} ${n(Y(py))}L${n(X(px - nx * 95))} ${n(Y(py - ny * 95))}`;
    }
  }
  o += `<path d="${grousers}" fill="${track}" stroke="${ink}" stroke-width="${n(lw * 0.6)}"/>`;
  o += `<path d="${links}" stroke="${ink}" stroke-width="${n(lw * 0.6)}" opacity="0.55"/>`;
  // running gear
  o += `<path d="${P([
    [700, 120],
    [2600, 120],
    [2600, 330],
    [700, 330],
  ])}" ${sty(bodyDark)}/>`;
  for (const x of roadWheels) {
    o += `<path d="${C(x, 200, 175)}" ${sty(body)}/><path d="${C(x, 200, 70)}" ${sty(bodyDark)}/>`;
  }
  o += `<path d="${C(1700, 790, 70)}" ${sty(body)}/>`;
  o += `<path d="${C(sprocket.x, sprocket.y, sprocket.r - 110)}" ${sty(body)}/><path d="${C(sprocket.x, sprocket.y, 110)}" ${sty(bodyDark)}/>`;
  let holes = '';
  for (let i = 0; i < 6; i++) {
    const a = (i / 6) * Math.PI * 2 + 0.3;
    holes += C(sprocket.x + Math.cos(a) * 200, sprocket.y + Math.sin(a) * 200, 55);
  }
  o += `<path d="${holes}" fill="${track}" stroke="${ink}" stroke-width="${n(lw * 0.6)}"/>`;
  o += `<path d="${C(idler.x, idler.y, idler.r - 110)}" ${sty(body)}/><path d="${C(idler.x, idler.y, 90)}" ${sty(bodyDark)}/>`;
  // body
  o += `<path d="${P(drawbar)}" ${sty(bodyDark)}/>`;
  o += `<path d="${P(sideFrame)}" ${sty(bodyDark)}/>`;
  o += `<path d="${P(hood)}" ${sty(body)}/>`;
  // hood louvres
  let lv = '';
  for (let x = 1750; x < 3150; x += 110) lv += `M${n(X(x))} ${n(Y(1060))}L${n(X(x))} ${n(Y(1380))}`;
  o += `<path d="${lv}" stroke="${ink}" stroke-width="${n(lw * 0.7)}" opacity="0.75"/>`;
  o += `<path d="${P(
    [
      [1520, 1440],
      [3260, 1440],
    ],
    false,
  )}" stroke="${ink}" stroke-width="${n(lw * 0.6)}" opacity="0.6"/>`;
  o += `<path d="${P(radiator)}" ${sty(bodyDark)}/>`;
  let gr = '';
  for (let y = 900; y < 1580; y += 70) gr += `M${n(X(3330))} ${n(Y(y))}L${n(X(3540))} ${n(Y(y))}`;
  o += `<path d="${gr}" stroke="${ink}" stroke-width="${n(lw * 0.6)}" opacity="0.7"/>`;
  o += `<path d="${P(bumper)}" ${sty(bodyDark)}/>`;
  o += `<path d="${P(airCleaner)}" ${sty(body)}/>`;
  o += `<path d="${P(exhaust)}" ${sty(track)}/><path d="${P(exhaustCap)}" ${sty(track)}/>`;
  // light from above: pale bands along the top edges, shade underneath
  o += `<path d="${P([
    [1530, 1440],
    [3290, 1440],
    [3290, 1500],
    [1530, 1500],
  ])}" fill="#ffffff" opacity="0.14"/>`;
  o += `<path d="${P([
    [1530, 910],
    [3290, 910],
    [3290, 1000],
    [1530, 1000],
  ])}" fill="#000000" opacity="0.16"/>`;
  o += `<path d="${P(fender)}" ${sty(bodyDark)}/>`;
  o += `<path d="${P(cab)}" ${sty(body)}/>`;
  o += `<path d="${P([
    [340, 2150],
    [1460, 2150],
    [1470, 2200],
    [330, 2200],
  ])}" fill="#ffffff" opacity="0.12"/>`;
  o += `<path d="${P([
    [340, 900],
    [1510, 900],
    [1510, 1050],
    [340, 1050],
  ])}" fill="#000000" opacity="0.14"/>`;
  o += `<path d="${P(cabWindow)}" ${sty(glass)}/><path d="${P(cabRear)}" ${sty(glass)}/>`;
  o += `<path d="${P([
    [620, 2080],
    [820, 1680],
    [900, 1680],
    [700, 2080],
  ])}" fill="#ffffff" opacity="0.25"/>`;
  o += `<path d="${P(
    [
      [560, 1640],
      [1320, 1640],
    ],
    false,
  )}M${n(X(940))} ${n(Y(1640))}L${n(X(940))} ${n(Y(2120))}" stroke="${ink}" stroke-width="${n(lw)}"/>`;
  // door line and handle
  o += `<path d="${P(
    [
      [560, 900],
      [560, 1640],
    ],
    false,
  )}" stroke="${ink}" stroke-width="${n(lw * 0.7)}"/>`;
  o += `<path d="${P(
    [
      [620, 1380],
      [760, 1380],
    ],
    false,
  )}" stroke="${ink}" stroke-width="${n(lw * 1.2)}" stroke-linecap="round"/>`;
  // headlight
  o += `<path d="${C(3420, 1720, 70)}" ${sty('#e9e0c6')}/>`;
  o += `<path d="${P(
    [
      [3420, 1640],
      [3420, 1650],
    ],
    false,
  )}" stroke="${ink}" stroke-width="${n(lw)}"/>`;
  return `<g>${o}</g>`;
}
