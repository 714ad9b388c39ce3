import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { subtitlesFor } from '../../core/content/media-pick.ts';
import type { Video } from '../../core/content/schema.ts';
import { Credit } from '../components/Credit.tsx';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { MEDIA_ATTRIBUTE } from './one-at-a-time.ts';
import { useMediaSource } from './useMediaSource.ts';
import { formatTime, fractionAt } from './time.ts';

/** Seconds the "back" button goes back. */
export const BACK_SECONDS = 10;

function Icon({ name }: { name: 'play' | 'pause' | 'back' | 'subtitles' }) {
  const paths = {
    play: <path d="M8 5.5v13l11-6.5z" fill="currentColor" />,
    pause: <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />,
    back: (
      <path
        d="M12 5a7 7 0 1 1-7 7M12 5V2L7.5 5.5 12 9V5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    ),
    subtitles: (
      <path
        d="M3.5 6h17v12h-17zM7 11h4M13 11h4M7 14.5h6M15 14.5h2"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    ),
  };
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      {paths[name]}
    </svg>
  );
}

/** A cue's text as the browser parses WebVTT (`<i>`, `<b>`, voices), never as HTML of the package's making. */
function CueText({ cue }: { cue: VTTCue | null }) {
  const box = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.replaceChildren(...(cue ? [cue.getCueAsHTML()] : []));
  }, [cue]);
  return <span ref={box} className="video-cue-text" />;
}

/**
 * A film: its poster until a visitor plays it, big touch controls (play and pause, back ten
 * seconds, subtitles on and off, a bar to drag with a finger), and subtitles in the visitor's
 * language, drawn by the kiosk in its own type, large, switched with the language. It never
 * starts by itself; leaving the screen (or the visitor's session ending, which remounts it)
 * stops it and frees its decoder.
 */
export function VideoPlayer({ video, className = 'video', caption = true }: { video: Video; className?: string; caption?: boolean }) {
  const { t } = useTranslation();
  const { content, language } = useExhibit();
  const { baseUrl, exhibit } = content;
  const element = useRef<HTMLVideoElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const [started, setStarted] = useState(false);
  const [failed, setFailed] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [subtitlesOn, setSubtitlesOn] = useState(true);
  const [cue, setCue] = useState<VTTCue | null>(null);
  const subtitles = subtitlesFor(video, language, exhibit.languages.default);
  const shownLanguage = subtitlesOn ? subtitles?.language : undefined;

  useMediaSource(element, `${baseUrl}${video.src}`);

  // The one track in the visitor's language is read (hidden: the kiosk draws it); the others rest.
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const tracks = [...el.textTracks];
    const track = tracks.find((tr) => tr.language === shownLanguage) ?? null;
    for (const tr of tracks) tr.mode = tr === track ? 'hidden' : 'disabled';
    const show = () => setCue((track?.activeCues?.[0] as VTTCue | undefined) ?? null);
    show();
    track?.addEventListener('cuechange', show);
    const trackElement = [...el.querySelectorAll('track')].find((tr) => tr.srclang === shownLanguage);
    trackElement?.addEventListener('load', show);
    return () => {
      track?.removeEventListener('cuechange', show);
      trackElement?.removeEventListener('load', show);
    };
  }, [shownLanguage]);

  const play = useCallback(() => {
    const el = element.current;
    if (!el) return;
    setStarted(true);
    el.play().catch(() => setFailed(true));
  }, []);
  const toggle = () => (element.current?.paused ? play() : element.current?.pause());
  const back = () => {
    const el = element.current;
    if (el) el.currentTime = Math.max(0, el.currentTime - BACK_SECONDS);
  };
  const seekTo = (event: ReactPointerEvent) => {
    const el = element.current;
    const rect = bar.current?.getBoundingClientRect();
    if (!el || !rect || !Number.isFinite(el.duration)) return;
    const at = fractionAt(event.clientX, rect.left, rect.width) * el.duration;
    el.currentTime = at;
    setTime(at);
  };
  const progress = duration > 0 ? Math.min(1, time / duration) : 0;

  return (
    <figure className={`${className} video-player`} data-playing={playing} data-started={started} data-failed={failed}>
      <div className="video-frame">
        <video
          ref={element}
          poster={`${baseUrl}${video.poster}`}
          preload="metadata"
          playsInline
          crossOrigin="anonymous"
          {...{ [MEDIA_ATTRIBUTE]: '' }}
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onEnded={() => setPlaying(false)}
          onTimeUpdate={(e) => !dragging && setTime(e.currentTarget.currentTime)}
          onLoadedMetadata={(e) => setDuration(e.currentTarget.duration)}
          onDurationChange={(e) => setDuration(e.currentTarget.duration)}
          onError={() => setFailed(true)}
          onClick={toggle}
        >
          {Object.entries(video.subtitles ?? {}).map(([lang, src]) => (
            <track key={lang} kind="subtitles" srcLang={lang} src={`${baseUrl}${src}`} />
          ))}
        </video>
        {shownLanguage && cue && (
          <p className="video-cue" lang={shownLanguage} aria-live="off">
            <CueText cue={cue} />
          </p>
        )}
        {!playing && !failed && (
          <button type="button" className="video-big-play" aria-label={t('film.play')} onClick={play}>
            <Icon name="play" />
          </button>
        )}
        {failed && <p className="video-failed">{t('film.cannotPlay')}</p>}
      </div>
      <div className="video-controls">
        <button
          type="button"
          className="video-button video-toggle"
          aria-label={playing ? t('film.pause') : t('film.play')}
          onClick={toggle}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" className="video-button video-back" aria-label={t('film.back', { seconds: BACK_SECONDS })} onClick={back}>
          <Icon name="back" />
          <span className="video-back-seconds">{BACK_SECONDS}</span>
        </button>
        <div
          ref={bar}
          className="video-scrub"
          role="slider"
          tabIndex={0}
          aria-label={t('film.position')}
          aria-valuemin={0}
          aria-valuemax={Math.round(duration)}
          aria-valuenow={Math.round(time)}
          aria-valuetext={t('film.time', { time: formatTime(time), duration: formatTime(duration) })}
          data-dragging={dragging}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            setDragging(true);
            seekTo(e);
          }}
          onPointerMove={(e) => dragging && seekTo(e)}
          onPointerUp={() => setDragging(false)}
          onPointerCancel={() => setDragging(false)}
        >
          <div className="video-scrub-track">
            <div className="video-scrub-fill" style={{ width: `${progress * 100}%` }} />
            <div className="video-scrub-thumb" style={{ left: `${progress * 100}%` }} />
          </div>
        </div>
        <span className="video-time" aria-hidden="true">
          {formatTime(time)} / {formatTime(duration)}
        </span>
        {subtitles && (
          <button
            type="button"
            className="video-button video-subtitles"
            aria-pressed={subtitlesOn}
            aria-label={t('film.subtitles')}
            onClick={() => setSubtitlesOn((on) => !on)}
          >
            <Icon name="subtitles" />
          </button>
        )}
      </div>
      <Text as="span" className="visually-hidden" map={video.description} role="body" />
      <figcaption>
        {caption && video.caption && <Text as="p" className="caption" map={video.caption} role="body" />}
        <Credit picture={video} kindLabel={t(`film.kind.${video.kind}`)} />
      </figcaption>
    </figure>
  );
}
