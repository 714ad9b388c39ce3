import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { narrationFor } from '../../core/content/media-pick.ts';
import type { Narration as NarrationData } from '../../core/content/schema.ts';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { MEDIA_ATTRIBUTE } from './one-at-a-time.ts';
import { useMediaSource } from './useMediaSource.ts';

/**
 * "Listen": the recorded narration of a panel, slide, hotspot or tour stop, in the visitor's
 * language (when the language changes, the new language's recording plays from its start), with its transcript
 * shown on request. Nothing is shown where there is no recording the visitor can follow.
 * `onEnded` lets a guided tour go on when the narration ends, and `autoPlay` lets the next
 * stop's narration follow on when the visitor is listening through the tour.
 */
export function Narration({
  narration,
  onEnded,
  autoPlay = false,
}: {
  narration: NarrationData | undefined;
  onEnded?(): void;
  autoPlay?: boolean;
}) {
  const { t } = useTranslation();
  const { content, language } = useExhibit();
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [transcript, setTranscript] = useState(false);
  const track = narrationFor(narration, language);
  const src = track ? `${content.baseUrl}${track.src}` : undefined;
  // A narration playing when the language changes goes on in the new language, from its start.
  const carryOn = useRef(false);
  useMediaSource(
    audio,
    src,
    (el) => {
      if (autoPlay || carryOn.current) el.play().catch(() => setPlaying(false));
      carryOn.current = false;
    },
    (el) => {
      carryOn.current = !el.paused && !el.ended;
      setPlaying(false);
    },
  );
  // Listening through a tour: a card already open starts its narration when the listening does.
  useEffect(() => {
    const el = audio.current;
    if (autoPlay && el?.paused && el.currentTime === 0) el.play().catch(() => setPlaying(false));
  }, [autoPlay]);
  if (!narration || !src) return null;
  return (
    <div className="narration" data-narration={track?.language ?? 'none'}>
      <audio
        key={src}
        ref={audio}
        preload="none"
        {...{ [MEDIA_ATTRIBUTE]: '' }}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => {
          setPlaying(false);
          onEnded?.();
        }}
      />
      <button
        type="button"
        className="narration-button"
        aria-pressed={playing}
        onClick={() => (playing ? audio.current?.pause() : void audio.current?.play())}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
          {playing ? (
            <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" fill="currentColor" />
          ) : (
            <path
              d="M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          )}
        </svg>
        {playing ? t('narration.pause') : t('narration.listen')}
      </button>
      {narration.transcript && (
        <button type="button" className="narration-transcript-button" aria-expanded={transcript} onClick={() => setTranscript((v) => !v)}>
          {transcript ? t('narration.hideTranscript') : t('narration.transcript')}
        </button>
      )}
      {transcript && narration.transcript && <Text as="p" className="narration-transcript" map={narration.transcript} role="body" />}
    </div>
  );
}
