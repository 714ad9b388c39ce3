import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Credit } from '../components/Credit.tsx';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { Narration } from '../media/Narration.tsx';
import { VideoPlayer } from '../media/VideoPlayer.tsx';
import { BeforeAfter } from '../story/BeforeAfter.tsx';
import { usePinchZoom } from '../story/usePinchZoom.ts';

function Arrow({ direction }: { direction: 1 | -1 }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path
        d={direction === 1 ? 'M9 5l7 7-7 7' : 'M15 5l-7 7 7 7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A photo story: full-screen slides, swipe or arrows, dots, pinch-zoom, before/after, credits always visible. */
export function StoryScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const { session, dispatch } = useSession();
  const story = content.exhibit.stories.find((s) => s.id === id);
  const total = story?.slides.length ?? 0;
  const index = Math.min(session.slides[id] ?? 0, Math.max(0, total - 1));
  const [zoomed, setZoomed] = useState(false);
  const go = useCallback(
    (to: number) => {
      if (to >= 0 && to < total) dispatch({ type: 'slide', story: id, index: to });
    },
    [dispatch, id, total],
  );
  const slide = story?.slides[index];
  const { target, reset } = usePinchZoom<HTMLDivElement>({
    onSwipe: (d) => go(index + d),
    onZoomChange: setZoomed,
    element: slide?.video ? 'film' : 'picture',
  });
  if (!story || !slide) return null;
  const shown = slide.video ?? slide.picture;
  const move = (to: number) => {
    reset();
    go(to);
  };
  return (
    <main className="story-screen" data-story={story.id} data-slide={slide.id}>
      {slide.video ? (
        // A film is not pinched or swiped: its bar is dragged with a finger.
        <div className="story-stage story-stage-film">
          <VideoPlayer key={slide.id} video={slide.video} className="story-video" caption={false} />
        </div>
      ) : (
        <div className="story-stage" data-gesture="story">
          <div className={zoomed ? 'story-zoom zoomed' : 'story-zoom'} ref={target} data-scale="1.00" data-zoomed="false">
            {slide.compare ? (
              <BeforeAfter key={slide.id} before={slide.compare.before} after={slide.compare.after} />
            ) : (
              slide.picture && (
                <div className="ken-burns" key={slide.id}>
                  <img className="story-picture" src={`${content.baseUrl}${slide.picture.src}`} alt="" draggable={false} />
                </div>
              )
            )}
          </div>
        </div>
      )}
      <aside className="story-text">
        <div className="story-body" data-scroll="story" tabIndex={0}>
          <Text as="p" className="story-title" map={story.title} role="heading" />
          <p className="story-position" aria-live="polite">
            {t('story.position', { n: index + 1, total })}
          </p>
          {slide.title && <Text as="h1" className="slide-title" map={slide.title} role="heading" />}
          {slide.picture && <Text as="p" className="visually-hidden" map={slide.picture.alt} role="body" />}
          {shown?.caption && <Text as="p" className="slide-caption" map={shown.caption} role="body" />}
          {slide.compare && <p className="slide-hint">{t('story.compare')}</p>}
          {!slide.compare && slide.picture && <p className="slide-hint">{t('story.zoomHint')}</p>}
          <Narration key={slide.id} narration={slide.narration} />
        </div>
        {/* Pinned under the text however long it runs: the credit, then the way on. In landscape the
            arrows stand at the picture's sides; in portrait they flank the dots, within reach. A
            film's credit is under the film itself. */}
        {slide.picture && <Credit picture={slide.picture} className="credit slide-credit" />}
        <nav className="story-nav" aria-label={t('home.stories')}>
          <button
            type="button"
            className="story-arrow previous"
            aria-label={t('story.previous')}
            disabled={index === 0}
            onClick={() => move(index - 1)}
          >
            <Arrow direction={-1} />
          </button>
          <div className="story-dots">
            {story.slides.map((s, i) => (
              <button
                key={s.id}
                type="button"
                className="dot"
                aria-label={t('story.goTo', { n: i + 1 })}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => move(i)}
              >
                <span />
              </button>
            ))}
          </div>
          <button
            type="button"
            className="story-arrow next"
            aria-label={t('story.next')}
            disabled={index === total - 1}
            onClick={() => move(index + 1)}
          >
            <Arrow direction={1} />
          </button>
        </nav>
      </aside>
    </main>
  );
}
