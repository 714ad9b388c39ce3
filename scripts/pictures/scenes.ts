/**
 * Illustrations: the interns' railway journey, red-brick residential blocks,
 * the plaque, the museum hall.
 */
import { Doc, PAL, Rng, type Pt, n, polyD, smoothD, paperGrain, lerp } from './lib.ts';
import { tractor } from './tractor.ts';

// ---------------------------------------------------------------- shared bits

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

/** Deciduous tree: a tapering trunk with branches and a crown of leafy clumps. */
function roundTree(
  x: number,
  base: number,
  h: number,
  r: Rng,
  o: { crown?: string; dark?: string; light?: string; trunk?: string; ink?: string; detail?: boolean } = {},
): string {
  const crown = o.crown ?? '#7f9666';
  const dark = o.dark ?? '#5f7650';
  const light = o.light ?? '#a3b58a';
  const trunk = o.trunk ?? '#5a4a3c';
  const ink = o.ink ?? PAL.ink;
  const detail = o.detail ?? true;
  const rx = h * 0.3,
    ry = h * 0.27;
  const cx = x + r.normal() * h * 0.02,
    cy = base - h + ry + h * 0.02;
  const tw = Math.max(3, h * 0.028);
  let s = `<path d="M${n(x - tw)} ${base}C${n(x - tw * 0.8)} ${n(base - h * 0.3)} ${n(x - tw * 0.6)} ${n(cy + ry * 0.3)} ${n(x - tw * 0.4)} ${n(cy)}L${n(x + tw * 0.4)} ${n(cy)}C${n(x + tw * 0.6)} ${n(cy + ry * 0.3)} ${n(x + tw * 0.8)} ${n(base - h * 0.3)} ${n(x + tw)} ${base}Z" fill="${trunk}" stroke="${ink}" stroke-width="1"/>`;
  let br = '';
  for (let i = 0; i < 4; i++) {
    const by = cy + ry * r.range(0.1, 0.6),
      dir = i % 2 ? 1 : -1;
    br += `M${n(x)} ${n(by)}Q${n(x + dir * rx * 0.3)} ${n(by - ry * 0.2)} ${n(x + dir * rx * r.range(0.5, 0.8))} ${n(by - ry * r.range(0.3, 0.6))}`;
  }
  s += `<path d="${br}" fill="none" stroke="${trunk}" stroke-width="${n(tw * 0.5)}" stroke-linecap="round"/>`;
  const clumps: [number, number, number][] = [];
  const count = 16;
  for (let i = 0; i < count; i++) {
    const a = r.range(0, Math.PI * 2),
      q = Math.sqrt(r.next()) * 0.72;
    clumps.push([cx + Math.cos(a) * rx * q, cy + Math.sin(a) * ry * q, rx * r.range(0.3, 0.42)]);
  }
  clumps.sort((a, b) => a[1] - b[1]);
  s += clumps.map(([bx, by, rr]) => `<circle cx="${n(bx)}" cy="${n(by)}" r="${n(rr + 1.3)}" fill="${ink}"/>`).join('');
  s += clumps.map(([bx, by, rr]) => `<circle cx="${n(bx)}" cy="${n(by)}" r="${n(rr)}" fill="${crown}"/>`).join('');
  s += clumps
    .filter(([, by]) => by > cy - ry * 0.1)
    .map(([bx, by, rr]) => `<circle cx="${n(bx + rr * 0.2)}" cy="${n(by + rr * 0.35)}" r="${n(rr * 0.72)}" fill="${dark}" opacity="0.5"/>`)
    .join('');
  if (detail) {
    let dabs = '';
    for (let i = 0; i < 90; i++) {
      const [bx, by, rr] = r.pick(clumps);
      const a = r.range(0, Math.PI * 2),
        q = r.range(0, rr * 0.85);
      const px = bx + Math.cos(a) * q,
        py = by + Math.sin(a) * q;
      const up = py < by;
      dabs += `<ellipse cx="${n(px)}" cy="${n(py)}" rx="${n(rr * 0.16)}" ry="${n(rr * 0.1)}" transform="rotate(${n(r.range(-50, 50))} ${n(px)} ${n(py)})" fill="${up ? light : dark}"/>`;
    }
    s += `<g opacity="0.7">${dabs}</g>`;
  }
  return s;
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

// ---------------------------------------------------------------- the journey

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

// ---------------------------------------------------------------- buildings

interface BlockSpec {
  x: number;
  base: number;
  w: number;
  floors: number;
  floorH: number;
  bays: number;
  entrances: number[];
  tone?: number;
  roof?: string;
}

function brickDefs(d: Doc): void {
  d.def(
    'brick',
    `<pattern id="brick" patternUnits="userSpaceOnUse" width="24" height="12">` +
      `<path d="M0 0.5H24M0 6.5H24M0.5 0.5V6.5M12.5 6.5V12.5" stroke="#6d3121" stroke-width="0.9" opacity="0.45" fill="none"/></pattern>`,
  );
  d.def(
    'tile',
    `<pattern id="tile" patternUnits="userSpaceOnUse" width="10" height="9">` +
      `<path d="M0 8.5H10M5 0V8.5" stroke="#2e2b28" stroke-width="0.8" opacity="0.4" fill="none"/></pattern>`,
  );
}

/** A Soviet-style 1950s red-brick residential block in elevation. */
function brickBlock(b: BlockSpec, r: Rng, fade = 0): string {
  const { x, base, w, floors, floorH, bays } = b;
  const plinth = 38,
    cornice = 26;
  const top = base - plinth - floors * floorH - cornice;
  const wall = PAL.brick;
  let s = '';
  // wall
  s += `<rect x="${x}" y="${top + cornice}" width="${w}" height="${base - top - cornice}" fill="${wall}"/>`;
  s += `<rect x="${x}" y="${top + cornice}" width="${w}" height="${base - top - cornice}" fill="url(#brick)"/>`;
  // plinth (stone)
  s += `<rect x="${x - 4}" y="${base - plinth}" width="${w + 8}" height="${plinth}" fill="#a39d90" stroke="${PAL.ink}" stroke-width="1.2"/>`;
  s += `<path d="M${x - 4} ${base - plinth + 12}H${x + w + 4}" stroke="${PAL.ink}" stroke-width="0.6" opacity="0.5"/>`;
  // string course between ground and first floor
  s += `<rect x="${x - 3}" y="${base - plinth - floorH - 6}" width="${w + 6}" height="7" fill="#c9b99a" stroke="${PAL.ink}" stroke-width="0.8"/>`;
  // cornice with dentils
  s += `<path d="M${x - 16} ${top + cornice}H${x + w + 16}L${x + w + 22} ${top + 8}H${x - 22}Z" fill="#d8cbb0" stroke="${PAL.ink}" stroke-width="1.2"/>`;
  let dent = '';
  for (let dx = x - 10; dx < x + w + 10; dx += 12) dent += `<rect x="${dx}" y="${top + cornice}" width="6" height="6"/>`;
  s += `<g fill="#b9ab8f" stroke="${PAL.ink}" stroke-width="0.5">${dent}</g>`;
  // hipped roof
  const rh = Math.min(110, floorH * 0.95);
  s += `<path d="M${x - 22} ${top + 8}L${x + rh * 0.9} ${top + 8 - rh}H${x + w - rh * 0.9}L${x + w + 22} ${top + 8}Z" fill="${b.roof ?? '#6b665c'}" stroke="${PAL.ink}" stroke-width="1.2"/>`;
  s += `<path d="M${x - 22} ${top + 8}L${x + rh * 0.9} ${top + 8 - rh}H${x + w - rh * 0.9}L${x + w + 22} ${top + 8}Z" fill="url(#tile)"/>`;
  // chimneys
  for (let i = 1; i < 4; i++) {
    const cx = x + (w * i) / 4 + r.range(-20, 20);
    s += `<rect x="${n(cx - 9)}" y="${n(top + 8 - rh - 18)}" width="18" height="${n(rh * 0.55 + 18)}" fill="${PAL.brickDark}" stroke="${PAL.ink}" stroke-width="1"/><rect x="${n(cx - 11)}" y="${n(top + 8 - rh - 22)}" width="22" height="5" fill="#6b665c" stroke="${PAL.ink}" stroke-width="0.8"/>`;
  }
  // dormers
  for (let i = 0; i < 3; i++) {
    const cx = x + w * (0.25 + i * 0.25);
    const dy = top + 8 - rh * 0.45;
    s += `<path d="M${n(cx - 16)} ${n(dy + 14)}V${n(dy)}L${n(cx)} ${n(dy - 14)}L${n(cx + 16)} ${n(dy)}V${n(dy + 14)}Z" fill="#7d776d" stroke="${PAL.ink}" stroke-width="1"/><rect x="${n(cx - 7)}" y="${n(dy - 2)}" width="14" height="14" fill="#3f4a52"/>`;
  }
  // windows
  const bw = w / bays;
  const ww = Math.min(48, bw * 0.46),
    wh = floorH * 0.56;
  const lit = new Rng(`lit${x}`);
  for (let f = 0; f < floors; f++) {
    const fy = base - plinth - (f + 1) * floorH + floorH * 0.22;
    for (let i = 0; i < bays; i++) {
      const cx = x + bw * (i + 0.5);
      const entrance = b.entrances.includes(i);
      if (entrance && f === 0) continue;
      const yy = entrance ? fy - floorH * 0.45 : fy; // stair windows sit between floors
      if (entrance && f === floors - 1) continue;
      s += `<rect x="${n(cx - ww / 2 - 5)}" y="${n(yy - 10)}" width="${n(ww + 10)}" height="10" fill="#c9b99a" stroke="${PAL.ink}" stroke-width="0.7"/>`;
      s += `<rect x="${n(cx - ww / 2)}" y="${n(yy)}" width="${n(ww)}" height="${n(wh)}" fill="#eae2cf" stroke="${PAL.ink}" stroke-width="1"/>`;
      const glass = lit.chance(0.12) ? '#e7c98f' : '#45525b';
      s += `<rect x="${n(cx - ww / 2 + 4)}" y="${n(yy + 4)}" width="${n(ww / 2 - 6)}" height="${n(wh * 0.62)}" fill="${glass}"/><rect x="${n(cx + 2)}" y="${n(yy + 4)}" width="${n(ww / 2 - 6)}" height="${n(wh * 0.62)}" fill="${glass}"/>`;
      s += `<rect x="${n(cx - ww / 2 + 4)}" y="${n(yy + 8 + wh * 0.62)}" width="${n(ww - 8)}" height="${n(wh * 0.38 - 12)}" fill="${glass}"/>`;
      s += `<path d="M${n(cx - ww / 2 + 6)} ${n(yy + wh * 0.5)}L${n(cx - 8)} ${n(yy + 8)}" stroke="#8fa0aa" stroke-width="2" opacity="0.5"/>`;
      s += `<rect x="${n(cx - ww / 2 - 4)}" y="${n(yy + wh)}" width="${n(ww + 8)}" height="5" fill="#d8cbb0" stroke="${PAL.ink}" stroke-width="0.6"/>`;
      // balconies on the middle bays of upper floors
      if (!entrance && f >= 1 && f < floors && (i === Math.floor(bays / 2) || i === Math.floor(bays / 2) - 1) && floors >= 3) {
        const by = yy + wh + 4;
        s += `<rect x="${n(cx - ww / 2 - 10)}" y="${n(by)}" width="${n(ww + 20)}" height="6" fill="#c9b99a" stroke="${PAL.ink}" stroke-width="0.8"/>`;
        let bal = `M${n(cx - ww / 2 - 8)} ${n(by - 24)}H${n(cx + ww / 2 + 8)}`;
        for (let bx = cx - ww / 2 - 8; bx <= cx + ww / 2 + 8; bx += 6) bal += `M${n(bx)} ${n(by - 24)}V${n(by)}`;
        s += `<path d="${bal}" stroke="${PAL.ink}" stroke-width="1"/>`;
      }
    }
  }
  // entrances with canopies and steps
  for (const i of b.entrances) {
    const cx = x + bw * (i + 0.5);
    const dw = Math.min(52, bw * 0.5),
      dh = floorH * 0.75;
    s += `<rect x="${n(cx - dw / 2)}" y="${n(base - plinth - dh + 18)}" width="${n(dw)}" height="${n(dh + plinth - 24)}" fill="#5a3e2c" stroke="${PAL.ink}" stroke-width="1.2"/>`;
    s += `<path d="M${n(cx)} ${n(base - plinth - dh + 20)}V${n(base - 8)}" stroke="${PAL.ink}" stroke-width="1"/>`;
    s += `<rect x="${n(cx - dw / 2 - 14)}" y="${n(base - plinth - dh + 8)}" width="${n(dw + 28)}" height="9" fill="#c9b99a" stroke="${PAL.ink}" stroke-width="1"/>`;
    s += `<rect x="${n(cx - dw / 2 - 10)}" y="${n(base - 8)}" width="${n(dw + 20)}" height="8" fill="#a39d90" stroke="${PAL.ink}" stroke-width="0.8"/>`;
  }
  // outline
  s += `<rect x="${x}" y="${top + cornice}" width="${w}" height="${base - top - cornice}" fill="none" stroke="${PAL.ink}" stroke-width="1.4"/>`;
  if (fade > 0)
    s += `<rect x="${x - 30}" y="${n(top + 8 - rh - 30)}" width="${w + 60}" height="${n(base - top + rh + 40)}" fill="#e9dfca" opacity="${fade}"/>`;
  return s;
}

export function redBlocks(): string {
  const d = new Doc();
  brickDefs(d);
  d.linear('rbSky', [
    [0, '#e4dac4'],
    [0.6, '#efe6d2'],
    [1, '#f3ead7'],
  ]);
  d.hatch('rbPave', '#8a7f6d', 90, 26, 0.8, 0.5);
  d.add(`<rect width="1920" height="1080" fill="url(#rbSky)"/>`);
  const r = new Rng('rb');
  d.blur('rbBlur', 7);
  let clouds = '';
  for (let i = 0; i < 8; i++) {
    clouds += `<ellipse cx="${n(r.range(0, 1920))}" cy="${n(r.range(70, 300))}" rx="${n(r.range(90, 220))}" ry="${n(r.range(10, 20))}"/>`;
  }
  d.add(`<g fill="${PAL.paperLight}" opacity="0.8" filter="url(#rbBlur)">${clouds}</g>`);
  // a distant row of blocks, pale
  d.add(brickBlock({ x: -60, base: 790, w: 700, floors: 3, floorH: 72, bays: 10, entrances: [2, 7] }, new Rng('rb:far1'), 0.62));
  d.add(brickBlock({ x: 1230, base: 780, w: 760, floors: 3, floorH: 70, bays: 11, entrances: [3, 8] }, new Rng('rb:far2'), 0.62));
  // trees behind
  let bt = '';
  for (let i = 0; i < 10; i++)
    bt += roundTree(100 + i * 190 + r.range(-30, 30), 800, 260 + r.range(-30, 40), r, {
      crown: '#a3ad88',
      dark: '#8d9a74',
      trunk: '#7d7062',
      ink: '#7d776d',
      detail: false,
    });
  d.add(`<g opacity="0.85">${bt}</g>`);
  // main blocks
  d.add(brickBlock({ x: 160, base: 905, w: 980, floors: 4, floorH: 104, bays: 12, entrances: [2, 6, 10] }, new Rng('rb:main')));
  d.add(brickBlock({ x: 1270, base: 905, w: 720, floors: 3, floorH: 104, bays: 8, entrances: [2, 6] }, new Rng('rb:right')));
  // ground: lawn strip, pavement, kerb, road
  d.add(`<rect x="0" y="905" width="1920" height="30" fill="#9aa77a"/>`);
  d.add(`<rect x="0" y="935" width="1920" height="60" fill="#cfc6b3"/><rect x="0" y="935" width="1920" height="60" fill="url(#rbPave)"/>`);
  d.add(`<rect x="0" y="995" width="1920" height="10" fill="#b3ab9a" stroke="${PAL.ink}" stroke-width="1"/>`);
  d.add(`<rect x="0" y="1005" width="1920" height="75" fill="#8d877c"/>`);
  d.add(`<path d="M0 1045H1920" stroke="#d9d2c2" stroke-width="3" stroke-dasharray="60 40" opacity="0.7"/>`);
  // hedge
  let hedge = '';
  for (let x = 0; x < 1920; x += 16) hedge += `<ellipse cx="${x}" cy="${905 + r.range(-3, 3)}" rx="14" ry="${n(r.range(12, 18))}"/>`;
  d.add(`<g fill="#6f8a5a" stroke="#4f6840" stroke-width="0.8">${hedge}</g>`);
  // street trees in front
  for (const [x, h] of [
    [90, 560],
    [640, 600],
    [1210, 580],
    [1760, 560],
  ] as const)
    d.add(roundTree(x, 968, h, new Rng(`rb:t${x}`)));
  // a street lamp and a bicycle
  d.add(
    `<path d="M930 990V700M930 700q0 -24 26 -24h14" stroke="${PAL.ink}" stroke-width="5" fill="none"/><path d="M962 668h24l-4 16h-16z" fill="${PAL.ink}"/>`,
  );
  const bx = 1420,
    by = 985;
  d.add(
    `<g fill="none" stroke="${PAL.ink}" stroke-width="3"><circle cx="${bx}" cy="${by - 26}" r="26"/><circle cx="${bx + 92}" cy="${by - 26}" r="26"/>` +
      `<path d="M${bx} ${by - 26}L${bx + 34} ${by - 70}L${bx + 76} ${by - 70}L${bx + 92} ${by - 26}M${bx + 34} ${by - 70}L${bx + 46} ${by - 26}L${bx} ${by - 26}M${bx + 46} ${by - 26}L${bx + 76} ${by - 70}M${bx + 28} ${by - 80}h16M${bx + 76} ${by - 70}l-4 -14h14"/></g>`,
  );
  paperGrain(d, { seed: 103, grain: 0.2, speckles: 600 });
  return d.toString();
}

// ---------------------------------------------------------------- plaque

/** Random granite speckle inside a rectangle. */
function granite(x: number, y: number, w: number, h: number, seed: string, density = 0.012): string {
  const r = new Rng(seed);
  const count = Math.round(w * h * density);
  let dark = '',
    light = '';
  for (let i = 0; i < count; i++) {
    const c = `<circle cx="${n(x + r.range(0, w))}" cy="${n(y + r.range(0, h))}" r="${n(r.range(0.5, 1.6))}"/>`;
    if (r.chance(0.6)) dark += c;
    else light += c;
  }
  return `<g fill="#4f4a43" opacity="0.35">${dark}</g><g fill="#f4f0e8" opacity="0.45">${light}</g>`;
}

export function plaque(): string {
  const d = new Doc();
  brickDefs(d);
  d.linear('plSky', [
    [0, '#e2d8c2'],
    [1, '#f1e8d5'],
  ]);
  d.linear(
    'plStone',
    [
      [0, '#b3ada2'],
      [1, '#9b958a'],
    ],
    0,
    0,
    0.3,
    1,
  );
  d.linear('plStoneSide', [
    [0, '#7f796f'],
    [1, '#6c665d'],
  ]);
  d.linear('plBase', [
    [0, '#c9c2b4'],
    [1, '#aaa397'],
  ]);
  d.blur('plBlur', 10);
  d.blur('plBlur3', 3);
  d.add(`<rect width="1920" height="1080" fill="url(#plSky)"/>`);
  const HZ = 600; // eye level
  const VPX = 900;
  const r = new Rng('pl');

  // far side of the street: pale trees and a low block
  let far = '';
  for (let i = 0; i < 9; i++)
    far += roundTree(-60 + i * 150 + r.range(-30, 30), 700, 250 + r.range(-30, 40), r, {
      crown: '#b7bc9a',
      dark: '#a7ad8c',
      trunk: '#8b8072',
      ink: '#a19a8c',
      detail: false,
    });
  d.add(far);
  d.add(brickBlock({ x: 60, base: 700, w: 560, floors: 3, floorH: 62, bays: 9, entrances: [4] }, new Rng('pl:far'), 0.55));
  d.add(`<rect x="0" y="700" width="1920" height="100" fill="#cdc4b0"/>`);

  // the corner of a red-brick block on the right, set back from the pavement
  d.add(brickBlock({ x: 1420, base: 790, w: 900, floors: 4, floorH: 190, bays: 5, entrances: [2] }, new Rng('pl:corner')));
  // its shadowed return wall, seen at the corner
  d.add(`<path d="M1420 ${790 - 38 - 4 * 190 - 26}L1384 ${790 - 38 - 4 * 190 - 10}L1384 800L1420 790Z" fill="#7a3a29"/>`);
  d.add(`<path d="M1420 ${790 - 38 - 4 * 190 - 26}L1384 ${790 - 38 - 4 * 190 - 10}L1384 800L1420 790Z" fill="url(#brick)"/>`);
  d.add(`<path d="M1384 ${790 - 38 - 4 * 190 - 10}V800" stroke="${PAL.ink}" stroke-width="1.4"/>`);

  // pavement in perspective, kerb and road
  d.add(`<rect x="0" y="790" width="1920" height="180" fill="#d3cab7"/>`);
  let pv = '';
  for (let i = -30; i <= 30; i++) {
    const xb = VPX + i * 110;
    pv += `M${n(VPX + (xb - VPX) * ((790 - HZ) / (970 - HZ)))} 790L${n(xb)} 970`;
  }
  for (const y of [812, 840, 874, 916, 968]) pv += `M0 ${y}H1920`;
  d.add(`<path d="${pv}" stroke="#978b76" stroke-width="1" opacity="0.55"/>`);
  d.add(`<rect x="0" y="968" width="1920" height="14" fill="#b9b1a1" stroke="${PAL.ink}" stroke-width="1"/>`);
  d.add(`<rect x="0" y="982" width="1920" height="98" fill="#8a847a"/>`);
  d.add(`<path d="M0 1042H1920" stroke="#d9d2c2" stroke-width="4" stroke-dasharray="90 60" opacity="0.6"/>`);
  // a low clipped hedge along the building
  let sh = '';
  for (let x = 1100; x < 1940; x += 20) sh += `<ellipse cx="${x}" cy="${n(792 + r.range(-3, 3))}" rx="20" ry="${n(r.range(18, 24))}"/>`;
  d.add(`<g fill="#6f8a5a" stroke="#4f6840" stroke-width="0.9">${sh}</g>`);

  // the tree: a plane tree at the edge of the pavement
  const tx = 1250;
  d.add(`<ellipse cx="${tx + 40}" cy="952" rx="170" ry="16" fill="${PAL.ink}" opacity="0.18" filter="url(#plBlur)"/>`);
  const trunk = `M${tx - 34} 955C${tx - 26} 800 ${tx - 36} 560 ${tx - 14} 360L${tx - 110} 170L${tx - 92} 160L${tx} 320L${tx + 50} 120L${tx + 70} 130L${tx + 28} 360C${tx + 36} 560 ${tx + 30} 800 ${tx + 38} 955Z`;
  d.add(`<path d="${trunk}" fill="#a0988a" stroke="${PAL.ink}" stroke-width="1.6"/>`);
  const tr = new Rng('pl:bark');
  let patches = '';
  for (let i = 0; i < 40; i++) {
    const y = tr.range(380, 940),
      x = tx + tr.range(-22, 24);
    patches += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(tr.range(5, 12))}" ry="${n(tr.range(8, 20))}" fill="${tr.pick(['#cfc8b4', '#7d776a', '#b8b09a', '#8e8878'])}" opacity="0.85"/>`;
  }
  d.add(patches);
  d.add(
    `<path d="M${tx + 24} 380C${tx + 32} 560 ${tx + 28} 800 ${tx + 34} 950" stroke="#5d574d" stroke-width="8" opacity="0.25" fill="none"/>`,
  );
  // canopy: many small clumps, leaf dabs on top
  const cr = new Rng('pl:canopy');
  const clumps: [number, number, number][] = [];
  for (let i = 0; i < 60; i++) clumps.push([tx + cr.range(-420, 360), cr.range(-20, 300) + Math.abs(cr.normal()) * 20, cr.range(44, 80)]);
  clumps.sort((a, b) => a[1] - b[1]);
  d.add(clumps.map(([x, y, rr]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(rr + 1.5)}" fill="${PAL.ink}"/>`).join(''));
  d.add(clumps.map(([x, y, rr]) => `<circle cx="${n(x)}" cy="${n(y)}" r="${n(rr)}" fill="#7f9666"/>`).join(''));
  d.add(
    clumps
      .filter((_, i) => i % 2 === 0)
      .map(([x, y, rr]) => `<circle cx="${n(x + rr * 0.2)}" cy="${n(y + rr * 0.35)}" r="${n(rr * 0.7)}" fill="#5f7650" opacity="0.5"/>`)
      .join(''),
  );
  let dabs = '';
  for (let i = 0; i < 420; i++) {
    const [x, y, rr] = cr.pick(clumps);
    const a = cr.range(0, Math.PI * 2),
      q = cr.range(0, rr * 0.9);
    const px = x + Math.cos(a) * q,
      py = y + Math.sin(a) * q;
    dabs += `<ellipse cx="${n(px)}" cy="${n(py)}" rx="${n(cr.range(5, 9))}" ry="${n(cr.range(3, 6))}" transform="rotate(${n(cr.range(-50, 50))} ${n(px)} ${n(py)})" fill="${cr.chance(0.5) ? '#9aae80' : '#6e865a'}"/>`;
  }
  d.add(`<g opacity="0.75">${dabs}</g>`);
  // dappled shade on the pavement
  let dap = '';
  for (let i = 0; i < 30; i++)
    dap += `<ellipse cx="${n(cr.range(820, 1700))}" cy="${n(cr.range(800, 960))}" rx="${n(cr.range(12, 34))}" ry="${n(cr.range(3, 8))}"/>`;
  d.add(`<g fill="${PAL.ink}" opacity="0.1">${dap}</g>`);

  // the plaque: a granite tablet on a two-step base, blank
  const P = { x0: 500, x1: 1000, y0: 560, y1: 850 };
  const depth = 34;
  d.add(`<ellipse cx="${(P.x0 + P.x1) / 2 + 50}" cy="942" rx="340" ry="20" fill="${PAL.ink}" opacity="0.22" filter="url(#plBlur)"/>`);
  // base steps (with their top faces, seen from slightly above)
  const step = (x0: number, x1: number, y0: number, h: number, inset: number) =>
    `<path d="M${x0} ${y0}L${x0 + inset} ${y0 - inset * 0.45}H${x1 + inset * 0.2}L${x1} ${y0}Z" fill="#ddd7cb" stroke="${PAL.ink}" stroke-width="1"/>` +
    `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="${h}" fill="url(#plBase)" stroke="${PAL.ink}" stroke-width="1.3"/>` +
    granite(x0, y0, x1 - x0, h, `pl:step${y0}`, 0.006);
  d.add(step(P.x0 - 70, P.x1 + 90, 900, 40, 26));
  d.add(step(P.x0 - 36, P.x1 + 56, 850, 50, 26));
  // the tablet: side face, top face, front face
  d.add(
    `<path d="M${P.x1} ${P.y0}L${P.x1 + depth} ${P.y0 - depth * 0.45}V${P.y1 - depth * 0.45}L${P.x1} ${P.y1}Z" fill="url(#plStoneSide)" stroke="${PAL.ink}" stroke-width="1.4"/>`,
  );
  d.add(
    `<path d="M${P.x0} ${P.y0}L${P.x0 + depth} ${P.y0 - depth * 0.45}H${P.x1 + depth}L${P.x1} ${P.y0}Z" fill="#cbc6bc" stroke="${PAL.ink}" stroke-width="1.4"/>`,
  );
  d.add(
    `<rect x="${P.x0}" y="${P.y0}" width="${P.x1 - P.x0}" height="${P.y1 - P.y0}" fill="url(#plStone)" stroke="${PAL.ink}" stroke-width="1.6"/>`,
  );
  d.add(granite(P.x0 + 1, P.y0 + 1, P.x1 - P.x0 - 2, P.y1 - P.y0 - 2, 'pl:face'));
  // chamfered edge highlight and the incised frame of the (empty) field
  d.add(`<path d="M${P.x0 + 3} ${P.y1 - 3}V${P.y0 + 3}H${P.x1 - 3}" fill="none" stroke="#e6e1d7" stroke-width="2.5" opacity="0.8"/>`);
  const m = 30;
  d.add(
    `<rect x="${P.x0 + m}" y="${P.y0 + m}" width="${P.x1 - P.x0 - 2 * m}" height="${P.y1 - P.y0 - 2 * m}" fill="none" stroke="#6f695f" stroke-width="2.2"/>`,
  );
  d.add(
    `<path d="M${P.x0 + m + 2} ${P.y1 - m + 2}H${P.x1 - m + 2}V${P.y0 + m + 2}" fill="none" stroke="#e6e1d7" stroke-width="1.5" opacity="0.8"/>`,
  );
  d.add(
    `<rect x="${P.x0 + m + 12}" y="${P.y0 + m + 12}" width="${P.x1 - P.x0 - 2 * m - 24}" height="${P.y1 - P.y0 - 2 * m - 24}" fill="#ffffff" opacity="0.05"/>`,
  );
  // weathering at the foot
  d.add(`<rect x="${P.x0}" y="${P.y1 - 40}" width="${P.x1 - P.x0}" height="40" fill="#5d5850" opacity="0.12" filter="url(#plBlur3)"/>`);
  // a small bed of flowers at the side of the base (the only red besides the brick)
  const fr = new Rng('pl:flowers');
  let leaves = '',
    fl = '';
  for (let i = 0; i < 26; i++) {
    const x = fr.range(P.x0 - 150, P.x0 - 80),
      y = fr.range(915, 950);
    leaves += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(fr.range(8, 14))}" ry="${n(fr.range(4, 7))}"/>`;
    if (i % 3 === 0) fl += `<circle cx="${n(x + fr.range(-4, 4))}" cy="${n(y - fr.range(6, 14))}" r="${n(fr.range(4, 6))}"/>`;
  }
  for (let i = 0; i < 26; i++) {
    const x = fr.range(P.x1 + 160, P.x1 + 250),
      y = fr.range(915, 950);
    leaves += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(fr.range(8, 14))}" ry="${n(fr.range(4, 7))}"/>`;
    if (i % 3 === 0) fl += `<circle cx="${n(x + fr.range(-4, 4))}" cy="${n(y - fr.range(6, 14))}" r="${n(fr.range(4, 6))}"/>`;
  }
  d.add(
    `<g fill="#5f7a4c" stroke="#44583a" stroke-width="0.7">${leaves}</g><g fill="${PAL.red}" stroke="#6e120d" stroke-width="0.8">${fl}</g>`,
  );

  paperGrain(d, { seed: 107, grain: 0.2, speckles: 600 });
  return d.toString();
}

// ---------------------------------------------------------------- museum hall

export function museumHall(): string {
  const d = new Doc();
  const VP: Pt = [960, 420];
  const back = { x0: 540, x1: 1380, y0: 170, y1: 640 };
  // project a point on a line from the vanishing point: t=0 at the back wall, t=1 at the picture frame
  const toFront = (p: Pt, t: number): Pt => [VP[0] + (p[0] - VP[0]) * (1 + t * 1.6), VP[1] + (p[1] - VP[1]) * (1 + t * 1.6)];
  d.linear('mhWall', [
    [0, '#e6dac0'],
    [1, '#d8c9a8'],
  ]);
  d.linear('mhFloor', [
    [0, '#b9a98b'],
    [1, '#8f7f64'],
  ]);
  d.linear('mhCeil', [
    [0, '#cbbd9f'],
    [1, '#e2d6bb'],
  ]);
  d.linear('mhBeam', [
    [0, '#fff6e0', 0.55],
    [1, '#fff6e0', 0],
  ]);
  d.radial(
    'mhSpot',
    [
      [0, '#fff3d6', 0.7],
      [1, '#fff3d6', 0],
    ],
    0.5,
    0.5,
    0.5,
  );
  d.radial(
    'mhVignette',
    [
      [0, '#000', 0],
      [0.7, '#000', 0],
      [1, '#2b2622', 0.35],
    ],
    0.5,
    0.5,
    0.72,
  );
  d.linear(
    'mhGlass',
    [
      [0, '#dfe7e6', 0.45],
      [1, '#b9c7c6', 0.2],
    ],
    0,
    0,
    1,
    1,
  );
  d.blur('mhBlur', 14);
  d.blur('mhBlur4', 4);

  const far = (x: number, y: number): Pt => [x, y];
  const c = {
    tl: far(back.x0, back.y0),
    tr: far(back.x1, back.y0),
    bl: far(back.x0, back.y1),
    br: far(back.x1, back.y1),
  };
  const big = 2.0;
  const F = (p: Pt) => toFront(p, big);
  // ceiling, walls, floor
  d.add(`<path d="${polyD([F(c.tl), F(c.tr), c.tr, c.tl], true)}" fill="url(#mhCeil)"/>`);
  d.add(`<path d="${polyD([F(c.tl), c.tl, c.bl, F(c.bl)], true)}" fill="url(#mhWall)"/>`);
  d.add(`<path d="${polyD([c.tr, F(c.tr), F(c.br), c.br], true)}" fill="url(#mhWall)"/>`);
  d.add(`<path d="${polyD([c.bl, c.br, F(c.br), F(c.bl)], true)}" fill="url(#mhFloor)"/>`);
  d.add(`<rect x="${back.x0}" y="${back.y0}" width="${back.x1 - back.x0}" height="${back.y1 - back.y0}" fill="#e9dfc8"/>`);
  // floor tiles
  let tiles = '';
  for (let i = -14; i <= 14; i++) {
    const bx = 960 + i * 60;
    const b: Pt = [bx, back.y1];
    const f = F(b);
    tiles += `M${n(b[0])} ${n(b[1])}L${n(f[0])} ${n(f[1])}`;
  }
  for (let k = 0; k < 22; k++) {
    const t = 2 * Math.pow(k / 21, 1.9);
    const l = toFront(c.bl, t),
      rr = toFront(c.br, t);
    tiles += `M${n(l[0])} ${n(l[1])}L${n(rr[0])} ${n(rr[1])}`;
  }
  d.def('mhFloorClip', `<clipPath id="mhFloorClip"><path d="${polyD([c.bl, c.br, F(c.br), F(c.bl)], true)}"/></clipPath>`);
  d.add(`<g clip-path="url(#mhFloorClip)"><path d="${tiles}" stroke="#6f624d" stroke-width="1.2" opacity="0.55"/></g>`);
  // ceiling: coffers and skylights
  let coff = '';
  const skyl: Pt[][] = [];
  for (let k = 0; k < 7; k++) {
    const t0 = 1.4 * Math.pow(k / 7, 1.6),
      t1 = 1.4 * Math.pow((k + 0.62) / 7, 1.6);
    const a = toFront([820, back.y0], t0),
      b = toFront([1100, back.y0], t0),
      cc = toFront([1100, back.y0], t1),
      dd = toFront([820, back.y0], t1);
    skyl.push([a, b, cc, dd]);
    coff += `<path d="${polyD([a, b, cc, dd], true)}" fill="#fbf4e4" stroke="#a99a7c" stroke-width="1.2"/>`;
  }
  d.def('mhCeilClip', `<clipPath id="mhCeilClip"><path d="${polyD([F(c.tl), F(c.tr), c.tr, c.tl], true)}"/></clipPath>`);
  d.add(`<g clip-path="url(#mhCeilClip)">${coff}</g>`);
  let beams = '';
  for (let i = -3; i <= 3; i++) {
    const bx = 960 + i * 140;
    const f = F([bx, back.y0]);
    beams += `M${bx} ${back.y0}L${n(f[0])} ${n(f[1])}`;
  }
  d.add(`<g clip-path="url(#mhCeilClip)"><path d="${beams}" stroke="#a99a7c" stroke-width="2" opacity="0.6"/></g>`);

  // back wall: a tall doorway and a long blank red banner
  d.add(`<rect x="${back.x0}" y="${back.y1 - 22}" width="${back.x1 - back.x0}" height="22" fill="#b4a585"/>`);
  d.add(
    `<rect x="880" y="430" width="160" height="188" fill="#b8aa8b" stroke="#7d6f57" stroke-width="2"/><rect x="896" y="446" width="128" height="172" fill="#cdbf9f"/>`,
  );
  d.add(
    `<rect x="740" y="196" width="440" height="64" fill="${PAL.red}" opacity="0.92"/><rect x="750" y="206" width="420" height="44" fill="none" stroke="#e9c9b9" stroke-width="1.6" opacity="0.8"/>`,
  );
  // frames on the side walls
  const wallQuad = (side: -1 | 1, t0: number, t1: number, y0: number, y1: number): Pt[] => {
    const x = side < 0 ? back.x0 : back.x1;
    return [toFront([x, y0], t0), toFront([x, y0], t1), toFront([x, y1], t1), toFront([x, y1], t0)];
  };
  const frames: [-1 | 1, number, number, number, number, string][] = [
    [-1, 0.08, 0.22, 260, 440, '#c9b48c'],
    [-1, 0.3, 0.5, 250, 460, '#b7a27b'],
    [1, 0.08, 0.22, 260, 440, '#c9b48c'],
    [1, 0.3, 0.5, 250, 460, '#b7a27b'],
  ];
  for (const [side, t0, t1, y0, y1, col] of frames) {
    const q = wallQuad(side, t0, t1, y0, y1);
    d.add(`<path d="${polyD(q, true)}" fill="#6a5a46" stroke="${PAL.ink}" stroke-width="1.2"/>`);
    const inner = wallQuad(side, t0 + (t1 - t0) * 0.08, t1 - (t1 - t0) * 0.08, y0 + 14, y1 - 14);
    d.add(`<path d="${polyD(inner, true)}" fill="${col}"/>`);
    // a faint sepia motif inside: horizon and a factory roofline
    const map = (u: number, v: number): Pt => {
      const [a, b, c3, d3] = inner as [Pt, Pt, Pt, Pt];
      const top: Pt = [lerp(a[0], b[0], u), lerp(a[1], b[1], u)];
      const bot: Pt = [lerp(d3[0], c3[0], u), lerp(d3[1], c3[1], u)];
      return [lerp(top[0], bot[0], v), lerp(top[1], bot[1], v)];
    };
    const sky: [number, number][] = [
      [0, 0.62],
      [0.1, 0.62],
      [0.1, 0.5],
      [0.2, 0.44],
      [0.2, 0.5],
      [0.3, 0.44],
      [0.3, 0.5],
      [0.4, 0.44],
      [0.4, 0.5],
      [0.55, 0.5],
      [0.55, 0.2],
      [0.6, 0.2],
      [0.6, 0.5],
      [0.72, 0.5],
      [0.72, 0.3],
      [0.76, 0.3],
      [0.76, 0.5],
      [1, 0.55],
      [1, 1],
      [0, 1],
    ];
    d.add(
      `<path d="${polyD(
        sky.map(([u, v]) => map(u, v)),
        true,
      )}" fill="#7d6a4d" opacity="0.45"/>`,
    );
    d.add(`<path d="${polyD([map(0, 0.8), map(1, 0.78)])}" stroke="#5d4d38" stroke-width="1.5" opacity="0.5"/>`);
  }
  // display cases along the walls
  const caseBox = (side: -1 | 1, t0: number, t1: number) => {
    const x = side < 0 ? back.x0 : back.x1;
    const inset = side < 0 ? 70 : -70;
    const footA = toFront([x, back.y1], t0),
      footB = toFront([x, back.y1], t1);
    const inA = toFront([x + inset, back.y1], t0),
      inB = toFront([x + inset, back.y1], t1);
    const hA = (footA[1] - VP[1]) * 0.42,
      hB = (footB[1] - VP[1]) * 0.42;
    const top = (p: Pt, h: number): Pt => [p[0], p[1] - h];
    let s = '';
    // plinth part
    const mid = (p: Pt, h: number): Pt => [p[0], p[1] - h * 0.55];
    s += `<path d="${polyD([inA, inB, mid(inB, hB), mid(inA, hA)], true)}" fill="#7d6a52" stroke="${PAL.ink}" stroke-width="1.2"/>`;
    // end facing us
    s += `<path d="${polyD([inB, footB, mid(footB, hB), mid(inB, hB)], true)}" fill="#6d5c47" stroke="${PAL.ink}" stroke-width="1.2"/>`;
    s += `<path d="${polyD([mid(inB, hB), mid(footB, hB), top(footB, hB), top(inB, hB)], true)}" fill="url(#mhGlass)" stroke="#5d584f" stroke-width="1.2"/>`;
    // glass
    s += `<path d="${polyD([mid(inA, hA), mid(inB, hB), top(inB, hB), top(inA, hA)], true)}" fill="url(#mhGlass)" stroke="#5d584f" stroke-width="1.2"/>`;
    s += `<path d="${polyD([top(inA, hA), top(inB, hB), top(footB, hB), top(footA, hA)], true)}" fill="#e8eeec" opacity="0.5" stroke="#5d584f" stroke-width="1"/>`;
    // objects inside: a book and a small model
    const o1 = mid(inA, hA),
      o2 = mid(inB, hB);
    const ox = lerp(o1[0], o2[0], 0.35),
      oy = lerp(o1[1], o2[1], 0.35),
      sc = (hA + hB) / 2 / 160;
    s += `<rect x="${n(ox - 22 * sc)}" y="${n(oy - 14 * sc)}" width="${n(44 * sc)}" height="${n(14 * sc)}" fill="${PAL.red}" opacity="0.85"/>`;
    const ox2 = lerp(o1[0], o2[0], 0.72),
      oy2 = lerp(o1[1], o2[1], 0.72);
    s += tractor(ox2 - 30 * sc, oy2, 60 * sc, { mode: 'silhouette', fill: '#3d3b39' });
    // glints
    s += `<path d="M${n(lerp(inA[0], inB[0], 0.2))} ${n(lerp(top(inA, hA)[1], top(inB, hB)[1], 0.2) + 6)}l${n(12 * sc)} ${n(40 * sc)}" stroke="#ffffff" stroke-width="2" opacity="0.5"/>`;
    return s;
  };
  d.add(caseBox(-1, 0.1, 0.28));
  d.add(caseBox(1, 0.1, 0.28));
  d.add(caseBox(-1, 0.42, 0.68));
  d.add(caseBox(1, 0.42, 0.68));

  // light falling from the skylights
  for (const q of skyl.slice(0, 3)) {
    const [a, b, c2, d2] = q as [Pt, Pt, Pt, Pt];
    const y0 = Math.min(a[1], d2[1]);
    const fa: Pt = [a[0] + 60, 760],
      fb: Pt = [b[0] + 90, 760];
    d.add(`<path d="${polyD([[d2[0], y0], [c2[0], y0], fb, fa], true)}" fill="url(#mhBeam)" opacity="0.3"/>`);
  }
  // a cone of daylight from the central skylight onto the exhibit
  d.linear('mhCone', [
    [0, '#fff8e6', 0.5],
    [0.75, '#fff8e6', 0.12],
    [1, '#fff8e6', 0],
  ]);
  d.add(`<path d="M840 0H1080L1390 790H530Z" fill="url(#mhCone)" filter="url(#mhBlur)"/>`);
  d.add(`<ellipse cx="960" cy="900" rx="520" ry="70" fill="#fff4dc" opacity="0.25" filter="url(#mhBlur)"/>`);
  // the plinth with the tractor
  const pl = { x0: 560, x1: 1360, y0: 760, y1: 850 };
  const backOf = (p: Pt): Pt => [VP[0] + (p[0] - VP[0]) * 0.8, VP[1] + (p[1] - VP[1]) * 0.8];
  d.add(`<ellipse cx="960" cy="${pl.y1 + 10}" rx="470" ry="40" fill="${PAL.ink}" opacity="0.3" filter="url(#mhBlur)"/>`);
  d.add(
    `<path d="${polyD([backOf([pl.x0, pl.y0]), backOf([pl.x1, pl.y0]), [pl.x1, pl.y0], [pl.x0, pl.y0]], true)}" fill="#d8ccb2" stroke="${PAL.ink}" stroke-width="1.4"/>`,
  );
  d.add(
    `<rect x="${pl.x0}" y="${pl.y0}" width="${pl.x1 - pl.x0}" height="${pl.y1 - pl.y0}" fill="#b5a684" stroke="${PAL.ink}" stroke-width="1.6"/>`,
  );
  d.add(
    `<rect x="${pl.x0 + 16}" y="${pl.y0 + 14}" width="${pl.x1 - pl.x0 - 32}" height="${pl.y1 - pl.y0 - 28}" fill="none" stroke="#8c7d61" stroke-width="1.2"/>`,
  );
  d.add(`<ellipse cx="960" cy="560" rx="460" ry="330" fill="url(#mhSpot)"/>`);
  // reflection on the polished floor
  d.add(`<ellipse cx="960" cy="${pl.y0 - 20}" rx="330" ry="14" fill="${PAL.ink}" opacity="0.35" filter="url(#mhBlur4)"/>`);
  d.add(tractor(650, pl.y0 - 22, 620, { mode: 'drawn', body: '#5f6c52', bodyDark: '#47523d', track: '#35312d', glass: '#c3cfd2' }));

  // rope barrier with brass posts and red ropes
  const posts = [420, 740, 1180, 1500];
  const py = 930;
  let rope = '';
  for (let i = 0; i < posts.length - 1; i++) {
    const a = posts[i]!,
      b = posts[i + 1]!;
    rope += `M${a} ${py - 118}Q${(a + b) / 2} ${py - 60} ${b} ${py - 118}`;
  }
  d.add(`<path d="${rope}" fill="none" stroke="${PAL.red}" stroke-width="9" stroke-linecap="round"/>`);
  d.add(
    `<path d="${rope}" fill="none" stroke="#e28a7c" stroke-width="2" stroke-linecap="round" opacity="0.6" transform="translate(0 -2)"/>`,
  );
  for (const x of posts) {
    d.add(`<ellipse cx="${x}" cy="${py + 4}" rx="34" ry="9" fill="#8c7440" stroke="${PAL.ink}" stroke-width="1.2"/>`);
    d.add(`<rect x="${x - 6}" y="${py - 124}" width="12" height="126" fill="#b39650" stroke="${PAL.ink}" stroke-width="1.2"/>`);
    d.add(`<circle cx="${x}" cy="${py - 130}" r="12" fill="#c9ad62" stroke="${PAL.ink}" stroke-width="1.2"/>`);
    d.add(`<rect x="${x - 3}" y="${py - 118}" width="3" height="116" fill="#e4d29a" opacity="0.6"/>`);
  }
  d.add(`<rect width="1920" height="1080" fill="url(#mhVignette)"/>`);
  paperGrain(d, { seed: 109, grain: 0.2, speckles: 500 });
  return d.toString();
}
