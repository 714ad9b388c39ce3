import { useTranslation } from 'react-i18next';
import { rightsLabel } from '../../core/content/rights.ts';
import type { Picture } from '../../core/content/schema.ts';
import { Text } from './Text.tsx';

/** The kind, credit and rights of a picture (or a film, with its own `kindLabel`): always shown with it. */
export function Credit({
  picture,
  className = 'credit',
  kindLabel,
}: {
  picture: Pick<Picture, 'credit' | 'rights' | 'date'> & ({ kind: Picture['kind'] } | { kind: string });
  className?: string;
  kindLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <p className={className}>
      <span className="credit-kind">{kindLabel ?? t(`picture.kind.${picture.kind as Picture['kind']}`)}</span>
      {picture.date && <span className="credit-date">{picture.date}</span>}
      <Text map={picture.credit} className="credit-text" />
      <span className="credit-rights">{rightsLabel(picture.rights)}</span>
    </p>
  );
}
