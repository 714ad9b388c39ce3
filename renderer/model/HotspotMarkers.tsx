import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../core/content/lang.ts';
import type { Hotspot } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';
import type { HotspotAnchor } from './anchors.ts';

interface HotspotMarkersProps {
  anchors: HotspotAnchor[];
  hotspots: Hotspot[];
  highlighted: string | null;
  /** The scene moves each marker (translate, data-occluded) directly, on camera changes only. */
  markers: RefObject<Map<string, HTMLElement>>;
  onOpen(id: string): void;
  hidden: boolean;
}

/** Numbered markers over the model's parts, each named by its part in the visitor's language. */
export function HotspotMarkers({ anchors, hotspots, highlighted, markers, onOpen, hidden }: HotspotMarkersProps) {
  const { t } = useTranslation();
  const { content, language } = useExhibit();
  const fallback = content.exhibit.languages.default;
  return (
    <div className="model-markers" role="group" aria-label={t('model.hotspots')} hidden={hidden}>
      {anchors.map((anchor) => {
        const hotspot = hotspots.find((h) => h.id === anchor.id)!;
        return (
          <button
            key={anchor.id}
            ref={(el) => {
              if (!el) return;
              markers.current.set(anchor.id, el);
              return () => {
                if (markers.current.get(anchor.id) === el) markers.current.delete(anchor.id);
              };
            }}
            type="button"
            className="model-marker"
            data-hotspot={anchor.id}
            data-occluded="true"
            aria-label={pickText(hotspot.title, language, fallback)}
            aria-current={highlighted === anchor.id ? 'true' : undefined}
            onClick={() => onOpen(anchor.id)}
          >
            <span className="model-marker-leader" aria-hidden="true" />
            <span className="model-marker-number" aria-hidden="true">
              {anchor.number}
            </span>
          </button>
        );
      })}
    </div>
  );
}
