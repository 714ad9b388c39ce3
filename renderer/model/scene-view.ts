import { Vector3 } from 'three';
import type { Pose } from './view-math.ts';

type Vec3 = readonly [number, number, number];

/** A camera pose as a package writes it. */
export interface CameraPose {
  position: Vec3;
  target: Vec3;
}

/** The clear area of the view (pixels from its top left) that the model is framed in, and the panels over it. */
export interface Band {
  top: number;
  bottom: number;
  /** Left of a card beside the model (landscape); the view's width when there is none. */
  left: number;
  right: number;
  /** Panels (livery, actions, card) in view pixels: a marker under one is not shown. */
  covered: { left: number; top: number; right: number; bottom: number }[];
}

/** What the viewer's interface asks of the 3D view. */
export interface ViewController {
  /** Flies (or, with reduced motion or `instant`, jumps) to a pose, within the view limits. */
  flyTo(pose: CameraPose, instant?: boolean): void;
  /** Flies to a pose that looks at a hotspot's part. */
  flyToAnchor(id: string, instant?: boolean): void;
  /** Back to the package's opening view. */
  home(instant?: boolean): void;
  /** Places the markers again (after they mount or change). */
  refresh(): void;
}

export function toPose(pose: CameraPose): Pose {
  return { position: new Vector3(...pose.position), target: new Vector3(...pose.target) };
}

/** Whether the band leaves enough of the view to frame the model in (a quarter each way). */
export function usableBand(band: Band | null, width: number, height: number): band is Band {
  return band !== null && band.bottom - band.top > height / 4 && band.right - band.left > width / 4;
}
