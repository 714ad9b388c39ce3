import { useTranslation } from 'react-i18next';
import { rightsLabel } from '../../core/content/rights.ts';
import type { Picture } from '../../core/content/schema.ts';
import { Text } from './Text.tsx';

/** The kind, credit and rights of a picture: always shown with it. */
export function Credit({
  picture,
  className = 'credit',
}: {
  picture: Pick<Picture, 'credit' | 'rights' | 'kind' | 'date'>;
  className?: string;
}) {
  const { t } = useTranslation();
  return (
    <p className={className}>
      <span className="credit-kind">{t(`picture.kind.${picture.kind}`)}</span>
      {picture.date && <span className="credit-date">{picture.date}</span>}
      <Text map={picture.credit} className="credit-text" />
      <span className="credit-rights">{rightsLabel(picture.rights)}</span>
    </p>
  );
}
