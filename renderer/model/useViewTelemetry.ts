import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Vector3 } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { LoadedModel } from './load-model.ts';
import { useLatest } from './useLatest.ts';
import { describePose } from './view-math.ts';

const PUBLISH_MS = 200;

/** Writes the view's state to the viewer's element; `soon` at most every 200 ms, `now` at once. */
export interface ViewTelemetry {
  soon(): void;
  now(): void;
  /** Counts a drawn frame. */
  countFrame(): void;
}

/**
 * The view's state as data attributes on the viewer's element (camera, frames drawn, GPU
 * resources, pixel ratio, materials, the model's box on screen), read by the end-to-end tests
 * and the benchmark.
 */
export function useViewTelemetry(
  view: RefObject<HTMLElement | null>,
  controls: RefObject<OrbitControls | null>,
  model: LoadedModel | null,
): ViewTelemetry {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const size = useLatest(useThree((s) => s.size));
  const latestModel = useLatest(model);
  const state = useRef({ timer: 0, frames: 0 });
  const corner = useMemo(() => new Vector3(), []);

  const telemetry = useMemo(() => {
    const s = state.current;
    const flush = () => {
      s.timer = 0;
      const el = view.current;
      const c = controls.current;
      if (!el || !c) return;
      const d = describePose({ position: camera.position, target: c.target });
      el.dataset.cameraDistance = d.distance.toFixed(3);
      el.dataset.cameraPolar = d.polar.toFixed(2);
      el.dataset.cameraAzimuth = d.azimuth.toFixed(2);
      el.dataset.targetY = c.target.y.toFixed(3);
      el.dataset.frames = String(s.frames);
      el.dataset.geometries = String(gl.info.memory.geometries);
      el.dataset.textures = String(gl.info.memory.textures);
      el.dataset.pixelRatio = String(gl.getPixelRatio());
      el.dataset.materials = latestModel.current?.materialNames().join(',') ?? '';
      const bounds = latestModel.current?.bounds;
      if (bounds) {
        camera.updateMatrixWorld();
        let left = Infinity;
        let top = Infinity;
        let right = -Infinity;
        let bottom = -Infinity;
        for (let i = 0; i < 8; i += 1) {
          corner
            .set(i & 1 ? bounds.max.x : bounds.min.x, i & 2 ? bounds.max.y : bounds.min.y, i & 4 ? bounds.max.z : bounds.min.z)
            .project(camera);
          const x = ((corner.x + 1) / 2) * size.current.width;
          const y = ((1 - corner.y) / 2) * size.current.height;
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
        el.dataset.modelBox = [left, top, right, bottom].map((n) => n.toFixed(1)).join(',');
      }
    };
    return {
      soon: () => {
        if (!s.timer) s.timer = window.setTimeout(flush, PUBLISH_MS);
      },
      now: () => {
        window.clearTimeout(s.timer);
        flush();
      },
      countFrame: () => {
        s.frames += 1;
      },
    };
  }, [camera, gl, view, controls, size, latestModel, corner]);

  useEffect(() => {
    const s = state.current;
    return () => window.clearTimeout(s.timer);
  }, []);

  return telemetry;
}
