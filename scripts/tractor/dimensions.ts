/** Main dimensions of the DT-54 model, metres (+Y up, ground y = 0, front +Z, centred on x = 0). */

/** Overall 3,660 × 1,865 × 2,300 mm; gauge 1,435 mm; ground clearance 260 mm (tractor sheet). */
export const LENGTH = 3.66;
export const WIDTH = 1.865;
export const HEIGHT = 2.3;
export const GAUGE = 1.435;
export const CLEARANCE = 0.26;

/** Track centre line, x. */
export const TX = GAUGE / 2;
/** Shoe width (about 390 mm is often quoted; unconfirmed). */
export const SHOE_W = 0.39;
export const PLATE_T = 0.025;
export const GROUSER_H = 0.04;
/** Height of the shoes' inner face on the ground run. */
export const RUN_Y = PLATE_T + GROUSER_H + 0.003;
export const PITCH = 0.17;

/** Height of the link rails the wheels roll on. */
export const RAIL_H = 0.045;
/** Rails (and the double road wheels on them) either side of the track centre. */
export const RAIL_X = 0.115;
export const ROAD_R = 0.15;
export const ROAD_Y = RUN_Y + RAIL_H + ROAD_R;
/** Road wheel centres, z: two balancer carriages of two wheels. */
export const ROAD_Z = [-0.68, -0.32, 0.34, 0.7] as const;

export const IDLER = { z: 1.14, y: 0.4, r: 0.27 };
export const SPROCKET = { z: -1.1, y: 0.5 };
export const SPROCKET_TEETH = 11;

export const FRAME_Y0 = 0.45;
export const FRAME_Y1 = 0.55;

export const CAB = { x: 0.64, z0: -1.3, z1: -0.3, floor: 0.95, top: 2.2 };
export const FENDER_Y = 0.95;
export const HOOD = { x: 0.35, y0: 0.86, y1: 1.5, z0: -0.3, z1: 1.48 };
export const RADIATOR = { x: 0.4, y0: 0.45, y1: 1.58, z0: 1.48, z1: 1.66 };
