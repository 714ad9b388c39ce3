/** What the red-brick pictures share: the round tree and the 1950s brick block. */
import { Doc, PAL, Rng, n } from './lib.ts';

/** Deciduous tree: a tapering trunk with branches and a crown of leafy clumps. */
export function roundTree(
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

export interface BlockSpec {
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

export function brickDefs(d: Doc): void {
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
export function brickBlock(b: BlockSpec, r: Rng, fade = 0): string {
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
