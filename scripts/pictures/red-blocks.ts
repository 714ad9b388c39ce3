/** Red-brick residential blocks in the Soviet style, behind their trees. */
import { Doc, PAL, Rng, n, paperGrain } from './lib.ts';
import { brickBlock, brickDefs, roundTree } from './townscape.ts';

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
