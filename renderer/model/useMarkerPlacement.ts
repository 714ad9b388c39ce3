import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Matrix4, Raycaster, Vector3, type Intersection, type Mesh, type Object3D } from 'three';
import type { HotspotAnchor } from './anchors.ts';
import type { LoadedModel } from './load-model.ts';
import type { Band } from './scene-view.ts';
import { useLatest } from './useLatest.ts';
import { layoutMarkers, MARKER_SIZE, markerVisible, type MarkerPlace } from './view-math.ts';

const OCCLUSION_MS = 120;

/** The markers' side of the frame loop. */
export interface MarkerPlacement {
  /** The view changed: place the markers on the next frame. */
  dirty(): void;
  /** Place them again, occlusion included, on a frame drawn now. */
  refresh(): void;
  /** On every frame: where each anchor is on screen, whether the model hides it, and the markers laid out beside them. */
  place(now: number): void;
}

interface MarkerOptions {
  markers: RefObject<Map<string, HTMLElement>>;
  anchors: HotspotAnchor[];
  band: Band | null;
  interactive: boolean;
  model: LoadedModel | null;
}

/**
 * The numbered markers over the model: each stands beside the point it names, hidden where the
 * model hides that point (a ray test, at most every 120 ms), off screen or under a panel.
 * Written straight to the markers' elements (style and `data-occluded`), never through React.
 */
export function useMarkerPlacement({ markers, anchors, band, interactive, model }: MarkerOptions): MarkerPlacement {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const latestSize = useLatest(size);
  const latest = useLatest({ anchors, band, interactive, model });
  const modelMeshes = useMemo(() => {
    const meshes: Object3D[] = [];
    model?.scene.traverse((o) => {
      if ((o as Mesh).isMesh) meshes.push(o);
    });
    return meshes;
  }, [model]);
  const meshes = useLatest(modelMeshes);
  const state = useRef({ dirty: true, lastOcclusion: -Infinity, occlusionTimer: 0 });

  const placement = useMemo(() => {
    const s = state.current;
    const v = new Vector3();
    const lastView = { matrix: new Matrix4(), projection: new Matrix4(), width: 0, height: 0 };
    const markerState = new Map<string, { x: number; y: number; onScreen: boolean; visible: boolean }>();
    const places = { list: [] as (MarkerPlace & { el: HTMLElement })[], pool: [] as (MarkerPlace & { el: HTMLElement | null })[] };
    const raycaster = new Raycaster();
    const hits: Intersection[] = [];

    const writeMarkers = () => {
      const { width, height } = latestSize.current;
      const els = markers.current;
      const show = latest.current.interactive;
      const covered = latest.current.band?.covered ?? [];
      const shown = places.list;
      shown.length = 0;
      let index = 0;
      for (const anchor of latest.current.anchors) {
        const el = els.get(anchor.id);
        const m = markerState.get(anchor.id);
        if (!el || !m) continue;
        // The part it names lies under a panel: no marker.
        const under = covered.some((r) => m.x > r.left - 24 && m.x < r.right + 24 && m.y > r.top - 24 && m.y < r.bottom + 24);
        if (!(show && m.onScreen && m.visible && !under)) {
          if (el.dataset.occluded !== 'true') el.dataset.occluded = 'true';
          continue;
        }
        const place = (places.pool[index] ??= { anchorX: 0, anchorY: 0, x: 0, y: 0, el: null });
        index += 1;
        place.anchorX = m.x;
        place.anchorY = m.y;
        place.el = el;
        shown.push(place as MarkerPlace & { el: HTMLElement });
      }
      const bounds = latest.current.model?.bounds;
      let centerX = width / 2;
      let centerY = height / 2;
      if (bounds) {
        const p = bounds.getCenter(v).project(camera);
        centerX = ((p.x + 1) / 2) * width;
        centerY = ((1 - p.y) / 2) * height;
      }
      // A marker stands beside its anchor, so it is where it stands (not the anchor) that a panel
      // may cover: one laid out under a panel is not shown, and the rest are laid out again
      // without it (a few rounds at most; each round only takes markers away).
      const half = MARKER_SIZE / 2;
      const blocked = (p: MarkerPlace) =>
        covered.some((r) => p.x + half > r.left && p.x - half < r.right && p.y + half > r.top && p.y - half < r.bottom);
      for (let round = 0; round < 4; round += 1) {
        layoutMarkers(shown, { width, height, centerX, centerY });
        let kept = 0;
        for (const place of shown) {
          if (blocked(place)) {
            if (place.el.dataset.occluded !== 'true') place.el.dataset.occluded = 'true';
          } else {
            shown[kept] = place;
            kept += 1;
          }
        }
        if (kept === shown.length) break;
        shown.length = kept;
      }
      for (const { x, y, anchorX, anchorY, el } of shown) {
        if (el.dataset.occluded !== 'false') el.dataset.occluded = 'false';
        const dx = anchorX - x;
        const dy = anchorY - y;
        // The `translate` property, not `transform`: a press's `scale` (touch.css) is applied after
        // `translate`, so about the marker's own centre; with a `transform` it would scale the
        // placement too and pull the marker out from under the finger before the tap lands.
        el.style.translate = `${x.toFixed(1)}px ${y.toFixed(1)}px`;
        el.style.setProperty('--leader-length', `${Math.hypot(dx, dy).toFixed(1)}px`);
        el.style.setProperty('--leader-angle', `${Math.atan2(dy, dx).toFixed(3)}rad`);
        el.dataset.anchor = `${anchorX.toFixed(1)},${anchorY.toFixed(1)}`;
      }
      shown.length = 0;
    };

    const occlude = () => {
      s.lastOcclusion = performance.now();
      for (const anchor of latest.current.anchors) {
        const m = markerState.get(anchor.id);
        if (!m) continue;
        if (!m.onScreen) continue;
        const direction = v.subVectors(anchor.point, camera.position);
        const distance = direction.length();
        raycaster.set(camera.position, direction.normalize());
        raycaster.far = distance;
        hits.length = 0;
        raycaster.intersectObjects(meshes.current, false, hits);
        let own: number | null = null;
        let other: number | null = null;
        for (const hit of hits) {
          if (anchor.own.has(hit.object)) own ??= hit.distance;
          else other ??= hit.distance;
          if (own !== null && other !== null) break;
        }
        m.visible = markerVisible(own, other, distance, anchor.tolerance);
      }
    };

    return {
      dirty: () => {
        s.dirty = true;
      },
      refresh: () => {
        s.dirty = true;
        s.lastOcclusion = -Infinity;
        invalidate();
      },
      place: (now: number) => {
        const { width, height } = latestSize.current;
        camera.updateMatrixWorld();
        const same =
          lastView.matrix.equals(camera.matrixWorld) &&
          lastView.projection.equals(camera.projectionMatrix) &&
          lastView.width === width &&
          lastView.height === height;
        if (same && !s.dirty) return;
        s.dirty = false;
        lastView.matrix.copy(camera.matrixWorld);
        lastView.projection.copy(camera.projectionMatrix);
        lastView.width = width;
        lastView.height = height;
        for (const anchor of latest.current.anchors) {
          const p = v.copy(anchor.point).project(camera);
          const x = ((p.x + 1) / 2) * width;
          const y = ((1 - p.y) / 2) * height;
          const onScreen = p.z > -1 && p.z < 1 && x >= 24 && x <= width - 24 && y >= 24 && y <= height - 24;
          const m = markerState.get(anchor.id) ?? { x, y, onScreen, visible: true };
          m.x = x;
          m.y = y;
          m.onScreen = onScreen;
          markerState.set(anchor.id, m);
        }
        const since = now - s.lastOcclusion;
        if (since >= OCCLUSION_MS) {
          occlude();
        } else if (!s.occlusionTimer) {
          s.occlusionTimer = window.setTimeout(() => {
            s.occlusionTimer = 0;
            occlude();
            writeMarkers();
          }, OCCLUSION_MS - since);
        }
        writeMarkers();
      },
    };
  }, [camera, invalidate, markers, latest, latestSize, meshes]);

  // What is shown changed (the parts, the screen's mode, the panels): place the markers again.
  useEffect(() => {
    placement.dirty();
    invalidate();
  }, [anchors, interactive, band, placement, invalidate]);

  useEffect(() => {
    const s = state.current;
    return () => window.clearTimeout(s.occlusionTimer);
  }, []);

  return placement;
}
