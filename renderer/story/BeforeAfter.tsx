import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Picture } from '../../core/content/schema.ts';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

type Labelled = Picture & { label: NonNullable<Picture['caption']> };

/**
 * Two registered pictures and a slider between them (Jianxi phase I and phase II). A drag that
 * starts on the handle moves the split; a swipe anywhere else on the picture is the story's own
 * (next or previous slide). The range input is the slider for the keyboard and assistive
 * technology.
 */
export function BeforeAfter({ before, after }: { before: Labelled; after: Labelled }) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const [split, setSplit] = useState(50);
  const [dragging, setDragging] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const grip = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = grip.current;
    const box = frame.current;
    if (!el || !box) return;
    let pointer: number | null = null;
    const follow = (e: PointerEvent) => {
      const r = box.getBoundingClientRect();
      if (r.width > 0) setSplit(Math.round(Math.max(0, Math.min(100, ((e.clientX - r.left) / r.width) * 100))));
    };
    // Native listeners, stopped here: the story's swipe and pinch listen on an ancestor.
    const down = (e: PointerEvent) => {
      e.stopPropagation();
      if (pointer !== null) return;
      pointer = e.pointerId;
      el.setPointerCapture?.(e.pointerId);
      setDragging(true);
    };
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return;
      e.stopPropagation();
      follow(e);
    };
    const up = (e: PointerEvent) => {
      if (e.pointerId !== pointer) return;
      e.stopPropagation();
      pointer = null;
      setDragging(false);
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
  }, []);

  return (
    <div className="before-after" ref={frame} style={{ ['--split' as string]: `${split}%` }} data-dragging={dragging || undefined}>
      <img className="ba-before" src={`${content.baseUrl}${before.src}`} alt="" draggable={false} />
      <img className="ba-after" src={`${content.baseUrl}${after.src}`} alt="" draggable={false} />
      <Text className="ba-label ba-label-before" map={before.label} role="name" />
      <Text className="ba-label ba-label-after" map={after.label} role="name" />
      <div className="ba-handle" aria-hidden="true" />
      <input
        className="ba-range"
        type="range"
        min={0}
        max={100}
        step={1}
        value={split}
        aria-label={t('story.compare')}
        onChange={(e) => setSplit(Number(e.target.value))}
      />
      <div className="ba-grip" ref={grip} aria-hidden="true" data-testid="compare-handle" />
    </div>
  );
}
