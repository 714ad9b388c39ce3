import { useTranslation } from 'react-i18next';
import type { Model } from '../../core/content/schema.ts';
import { Text } from '../components/Text.tsx';

interface LiveryToggleProps {
  liveries: Model['liveries'];
  current: string | null;
  onChange(id: string): void;
}

/** The same machine in its two paints, with one line on why they are the same machine. */
export function LiveryToggle({ liveries, current, onChange }: LiveryToggleProps) {
  const { t } = useTranslation();
  const note = liveries.find((l) => l.id === current)?.note;
  return (
    <div className="model-livery">
      <p className="model-livery-label" id="model-livery-label">
        {t('model.livery')}
      </p>
      <div className="model-livery-buttons" role="group" aria-labelledby="model-livery-label">
        {liveries.map((livery) => (
          <button
            key={livery.id}
            type="button"
            className="model-livery-button"
            data-livery={livery.variant}
            aria-pressed={livery.id === current}
            onClick={() => onChange(livery.id)}
          >
            <Text map={livery.label} />
          </button>
        ))}
      </div>
      {note && <Text as="p" className="model-livery-note" map={note} />}
    </div>
  );
}
