import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { More as MoreData } from '../../core/content/schema.ts';
import { Credit } from '../components/Credit.tsx';
import { RichText } from '../components/RichText.tsx';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

/** The "more" layer of a panel: closed, the label stays at label length; opened, the detail follows it in place. */
export function More({ more, panelId }: { more: MoreData; panelId: string }) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const [open, setOpen] = useState(false);
  const id = `more-${panelId}`;
  return (
    <div className="more" data-open={open}>
      <button type="button" className="more-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((v) => !v)}>
        {more.label && !open ? <Text map={more.label} role="heading" /> : open ? t('more.close') : t('more.open')}
        <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
          <path d={open ? 'M6 15l6-6 6 6' : 'M6 9l6 6 6-6'} fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
        </svg>
      </button>
      {open && (
        <div className="more-body" id={id}>
          <RichText className="rich-text" map={more.text} role="body" />
          {more.pictures?.map((picture) => (
            <figure key={picture.src} className="more-picture">
              <img src={`${content.baseUrl}${picture.src}`} alt="" draggable={false} />
              <Text as="span" className="visually-hidden" map={picture.alt} role="body" />
              <figcaption>
                {picture.caption && <Text as="p" className="caption" map={picture.caption} role="body" />}
                <Credit picture={picture} />
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </div>
  );
}
