import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Picture } from '../../core/content/schema.ts';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

type Labelled = Picture & { label: NonNullable<Picture['caption']> };

/** Two registered pictures and a slider between them (Jianxi phase I and phase II). */
export function BeforeAfter({ before, after }: { before: Labelled; after: Labelled }) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const [split, setSplit] = useState(50);
  return (
    <div className="before-after" style={{ ['--split' as string]: `${split}%` }}>
      <img className="ba-before" src={`${content.baseUrl}${before.src}`} alt="" draggable={false} />
      <img className="ba-after" src={`${content.baseUrl}${after.src}`} alt="" draggable={false} />
      <Text className="ba-label ba-label-before" map={before.label} />
      <Text className="ba-label ba-label-after" map={after.label} />
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
    </div>
  );
}
