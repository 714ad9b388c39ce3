import { useCallback, useEffect, useRef } from 'react';

/** Zoom limits of a story picture. */
export const MIN_SCALE = 1;
export const MAX_SCALE = 4;
const SWIPE_DISTANCE = 80;
const DOUBLE_TAP_MS = 320;
const TAP_SLOP = 24;

interface Gesture {
  onSwipe(direction: 1 | -1): void;
  /** Told whenever the picture leaves or returns to its resting scale. */
  onZoomChange?(zoomed: boolean): void;
  /** Changes when the element to zoom is another one (a film slide has none): the gestures move to it. */
  element?: string;
}

interface Point {
  x: number;
  y: number;
}

/**
 * One finger swipes between slides (or pans a zoomed picture), two fingers pinch-zoom and pan,
 * a double tap resets. The transform is written to the element directly (never through React
 * state), and `data-scale` tells tests and styles where it stands.
 */
export function usePinchZoom<T extends HTMLElement>({ onSwipe, onZoomChange, element }: Gesture) {
  const target = useRef<T | null>(null);
  const view = useRef({ scale: 1, x: 0, y: 0 });
  const pointers = useRef(new Map<number, Point>());
  const start = useRef<{ points: Point[]; scale: number; x: number; y: number } | null>(null);
  const down = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const lastTap = useRef<{ at: number; x: number; y: number } | null>(null);
  const callbacks = useRef({ onSwipe, onZoomChange });
  callbacks.current = { onSwipe, onZoomChange };

  const apply = useCallback(() => {
    const el = target.current;
    if (!el) return;
    const { scale, x, y } = view.current;
    const maxX = (el.clientWidth * (scale - 1)) / 2;
    const maxY = (el.clientHeight * (scale - 1)) / 2;
    view.current.x = Math.max(-maxX, Math.min(maxX, x));
    view.current.y = Math.max(-maxY, Math.min(maxY, y));
    el.style.transform = scale === 1 ? '' : `translate(${view.current.x}px, ${view.current.y}px) scale(${scale})`;
    const zoomed = scale > 1.001;
    if ((el.dataset.zoomed === 'true') !== zoomed) callbacks.current.onZoomChange?.(zoomed);
    el.dataset.scale = scale.toFixed(2);
    el.dataset.zoomed = String(zoomed);
  }, []);

  const reset = useCallback(() => {
    view.current = { scale: 1, x: 0, y: 0 };
    apply();
  }, [apply]);

  useEffect(() => {
    const el = target.current?.parentElement;
    if (!el) return;
    const begin = () => {
      const points = [...pointers.current.values()];
      start.current = { points, scale: view.current.scale, x: view.current.x, y: view.current.y };
    };
    const onDown = (e: PointerEvent) => {
      if ((e.target as Element | null)?.closest('button, input, a')) return;
      el.setPointerCapture?.(e.pointerId);
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pointers.current.size === 1) down.current = { x: e.clientX, y: e.clientY, moved: false };
      begin();
    };
    const onMove = (e: PointerEvent) => {
      if (!pointers.current.has(e.pointerId)) return;
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const s = start.current;
      if (!s) return;
      const points = [...pointers.current.values()];
      if (down.current && Math.hypot(e.clientX - down.current.x, e.clientY - down.current.y) > TAP_SLOP) down.current.moved = true;
      if (points.length >= 2 && s.points.length >= 2) {
        const [a, b] = points as [Point, Point];
        const [a0, b0] = s.points as [Point, Point];
        const ratio = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, Math.hypot(a0.x - b0.x, a0.y - b0.y));
        view.current.scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s.scale * ratio));
        view.current.x = s.x + (a.x + b.x - a0.x - b0.x) / 2;
        view.current.y = s.y + (a.y + b.y - a0.y - b0.y) / 2;
        apply();
      } else if (points.length === 1 && s.points.length === 1 && view.current.scale > 1) {
        view.current.x = s.x + points[0]!.x - s.points[0]!.x;
        view.current.y = s.y + points[0]!.y - s.points[0]!.y;
        apply();
      }
    };
    const onUp = (e: PointerEvent) => {
      const wasSingle = pointers.current.size === 1 && start.current?.points.length === 1;
      const first = start.current?.points[0];
      pointers.current.delete(e.pointerId);
      const tap = down.current;
      if (pointers.current.size === 0) {
        down.current = null;
        if (wasSingle && first && view.current.scale <= 1.001) {
          const dx = e.clientX - first.x;
          const dy = e.clientY - first.y;
          if (Math.abs(dx) > SWIPE_DISTANCE && Math.abs(dx) > Math.abs(dy) * 1.5) callbacks.current.onSwipe(dx < 0 ? 1 : -1);
        }
        if (tap && !tap.moved) {
          const now = e.timeStamp;
          const last = lastTap.current;
          if (last && now - last.at < DOUBLE_TAP_MS && Math.hypot(e.clientX - last.x, e.clientY - last.y) < TAP_SLOP * 2) {
            lastTap.current = null;
            reset();
          } else lastTap.current = { at: now, x: e.clientX, y: e.clientY };
        }
        start.current = null;
      } else begin();
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    };
  }, [apply, reset, element]);

  return { target, reset };
}
