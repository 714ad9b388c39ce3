import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../core/content/lang.ts';
import type { AttractItem, Language } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';

const INVITATION_MS = 2600;

/**
 * The attract loop: the package's playlist, each item for its own time, under an invitation
 * that cycles through the languages. A tap anywhere opens what the item shows, for a new visitor.
 */
export function AttractLoop({ onWake, onItem }: { onWake(item: AttractItem): void; onItem?(item: AttractItem): void }) {
  const { i18n } = useTranslation();
  const { content } = useExhibit();
  const { exhibit, baseUrl, languages } = content;
  const playlist = exhibit.attract.playlist;
  const [index, setIndex] = useState(0);
  const [invite, setInvite] = useState(0);
  const item = playlist[index % playlist.length]!;
  const fallback = exhibit.languages.default;

  useEffect(() => onItem?.(item), [item, onItem]);

  useEffect(() => {
    const timer = setTimeout(() => setIndex((i) => (i + 1) % playlist.length), item.duration * 1000);
    return () => clearTimeout(timer);
  }, [index, item.duration, playlist.length]);

  useEffect(() => {
    const timer = setInterval(() => setInvite((i) => (i + 1) % languages.length), INVITATION_MS);
    return () => clearInterval(timer);
  }, [languages.length]);

  const text = (map: Parameters<typeof pickText>[0], lang: Language) => pickText(map, lang, fallback);
  const inviteLanguage = languages[invite % languages.length] ?? fallback;
  // A model item shows the 3D stage's slow turntable through a clear backdrop.
  const picture = item.type !== 'model' && item.picture ? `${baseUrl}${item.picture}` : undefined;

  return (
    <div
      className={item.type === 'model' ? 'attract attract-over-model' : 'attract'}
      data-attract-item={item.id}
      role="button"
      tabIndex={0}
      aria-label={languages.map((l) => i18n.getFixedT(l)('attract.touch')).join(' · ')}
      onPointerDown={(e) => {
        e.preventDefault();
        onWake(item);
      }}
      onKeyDown={() => onWake(item)}
    >
      {picture && (
        <div className="attract-picture" key={item.id}>
          <img src={picture} alt="" draggable={false} />
        </div>
      )}
      <div className={`attract-card attract-${item.type}`} key={`card-${item.id}`}>
        {item.type === 'quote' && item.quote ? (
          <figure className="attract-quote">
            {languages.map((l) => (
              <blockquote key={l} lang={l} className={l === fallback ? 'main' : ''}>
                {text(item.quote, l)}
              </blockquote>
            ))}
            {item.attribution && <figcaption lang={fallback}>{text(item.attribution, fallback)}</figcaption>}
          </figure>
        ) : (
          <div className="attract-titles">
            {languages.map((l) => (
              <p key={l} lang={l} className={l === fallback ? 'attract-title main' : 'attract-title'}>
                {text(exhibit.title, l)}
              </p>
            ))}
          </div>
        )}
      </div>
      <p className="attract-invitation" lang={inviteLanguage} key={`invite-${invite}`} aria-hidden="true">
        <span className="attract-hand">☝</span> {i18n.getFixedT(inviteLanguage)('attract.touch')}
      </p>
      <p className="attract-all" aria-hidden="true">
        {languages.map((l) => i18n.getFixedT(l)('attract.touch')).join(' · ')}
      </p>
    </div>
  );
}
