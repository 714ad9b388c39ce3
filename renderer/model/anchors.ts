import { Box3, Vector3, type Mesh, type Object3D } from 'three';
import type { Hotspot } from '../../core/content/schema.ts';
import { findNode } from './load-model.ts';

/** Where a hotspot's marker stands in the model, and what counts as the part itself. */
export interface HotspotAnchor {
  id: string;
  /** 1-based, in package order: the number on the marker. */
  number: number;
  point: Vector3;
  /** The part's meshes: a line of sight that meets them first sees the part. */
  own: Set<Object3D>;
  /** How far in front of the point another part may be and still not hide it (the part's thickness). */
  tolerance: number;
  /** Half the diagonal of the part's bounds: how much there is to show when the camera flies to it. */
  radius: number;
}

const box = new Box3();
const size = new Vector3();

/**
 * The anchors of a package's hotspots on a loaded model: an explicit `position`, else the
 * centre of the named node's bounds. A hotspot whose node the model lacks gets no marker.
 */
export function hotspotAnchors(root: Object3D, hotspots: readonly Hotspot[]): HotspotAnchor[] {
  root.updateMatrixWorld(true);
  const anchors: HotspotAnchor[] = [];
  hotspots.forEach((hotspot, index) => {
    const node = hotspot.node !== undefined ? findNode(root, hotspot.node) : undefined;
    const own = new Set<Object3D>();
    node?.traverse((o) => {
      if ((o as Mesh).isMesh) own.add(o);
    });
    let point: Vector3 | undefined;
    let tolerance = 0.1;
    let radius = 0.3;
    if (hotspot.position) point = new Vector3(...hotspot.position);
    if (node) {
      box.setFromObject(node);
      if (!box.isEmpty()) {
        point ??= box.getCenter(new Vector3());
        box.getSize(size);
        tolerance = Math.max(0.1, Math.min(size.x, size.y, size.z) / 2 + 0.1);
        radius = size.length() / 2;
      }
    }
    if (!point) {
      console.warn(`Hotspot "${hotspot.id}": the model has no node "${hotspot.node ?? ''}"; no marker shown.`);
      return;
    }
    anchors.push({ id: hotspot.id, number: index + 1, point, own, tolerance, radius });
  });
  return anchors;
}
