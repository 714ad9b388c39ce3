import { useEffect, useId, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Finger {
  /** The order in which this finger came down in the current gesture, from 1. */
  n: number;
  x: number;
  y: number;
  trail: number[];
}

const COLOURS = ['#b3261e', '#2b2622', '#8e1c16', '#574c42'];
const MAX_TRAIL = 600;

/**
 * A grid that draws every finger on it, with its trail, and counts the fingers down now, the
 * most at once and the touches in all. Positions live in refs and are drawn on a canvas once
 * per frame while fingers move; only the counts are React state.
 */
export function TouchGrid() {
  const { t } = useTranslation();
  const id = useId();
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const fingers = useRef(new Map<number, Finger>());
  const trails = useRef<Finger[]>([]);
  const frame = useRef(0);
  const [counts, setCounts] = useState({ now: 0, max: 0, total: 0 });

  const draw = () => {
    frame.current = 0;
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const scale = window.devicePixelRatio || 1;
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const f of trails.current) {
      const colour = COLOURS[(f.n - 1) % COLOURS.length]!;
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.55;
      ctx.lineWidth = 6;
      ctx.beginPath();
      for (let i = 0; i < f.trail.length; i += 2) {
        if (i === 0) ctx.moveTo(f.trail[i]!, f.trail[i + 1]!);
        else ctx.lineTo(f.trail[i]!, f.trail[i + 1]!);
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    for (const f of fingers.current.values()) {
      const colour = COLOURS[(f.n - 1) % COLOURS.length]!;
      ctx.fillStyle = 'rgb(248 242 228 / 0.85)';
      ctx.strokeStyle = colour;
      ctx.lineWidth = 8;
      ctx.beginPath();
      ctx.arc(f.x, f.y, 52, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = colour;
      ctx.font = '700 40px "Noto Sans SC Variable", sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(f.n), f.x, f.y + 2);
    }
  };

  const redraw = () => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  };

  useEffect(() => {
    const c = canvas.current;
    const el = area.current;
    if (!c || !el) return undefined;
    const fit = () => {
      const scale = window.devicePixelRatio || 1;
      c.width = Math.round(el.clientWidth * scale);
      c.height = Math.round(el.clientHeight * scale);
      draw();
    };
    fit();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(fit);
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, []);

  const at = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const down = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    if (fingers.current.size === 0) trails.current = [];
    const { x, y } = at(e);
    const finger: Finger = { n: fingers.current.size + 1, x, y, trail: [x, y] };
    fingers.current.set(e.pointerId, finger);
    trails.current.push(finger);
    const now = fingers.current.size;
    setCounts((c) => ({ now, max: Math.max(c.max, now), total: c.total + 1 }));
    redraw();
  };

  const move = (e: PointerEvent<HTMLDivElement>) => {
    const finger = fingers.current.get(e.pointerId);
    if (!finger) return;
    const { x, y } = at(e);
    finger.x = x;
    finger.y = y;
    if (finger.trail.length < MAX_TRAIL) finger.trail.push(x, y);
    redraw();
  };

  const up = (e: PointerEvent<HTMLDivElement>) => {
    if (!fingers.current.delete(e.pointerId)) return;
    const now = fingers.current.size;
    setCounts((c) => ({ ...c, now }));
    redraw();
  };

  return (
    <section className="selftest-touch" aria-labelledby={id}>
      <div className="selftest-touch-head">
        <h2 id={id}>{t('selftest.touch.title')}</h2>
        <p className="selftest-counts" aria-live="polite">
          <span>{t('selftest.touch.now', { n: counts.now })}</span>
          <span>{t('selftest.touch.max', { n: counts.max })}</span>
          <span>{t('selftest.touch.total', { n: counts.total })}</span>
        </p>
      </div>
      <div ref={area} className="selftest-touch-area" onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
        <canvas ref={canvas} aria-hidden="true" />
        {counts.total === 0 && <p className="selftest-touch-hint">{t('selftest.touch.hint')}</p>}
      </div>
    </section>
  );
}
