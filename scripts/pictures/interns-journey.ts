/** The interns' railway journey between a Chinese and a Soviet city, through hills, poplars and birches. */
import { Doc, PAL, Rng, type Pt, n, polyD, smoothD, paperGrain } from './lib.ts';

/** A ridge line across the picture, filled down to `bottom`. */
function ridge(seed: string, y: number, amp: number, waves: [number, number][], x0 = -20, x1 = 1940, step = 24): Pt[] {
  const r = new Rng(seed);
  const ph = waves.map(() => r.range(0, Math.PI * 2));
  const pts: Pt[] = [];
  for (let x = x0; x <= x1; x += step) {
    let v = 0;
    waves.forEach(([f, a], i) => (v += Math.sin(x * f + ph[i]!) * a));
    pts.push([x, y + v * amp + r.normal() * 0.8]);
  }
  return pts;
}

function fillBelow(pts: Pt[], bottom: number): string {
  const first = pts[0]!,
    last = pts[pts.length - 1]!;
  return smoothD(pts) + `L${n(last[0])} ${bottom}L${n(first[0])} ${bottom}Z`;
}

function poplar(x: number, base: number, h: number, col: string, ink?: string): string {
  const w = h * 0.13;
  const pts: Pt[] = [
    [x, base - h],
    [x + w * 0.7, base - h * 0.7],
    [x + w, base - h * 0.35],
    [x + w * 0.5, base - h * 0.08],
    [x, base - h * 0.05],
    [x - w * 0.5, base - h * 0.08],
    [x - w, base - h * 0.35],
    [x - w * 0.7, base - h * 0.7],
  ];
  return (
    `<path d="${smoothD(pts, true)}" fill="${col}"${ink ? ` stroke="${ink}" stroke-width="0.8"` : ''}/>` +
    `<path d="M${n(x)} ${base}V${n(base - h * 0.08)}" stroke="${ink ?? col}" stroke-width="${n(Math.max(1, h * 0.02))}"/>`
  );
}

function chineseCity(col: string, base: number): string {
  let s = '';
  // city wall with crenellations
  const wx0 = 40,
    wx1 = 560,
    wy = base - 34;
  s += `<rect x="${wx0}" y="${wy}" width="${wx1 - wx0}" height="34"/>`;
  for (let x = wx0; x < wx1; x += 14) s += `<rect x="${x}" y="${wy - 7}" width="8" height="8"/>`;
  // gate tower: two-tier hipped roof with upturned eaves
  const gx = 360,
    gy = wy;
  s += `<rect x="${gx - 52}" y="${gy - 40}" width="104" height="40"/>`;
  s += `<path d="M${gx - 84} ${gy - 38}Q${gx - 60} ${gy - 44} ${gx - 52} ${gy - 62}L${gx + 52} ${gy - 62}Q${gx + 60} ${gy - 44} ${gx + 84} ${gy - 38}L${gx + 70} ${gy - 46}L${gx - 70} ${gy - 46}Z"/>`;
  s += `<rect x="${gx - 40}" y="${gy - 86}" width="80" height="26"/>`;
  s += `<path d="M${gx - 70} ${gy - 82}Q${gx - 48} ${gy - 88} ${gx - 40} ${gy - 106}L${gx + 40} ${gy - 106}Q${gx + 48} ${gy - 88} ${gx + 70} ${gy - 82}L${gx + 56} ${gy - 90}L${gx - 56} ${gy - 90}Z"/>`;
  s += `<rect x="${gx - 2}" y="${gy - 116}" width="4" height="12"/>`;
  // pagoda: square, many tiers
  const px = 150;
  let py = wy + 6;
  let w = 46;
  s += `<rect x="${px - w / 2 - 6}" y="${py - 16}" width="${w + 12}" height="16"/>`;
  py -= 16;
  for (let t = 0; t < 11; t++) {
    const th = t === 0 ? 34 : 15 - t * 0.5;
    s += `<rect x="${n(px - w / 2)}" y="${n(py - th)}" width="${n(w)}" height="${n(th)}"/>`;
    py -= th;
    s += `<path d="M${n(px - w / 2 - 8)} ${n(py + 1)}Q${n(px - w / 2)} ${n(py - 1)} ${n(px - w / 2 + 2)} ${n(py - 5)}L${n(px + w / 2 - 2)} ${n(py - 5)}Q${n(px + w / 2)} ${n(py - 1)} ${n(px + w / 2 + 8)} ${n(py + 1)}Z"/>`;
    py -= 5;
    w *= 0.93;
  }
  s += `<path d="M${n(px - 4)} ${n(py)}L${n(px)} ${n(py - 22)}L${n(px + 4)} ${n(py)}Z"/>`;
  // roofs of the town behind the wall
  const r = new Rng('cn:roofs');
  for (let i = 0; i < 18; i++) {
    const x = r.range(60, 540),
      ww = r.range(30, 60),
      hh = r.range(8, 20);
    if (Math.abs(x - gx) < 70 || Math.abs(x - px) < 36) continue;
    s += `<path d="M${n(x - ww / 2 - 6)} ${n(wy - hh + 2)}Q${n(x - ww / 2)} ${n(wy - hh)} ${n(x - ww / 2 + 4)} ${n(wy - hh - 10)}L${n(x + ww / 2 - 4)} ${n(wy - hh - 10)}Q${n(x + ww / 2)} ${n(wy - hh)} ${n(x + ww / 2 + 6)} ${n(wy - hh + 2)}Z"/>`;
    s += `<rect x="${n(x - ww / 2 + 3)}" y="${n(wy - hh)}" width="${n(ww - 6)}" height="${n(hh)}"/>`;
  }
  // trees in the town
  for (let i = 0; i < 7; i++) {
    const x = r.range(70, 540);
    s += `<ellipse cx="${n(x)}" cy="${n(wy - r.range(8, 20))}" rx="${n(r.range(12, 22))}" ry="${n(r.range(10, 16))}"/>`;
  }
  return `<g fill="${col}">${s}</g>`;
}

function sovietCity(col: string, base: number, smoke: string): string {
  let s = '';
  let sm = '';
  const r = new Rng('su:city');
  // sawtooth workshops
  const wsx = 1400;
  let ws = `M${wsx} ${base}V${base - 52}`;
  for (let i = 0; i < 14; i++) ws += `L${wsx + i * 24 + 24} ${base - 78}V${base - 52}`;
  ws += `V${base}Z`;
  s += `<path d="${ws}"/>`;
  // second hall
  let ws2 = `M${1620} ${base}V${base - 40}`;
  for (let i = 0; i < 10; i++) ws2 += `L${1620 + i * 22 + 22} ${base - 62}V${base - 40}`;
  ws2 += `V${base}Z`;
  s += `<path d="${ws2}"/>`;
  // chimneys with smoke drifting left
  for (const [x, h, w] of [
    [1470, 230, 14],
    [1530, 270, 16],
    [1590, 210, 13],
    [1760, 250, 15],
  ] as const) {
    s += `<path d="M${x - w / 2} ${base - 50}L${x - w / 2 + 3} ${base - h}L${x + w / 2 - 3} ${base - h}L${x + w / 2} ${base - 50}Z"/>`;
    s += `<rect x="${x - w / 2 + 1}" y="${base - h - 6}" width="${w - 2}" height="6"/>`;
    let px = x,
      py = base - h - 14;
    for (let k = 0; k < 7; k++) {
      const rr = 9 + k * 4.5;
      sm += `<circle cx="${n(px)}" cy="${n(py)}" r="${n(rr)}" opacity="${n(0.55 - k * 0.06)}"/>`;
      px -= 16 + k * 5 + r.range(0, 6);
      py -= 10 - k * 0.8 + r.range(0, 4);
    }
  }
  // water tower
  s += `<path d="M1850 ${base}L1856 ${base - 130}L1874 ${base - 130}L1880 ${base}Z"/><path d="M1836 ${base - 130}L1894 ${base - 130}L1888 ${base - 168}L1842 ${base - 168}Z"/><path d="M1840 ${base - 168}L1865 ${base - 186}L1890 ${base - 168}Z"/>`;
  // constructivist towers linked by bridges (after the Derzhprom building)
  const tb = base - 40;
  s += `<rect x="1640" y="${tb - 150}" width="60" height="150"/><rect x="1700" y="${tb - 110}" width="46" height="110"/><rect x="1746" y="${tb - 190}" width="58" height="190"/>`;
  s += `<rect x="1700" y="${tb - 140}" width="46" height="12"/><rect x="1804" y="${tb - 120}" width="40" height="120"/>`;
  // gantry crane
  s += `<path d="M1420 ${base - 52}V${base - 150}H1540V${base - 52}H1534V${base - 144}H1426V${base - 52}Z"/>`;
  // window bands on the towers
  let wb = '';
  for (const [x0, x1, y0, y1] of [
    [1646, 1694, tb - 140, tb - 6],
    [1752, 1798, tb - 180, tb - 6],
    [1706, 1740, tb - 100, tb - 6],
    [1808, 1840, tb - 110, tb - 6],
  ] as const) {
    for (let y = y0; y < y1; y += 16) wb += `<rect x="${x0}" y="${y}" width="${x1 - x0}" height="5"/>`;
  }
  return `<g fill="${smoke}" filter="url(#ijBlur3)">${sm}</g><g fill="${col}">${s}</g><g fill="#b9bbb2">${wb}</g>`;
}

interface TrackPt {
  p: Pt;
  t: Pt;
  w: number;
}

function sampleTrack(segs: [Pt, Pt, Pt, Pt][], widthAt: (y: number) => number): TrackPt[] {
  const out: TrackPt[] = [];
  for (const [a, b, c, d] of segs) {
    for (let i = 0; i < 200; i++) {
      const t = i / 200,
        u = 1 - t;
      const p: Pt = [
        u * u * u * a[0] + 3 * u * u * t * b[0] + 3 * u * t * t * c[0] + t * t * t * d[0],
        u * u * u * a[1] + 3 * u * u * t * b[1] + 3 * u * t * t * c[1] + t * t * t * d[1],
      ];
      const dp: Pt = [
        3 * u * u * (b[0] - a[0]) + 6 * u * t * (c[0] - b[0]) + 3 * t * t * (d[0] - c[0]),
        3 * u * u * (b[1] - a[1]) + 6 * u * t * (c[1] - b[1]) + 3 * t * t * (d[1] - c[1]),
      ];
      const l = Math.hypot(dp[0], dp[1]) || 1;
      out.push({ p, t: [dp[0] / l, dp[1] / l], w: widthAt(p[1]) });
    }
  }
  return out;
}

function steamTrain(x: number, rail: number, k: number): string {
  // x = front of the locomotive; drawn in elevation, facing right; k = scale
  const S = (v: number) => n(v * k);
  const X = (v: number) => n(x - v * k);
  const Y = (v: number) => n(rail - v * k);
  const ink = PAL.ink;
  let s = '';
  // carriages
  const car = (back: number) => {
    const len = 150,
      h = 56,
      b = 16;
    let c = `<path d="M${X(back)} ${Y(b)}H${X(back + len)}V${Y(b + h)}Q${X(back + len)} ${Y(b + h + 10)} ${X(back + len - 12)} ${Y(b + h + 10)}H${X(back + 12)}Q${X(back)} ${Y(b + h + 10)} ${X(back)} ${Y(b + h)}Z" fill="${PAL.greenDark}" stroke="${ink}" stroke-width="1.4"/>`;
    c += `<rect x="${X(back + len)}" y="${Y(b + h + 10)}" width="${S(len)}" height="${S(4)}" fill="${ink}" opacity="0.6"/>`;
    for (let i = 0; i < 7; i++) {
      c += `<rect x="${X(back + 16 + i * 18 + 12)}" y="${Y(b + h - 10)}" width="${S(12)}" height="${S(16)}" fill="#e9d9b2" stroke="${ink}" stroke-width="0.8"/>`;
    }
    c += `<line x1="${X(back + 4)}" y1="${Y(b + 18)}" x2="${X(back + len - 4)}" y2="${Y(b + 18)}" stroke="#c8b98f" stroke-width="${S(2)}"/>`;
    for (const bx of [back + 22, back + len - 22]) {
      c += `<rect x="${X(bx + 16)}" y="${Y(b)}" width="${S(32)}" height="${S(6)}" fill="${ink}"/>`;
      c += `<circle cx="${X(bx + 8)}" cy="${Y(7)}" r="${S(7)}" fill="${ink}"/><circle cx="${X(bx - 8)}" cy="${Y(7)}" r="${S(7)}" fill="${ink}"/>`;
    }
    return c;
  };
  const tenderBack = 196 + 96;
  for (let i = 0; i < 3; i++) s += car(tenderBack + 8 + i * 158);
  // tender
  s += `<path d="M${X(196)} ${Y(16)}H${X(196 + 92)}V${Y(62)}H${X(196)}Z" fill="${ink}"/>`;
  s += `<path d="M${X(200)} ${Y(62)}H${X(196 + 88)}V${Y(70)}H${X(200)}Z" fill="#3b3631"/>`;
  for (const wx of [212, 240, 268])
    s += `<circle cx="${X(wx)}" cy="${Y(10)}" r="${S(10)}" fill="${PAL.red}" stroke="${ink}" stroke-width="1.2"/>`;
  // locomotive body
  s += `<path d="M${X(8)} ${Y(20)}H${X(196)}V${Y(34)}H${X(8)}Z" fill="${ink}"/>`; // running board
  s += `<path d="M${X(22)} ${Y(34)}H${X(150)}V${Y(76)}H${X(22)}Z" fill="${ink}"/>`; // boiler
  s += `<path d="M${X(6)} ${Y(30)}H${X(28)}V${Y(80)}H${X(6)}Z" fill="#3b3631" stroke="${ink}" stroke-width="1"/>`; // smokebox
  s += `<circle cx="${X(4)}" cy="${Y(55)}" r="${S(5)}" fill="#e9d9b2" stroke="${ink}" stroke-width="1"/>`; // headlamp
  s += `<path d="M${X(20)} ${Y(80)}L${X(18)} ${Y(104)}H${X(34)}L${X(32)} ${Y(80)}Z" fill="${ink}"/>`; // chimney
  s += `<rect x="${X(36)}" y="${Y(106)}" width="${S(20)}" height="${S(4)}" fill="${ink}"/>`;
  s += `<path d="M${X(64)} ${Y(76)}Q${X(64)} ${Y(90)} ${X(76)} ${Y(90)}Q${X(88)} ${Y(90)} ${X(88)} ${Y(76)}Z" fill="${ink}"/>`; // dome
  s += `<path d="M${X(100)} ${Y(76)}Q${X(100)} ${Y(86)} ${X(110)} ${Y(86)}Q${X(120)} ${Y(86)} ${X(120)} ${Y(76)}Z" fill="${ink}"/>`;
  // cab
  s += `<path d="M${X(148)} ${Y(30)}H${X(196)}V${Y(100)}H${X(200)}V${Y(106)}H${X(144)}V${Y(100)}H${X(148)}Z" fill="${ink}"/>`;
  s += `<rect x="${X(186)}" y="${Y(92)}" width="${S(26)}" height="${S(22)}" fill="#e9d9b2"/>`;
  // red stripe and star-less number plate area (blank)
  s += `<rect x="${X(150)}" y="${Y(36)}" width="${S(128)}" height="${S(3)}" fill="${PAL.red}"/>`;
  // pilot
  s += `<path d="M${X(-8)} ${Y(2)}L${X(8)} ${Y(22)}H${X(12)}V${Y(2)}Z" fill="${ink}"/>`;
  // wheels: leading, four red drivers, trailing
  s += `<circle cx="${X(22)}" cy="${Y(10)}" r="${S(10)}" fill="${PAL.red}" stroke="${ink}" stroke-width="1.2"/>`;
  const drivers = [58, 88, 118, 148];
  for (const wx of drivers) {
    s += `<circle cx="${X(wx)}" cy="${Y(17)}" r="${S(17)}" fill="${PAL.red}" stroke="${ink}" stroke-width="1.4"/>`;
    s += `<circle cx="${X(wx)}" cy="${Y(17)}" r="${S(4)}" fill="${ink}"/>`;
    let sp = '';
    for (let i = 0; i < 8; i++) {
      const a = (i / 8) * Math.PI * 2;
      sp += `M${X(wx)} ${Y(17)}L${n(x - wx * k + Math.cos(a) * 14 * k)} ${n(rail - 17 * k + Math.sin(a) * 14 * k)}`;
    }
    s += `<path d="${sp}" stroke="${ink}" stroke-width="${S(1.4)}"/>`;
  }
  s += `<circle cx="${X(176)}" cy="${Y(11)}" r="${S(11)}" fill="${PAL.red}" stroke="${ink}" stroke-width="1.2"/>`;
  s += `<path d="M${X(50)} ${Y(12)}H${X(156)}" stroke="#c9c2b4" stroke-width="${S(3.5)}" stroke-linecap="round"/>`; // coupling rod
  s += `<path d="M${X(30)} ${Y(24)}H${X(58)}" stroke="#c9c2b4" stroke-width="${S(3)}"/>`;
  s += `<rect x="${X(40)}" y="${Y(34)}" width="${S(22)}" height="${S(12)}" fill="#3b3631" stroke="${ink}" stroke-width="1"/>`; // cylinder
  return s;
}

function pine(x: number, base: number, h: number): string {
  let s = `<path d="M${x} ${base}C${x + 10} ${base - h * 0.3} ${x - 20} ${base - h * 0.6} ${x + 6} ${base - h}" fill="none" stroke="#3e352e" stroke-width="${n(h * 0.05)}" stroke-linecap="round"/>`;
  const pr = new Rng(`pine${x}`);
  const tiers: [number, number, number][] = [
    [0.97, 0.0, 80],
    [0.84, -0.06, 120],
    [0.7, 0.05, 140],
    [0.56, -0.03, 110],
  ];
  for (const [t, off, w] of tiers) {
    const cx = x + off * h,
      cy = base - h * t;
    s += `<path d="M${n(cx - w)} ${n(cy + 10)}Q${n(cx - w * 0.5)} ${n(cy - 22)} ${n(cx)} ${n(cy - 26)}Q${n(cx + w * 0.6)} ${n(cy - 20)} ${n(cx + w * 0.9)} ${n(cy + 8)}Q${n(cx)} ${n(cy - 2)} ${n(cx - w)} ${n(cy + 10)}Z" fill="#46573d" stroke="${PAL.ink}" stroke-width="1"/>`;
    let needles = '';
    for (let j = 0; j < 16; j++) {
      const nx = cx + pr.range(-w * 0.8, w * 0.8),
        ny = cy + pr.range(-14, 4);
      needles += `M${n(nx)} ${n(ny)}l${n(pr.range(-4, 4))} ${n(-pr.range(4, 9))}`;
    }
    s += `<path d="${needles}" stroke="#7c8d65" stroke-width="1"/>`;
  }
  return s;
}

function birch(x: number, base: number, h: number, lean: number): string {
  const br = new Rng(`birch${x}`);
  let s = `<path d="M${n(x - 6)} ${base}L${n(x + lean - 3)} ${n(base - h)}L${n(x + lean + 3)} ${n(base - h)}L${n(x + 6)} ${base}Z" fill="#eeeadf" stroke="${PAL.ink}" stroke-width="1.2"/>`;
  let marks = '';
  for (let i = 0; i < 12; i++) {
    const t = br.range(0.05, 0.95);
    const cx = x + lean * t,
      cy = base - h * t;
    marks += `M${n(cx - 5 * (1 - t * 0.5))} ${n(cy)}l${n(br.range(4, 8))} ${n(br.range(-1, 1))}`;
  }
  s += `<path d="${marks}" stroke="${PAL.ink}" stroke-width="2.2"/>`;
  let twigs = '';
  for (let i = 0; i < 10; i++) {
    const t = br.range(0.45, 0.95);
    const sx = x + lean * t,
      sy = base - h * t;
    const dir = br.chance(0.5) ? -1 : 1;
    twigs += `M${n(sx)} ${n(sy)}q${n(dir * 30)} ${n(-20)} ${n(dir * br.range(50, 80))} ${n(br.range(10, 40))}`;
  }
  s += `<path d="${twigs}" fill="none" stroke="#4a3f36" stroke-width="1.4"/>`;
  let leaves = '',
    shade = '';
  for (let i = 0; i < 150; i++) {
    const a = br.range(0, Math.PI * 2),
      rr = Math.sqrt(br.next());
    const cx = x + lean * 0.8 + Math.cos(a) * 95 * rr,
      cy = base - h * 0.72 + Math.sin(a) * 120 * rr;
    const e = `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(br.range(5, 9))}" ry="${n(br.range(3, 6))}" transform="rotate(${n(br.range(-40, 40))} ${n(cx)} ${n(cy)})"/>`;
    if (Math.sin(a) > 0.2 && br.chance(0.6)) shade += e;
    else leaves += e;
  }
  s += `<g fill="#9bb077" stroke="#60764c" stroke-width="0.6">${leaves}</g><g fill="#74895b" stroke="#55693f" stroke-width="0.6">${shade}</g>`;
  return s;
}

export function internsJourney(): string {
  const d = new Doc();
  d.linear('ijSky', [
    [0, '#e6dcc6'],
    [0.55, '#efe6d2'],
    [1, '#f5ecd8'],
  ]);
  d.radial(
    'ijSun',
    [
      [0, '#f7e7bf', 1],
      [0.35, '#f3e0b4', 0.9],
      [1, '#efe6d2', 0],
    ],
    0.5,
    0.5,
    0.5,
  );
  d.blur('ijBlur6', 6);
  d.blur('ijBlur3', 3);
  d.hatch('ijFurrow', '#6c7450', 0, 7, 0.8, 0.35);
  d.hatch('ijFurrowD', '#6c7450', 20, 8, 0.8, 0.3);
  d.hatch('ijFurrowE', '#6c7450', -12, 8, 0.8, 0.3);
  d.hatch('ijWater', '#6f8aa0', 0, 6, 0.8, 0.5);
  d.add(`<rect width="1920" height="1080" fill="url(#ijSky)"/>`);
  d.add(`<circle cx="1180" cy="300" r="260" fill="url(#ijSun)"/>`);
  d.add(`<circle cx="1180" cy="300" r="74" fill="#f4dfae" opacity="0.9"/>`);
  const cr = new Rng('ij:clouds');
  let clouds = '';
  for (let i = 0; i < 9; i++) {
    const x = cr.range(0, 1920),
      y = cr.range(90, 360),
      w = cr.range(160, 420);
    clouds += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(w / 2)}" ry="${n(cr.range(10, 22))}"/>`;
  }
  d.add(`<g fill="${PAL.paperLight}" opacity="0.75" filter="url(#ijBlur6)">${clouds}</g>`);

  // hills and the two cities on the horizon
  const far = ridge('ij:far', 560, 1, [
    [0.004, 26],
    [0.011, 12],
    [0.03, 4],
  ]);
  d.add(`<path d="${fillBelow(far, 1080)}" fill="#c2c6bd"/>`);
  const mid = ridge('ij:mid', 596, 1, [
    [0.006, 18],
    [0.017, 7],
    [0.05, 2],
  ]);
  d.add(`<path d="${fillBelow(mid, 1080)}" fill="#b4b99d"/>`);
  d.add(chineseCity('#8e9285', 616));
  d.add(sovietCity('#8f948c', 616, '#dcd8cc'));

  // fields, converging on the horizon
  const f1 = ridge('ij:f1', 626, 1, [
    [0.005, 5],
    [0.013, 3],
  ]);
  d.add(`<path d="${fillBelow(f1, 1080)}" fill="#bfc09a"/>`);
  const fr = new Rng('ij:fields');
  let strips = '';
  const VPX = 1000,
    VPY = 560;
  for (let i = 0; i < 24; i++) {
    const xa = -1400 + i * 190 + fr.range(-30, 30),
      xb = xa + 190;
    const at = (x: number, y: number): number => VPX + (x - VPX) * ((y - VPY) / (1080 - VPY));
    const pts: Pt[] = [
      [at(xa, 636), 636],
      [at(xb, 636), 636],
      [at(xb, 1080), 1080],
      [at(xa, 1080), 1080],
    ];
    const tone = fr.pick(['#c3c29b', '#bbbe95', '#c8c49e', '#b6bb91', '#bfbd95']);
    strips += `<path d="${polyD(pts, true)}" fill="${tone}"/>`;
    // furrows along the strip, converging too
    let fu = '';
    for (let j = 1; j < 8; j++) {
      const x = xa + ((xb - xa) * j) / 8;
      fu += `M${n(at(x, 636))} 636L${n(at(x, 1080))} 1080`;
    }
    strips += `<path d="${fu}" stroke="#6c7450" stroke-width="0.8" opacity="0.22"/>`;
  }
  d.add(strips);
  // cross boundaries between the fields: grassy balks and hedges
  let balks = '';
  for (const y of [668, 712, 800, 900]) {
    const pts: Pt[] = [];
    for (let x = -20; x <= 1940; x += 160) pts.push([x, y + fr.normal() * (y - 620) * 0.006]);
    balks += `<path d="${smoothD(pts)}" fill="none" stroke="#a3ab7e" stroke-width="${n((y - 620) * 0.035)}" opacity="0.7"/>`;
    balks += `<path d="${smoothD(pts)}" fill="none" stroke="#6c7450" stroke-width="0.7" opacity="0.35" transform="translate(0 ${n((y - 620) * 0.018)})"/>`;
  }
  d.add(balks);
  // hedgerows of poplars across the fields
  let pops = '';
  for (let i = 0; i < 30; i++) pops += poplar(540 + i * 13 + fr.range(-3, 3), 652, 36 + fr.range(-6, 6), '#6f7f58');
  for (let i = 0; i < 18; i++) pops += poplar(1140 + i * 14, 660, 42 + fr.range(-6, 6), '#6f7f58');
  d.add(pops);

  // a river winding down from the hills, under the viaduct, towards us
  const rv: Pt[] = [
    [1000, 628],
    [1060, 660],
    [980, 700],
    [1010, 760],
    [930, 860],
    [990, 960],
    [900, 1090],
  ];
  const rw = (y: number) => 3 + (y - 620) * 0.2;
  const rl = rv.map(([x, y]) => [x - rw(y), y] as Pt),
    rrr = rv.map(([x, y]) => [x + rw(y), y] as Pt);
  const riverD = smoothD(rl) + 'L' + smoothD([...rrr].reverse()).slice(1) + 'Z';
  d.add(`<path d="${riverD}" fill="#a9b8bd"/><path d="${riverD}" fill="url(#ijWater)"/>`);
  d.add(
    `<path d="${smoothD(rl)}" fill="none" stroke="#5f7485" stroke-width="1.2"/><path d="${smoothD(rrr)}" fill="none" stroke="#5f7485" stroke-width="1.2"/>`,
  );

  // the railway: out of the gate of the Chinese city, along the embankment, up to the Soviet works
  const widthAt = (y: number) => Math.max(2.5, (y - 600) * 0.13);
  const TY = 774;
  const track = sampleTrack(
    [
      [
        [468, 618],
        [600, 626],
        [560, TY],
        [780, TY],
      ],
      [
        [780, TY],
        [900, TY],
        [1100, TY],
        [1300, TY],
      ],
      [
        [1300, TY],
        [1520, TY],
        [1440, 628],
        [1566, 618],
      ],
    ],
    widthAt,
  );
  const side = (o: number) => track.map(({ p, t, w }) => [p[0] - t[1] * w * o, p[1] + t[0] * w * o] as Pt);
  // embankment under the line, with a stone viaduct over the river
  const vx0 = 900,
    vx1 = 1110,
    vy = TY + widthAt(TY) + 2,
    vh = 30;
  d.add(`<rect x="${vx0 - 20}" y="${vy - 4}" width="${vx1 - vx0 + 40}" height="${vh + 8}" fill="#a9a296"/>`);
  let arches = '';
  for (let i = 0; i < 4; i++) {
    const ax = vx0 + i * ((vx1 - vx0) / 4) + 6,
      aw = (vx1 - vx0) / 4 - 12;
    arches += `M${n(ax)} ${vy + vh + 6}V${vy + 14}A${n(aw / 2)} ${n(aw / 2.6)} 0 0 1 ${n(ax + aw)} ${vy + 14}V${vy + vh + 6}Z`;
  }
  d.add(`<path d="${arches}" fill="#6e7d80" stroke="${PAL.ink}" stroke-width="1"/>`);
  d.add(
    `<rect x="${vx0 - 20}" y="${vy - 4}" width="${vx1 - vx0 + 40}" height="${vh + 8}" fill="none" stroke="${PAL.ink}" stroke-width="1.2"/>`,
  );
  const ballastD = polyD([...side(-0.95), ...side(0.95).reverse()], true);
  d.add(`<path d="${ballastD}" fill="#b9ad92" stroke="#8d8068" stroke-width="1"/>`);
  let sl = '';
  let acc = 0;
  for (let i = 1; i < track.length; i++) {
    const a = track[i - 1]!.p,
      b = track[i]!.p;
    acc += Math.hypot(b[0] - a[0], b[1] - a[1]);
    const { p, t, w } = track[i]!;
    if (acc < Math.max(3, w * 0.55)) continue;
    acc = 0;
    const nx = -t[1],
      ny = t[0];
    sl += `M${n(p[0] - nx * w * 0.72)} ${n(p[1] - ny * w * 0.72)}L${n(p[0] + nx * w * 0.72)} ${n(p[1] + ny * w * 0.72)}`;
  }
  d.add(`<path d="${sl}" stroke="#5a4a3c" stroke-width="1.8" opacity="0.85"/>`);
  d.add(`<path d="${polyD(side(-0.5))}" fill="none" stroke="${PAL.ink}" stroke-width="1.6"/>`);
  const nearRail = `<path d="${polyD(side(0.5))}" fill="none" stroke="${PAL.ink}" stroke-width="1.8"/>`;

  // telegraph line on the far side
  let poles = '';
  const wires: Pt[][] = [[], []];
  for (let i = 40; i < track.length - 30; i += 30) {
    const { p, t, w } = track[i]!;
    const bx = p[0] + t[1] * w * 2.2,
      by = p[1] - t[0] * w * 2.2;
    const h = 12 + w * 3.2;
    poles += `M${n(bx)} ${n(by)}L${n(bx)} ${n(by - h)}M${n(bx - h * 0.14)} ${n(by - h * 0.92)}L${n(bx + h * 0.14)} ${n(by - h * 0.92)}`;
    wires[0]!.push([bx - h * 0.12, by - h * 0.92]);
    wires[1]!.push([bx + h * 0.12, by - h * 0.92]);
  }
  let wd = '';
  for (const wl of wires) {
    for (let i = 1; i < wl.length; i++) {
      const a = wl[i - 1]!,
        b = wl[i]!;
      const sag = Math.hypot(b[0] - a[0], b[1] - a[1]) * 0.05;
      wd += `M${n(a[0])} ${n(a[1])}Q${n((a[0] + b[0]) / 2)} ${n((a[1] + b[1]) / 2 + sag)} ${n(b[0])} ${n(b[1])}`;
    }
  }
  d.add(`<path d="${wd}" fill="none" stroke="${PAL.ink}" stroke-width="0.6" opacity="0.55"/>`);
  d.add(`<path d="${poles}" stroke="#4a3f36" stroke-width="1.8"/>`);

  // the train, heading east
  const k = 0.78,
    front = 1285,
    railY = TY + widthAt(TY) * 0.5 - 0.5;
  const sr = new Rng('ij:smoke');
  let puff = '';
  let px = front - 26 * k,
    py = railY - 118 * k;
  for (let i = 0; i < 16; i++) {
    const rr = 9 + i * 3.6;
    puff += `<circle cx="${n(px)}" cy="${n(py)}" r="${n(rr)}" opacity="${n(Math.max(0.1, 0.85 - i * 0.05))}"/>`;
    px -= 16 + i * 2 + sr.range(0, 7);
    py -= 10 - i * 0.3 + sr.range(-3, 3);
  }
  d.add(`<g fill="#f1ede4" filter="url(#ijBlur3)">${puff}</g>`);
  d.add(steamTrain(front, railY, k));
  d.add(nearRail);
  d.add(
    `<g fill="${PAL.paperLight}" opacity="0.8" filter="url(#ijBlur3)"><ellipse cx="${front - 28}" cy="${railY - 6}" rx="20" ry="6"/></g>`,
  );

  // foreground bank with grass, a pine on the Chinese side, birches on the Soviet side
  const fg = ridge('ij:fg', 975, 1, [
    [0.004, 14],
    [0.012, 6],
  ]);
  d.add(`<path d="${fillBelow(fg, 1080)}" fill="#8f9a6c"/>`);
  const gr = new Rng('ij:grass');
  let grass = '';
  for (let i = 0; i < 520; i++) {
    const x = gr.range(0, 1920),
      y = gr.range(985, 1080);
    const h = gr.range(8, 22);
    grass += `M${n(x)} ${n(y)}q${n(gr.range(-3, 3))} ${n(-h / 2)} ${n(gr.range(-6, 6))} ${n(-h)}`;
  }
  d.add(`<path d="${grass}" stroke="#5f6b45" stroke-width="1.2" fill="none" opacity="0.8"/>`);
  d.add(pine(170, 1010, 360));
  d.add(birch(1740, 1020, 380, 18));
  d.add(birch(1850, 1040, 320, -12));

  paperGrain(d, { seed: 97, grain: 0.22, speckles: 600 });
  return d.toString();
}
