/** A museum hall with the silhouette of a tractor. */
import { Doc, PAL, type Pt, n, polyD, paperGrain, lerp } from './lib.ts';
import { tractor } from './tractor.ts';

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
