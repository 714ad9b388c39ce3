/** A blank granite plaque beside a road, before a red-brick block. */
import { Doc, PAL, Rng, n, paperGrain } from './lib.ts';
import { brickBlock, brickDefs, roundTree } from './townscape.ts';

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
