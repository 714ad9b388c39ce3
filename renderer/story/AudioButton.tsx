import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Plays a slide's audio; tells the page it plays (idle pauses while it does). */
export function AudioButton({ src }: { src: string }) {
  const { t } = useTranslation();
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    const el = audio.current;
    return () => el?.pause();
  }, [src]);
  return (
    <>
      <audio
        ref={audio}
        src={src}
        preload="none"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        data-kiosk-media=""
      />
      <button
        type="button"
        className="audio-button"
        aria-pressed={playing}
        onClick={() => (playing ? audio.current?.pause() : void audio.current?.play())}
      >
        {playing ? t('story.pauseAudio') : t('story.playAudio')}
      </button>
    </>
  );
}
