import { useEffect, useRef, useState } from 'react';
import { useMediaSource } from '../media/useMediaSource.ts';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../core/content/lang.ts';
import type { AttractItem, LangMap, Language } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';
import { renderPieces } from '../typography/render-pieces.tsx';
import { prepareText, type TextRole } from '../../core/content/typesetting.ts';

const INVITATION_MS = 2600;

/**
 * The attract loop: the package's playlist, full-bleed, each item for its own time with its
 * question in every language, above an invitation on a band of its own that cycles through the
 * languages (from the first, on each item). A tap anywhere opens what the item shows, for a new
 * visitor.
 */
export function AttractLoop({ onWake, onItem }: { onWake(item: AttractItem): void; onItem?(item: AttractItem): void }) {
  const { i18n } = useTranslation();
  const { content } = useExhibit();
  const { exhibit, baseUrl, languages } = content;
  const playlist = exhibit.attract.playlist;
  const [index, setIndex] = useState(0);
  const [invitation, setInvitation] = useState({ item: 0, n: 0 });
  const item = playlist[index % playlist.length]!;
  const fallback = exhibit.languages.default;

  useEffect(() => onItem?.(item), [item, onItem]);

  useEffect(() => {
    const timer = setTimeout(() => setIndex((i) => (i + 1) % playlist.length), item.duration * 1000);
    return () => clearTimeout(timer);
  }, [index, item.duration, playlist.length]);

  useEffect(() => {
    const timer = setInterval(
      () => setInvitation((v) => ({ item: index, n: ((v.item === index ? v.n : 0) + 1) % languages.length })),
      INVITATION_MS,
    );
    return () => clearInterval(timer);
  }, [index, languages.length]);
  const invite = invitation.item === index ? invitation.n : 0;

  const text = (map: Parameters<typeof pickText>[0], lang: Language, role: TextRole) =>
    renderPieces(prepareText(pickText(map, lang, fallback), lang, role));
  const ordered = [fallback, ...languages.filter((l) => l !== fallback)];
  const inviteLanguage = ordered[invite % ordered.length] ?? fallback;
  const touch = ordered.map((l) => i18n.getFixedT(l)('attract.touch'));
  const shown = shownOf(item);
  const picture = shown.picture ? `${baseUrl}${shown.picture}` : undefined;
  const prompt = item.prompt ?? (shown.quote ? undefined : exhibit.title);

  return (
    <div
      className={`attract attract-${item.type}`}
      data-attract-item={item.id}
      role="button"
      tabIndex={0}
      aria-label={touch.join(' · ')}
      onPointerDown={(e) => {
        e.preventDefault();
        onWake(item);
      }}
      onKeyDown={() => onWake(item)}
    >
      {shown.video ? (
        <AttractFilm key={item.id} src={`${baseUrl}${shown.video}`} still={picture} />
      ) : (
        picture && (
          <div className="attract-picture" key={item.id}>
            <img src={picture} alt="" draggable={false} />
          </div>
        )
      )}
      <div className="attract-prompt" key={`prompt-${item.id}`}>
        {shown.quote && (
          <figure className="attract-quote">
            <blockquote lang={fallback}>{text(shown.quote, fallback, 'heading')}</blockquote>
            {shown.attribution && <figcaption lang={fallback}>{text(shown.attribution, fallback, 'name')}</figcaption>}
          </figure>
        )}
        {prompt &&
          ordered.map((l) => (
            <p key={l} lang={l} className={l === fallback ? 'attract-question main' : 'attract-question'}>
              {text(prompt, l, 'heading')}
            </p>
          ))}
      </div>
      <div className="attract-band" aria-hidden="true">
        <p className="attract-invitation" lang={inviteLanguage} key={`invite-${index}-${invite}`}>
          <span className="attract-hand">☝</span> {i18n.getFixedT(inviteLanguage)('attract.touch')}
        </p>
        <p className="attract-all">{touch.join(' · ')}</p>
      </div>
    </div>
  );
}

/**
 * A video item: muted, looping, never a visitor's film (the idle clock does not wait for it);
 * its still stays where the film cannot play.
 */
function AttractFilm({ src, still }: { src: string; still: string | undefined }) {
  const [failed, setFailed] = useState(false);
  const element = useRef<HTMLVideoElement>(null);
  useMediaSource(element, src, (el) => void el.play().catch(() => undefined));
  return (
    <div className="attract-picture attract-film" data-failed={failed}>
      {failed ? (
        still && <img src={still} alt="" draggable={false} />
      ) : (
        <video ref={element} poster={still} muted loop autoPlay playsInline preload="auto" onError={() => setFailed(true)} />
      )}
    </div>
  );
}

/** What an item of each kind puts on screen; a new kind of item does not compile until it is named here. */
function shownOf(item: AttractItem): { picture?: string; video?: string; quote?: LangMap; attribution?: LangMap } {
  switch (item.type) {
    case 'model':
      // The 3D stage's slow turntable shows through a clear backdrop.
      return {};
    case 'picture':
    case 'title':
      return { picture: item.picture };
    case 'quote':
      return { picture: item.picture, quote: item.quote, attribution: item.attribution };
    case 'video':
      return { picture: item.picture, video: item.video };
  }
}
