import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check } from './Check.tsx';

type Side = 'left' | 'right';

/** A short tone from one speaker: an oscillator through a stereo panner, with a soft start and end. */
function beep(context: AudioContext, side: Side): void {
  const at = context.currentTime;
  const tone = new OscillatorNode(context, { type: 'sine', frequency: side === 'left' ? 523.25 : 659.25 });
  const gain = new GainNode(context, { gain: 0 });
  const pan = new StereoPannerNode(context, { pan: side === 'left' ? -1 : 1 });
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.35, at + 0.02);
  gain.gain.setValueAtTime(0.35, at + 0.3);
  gain.gain.linearRampToValueAtTime(0, at + 0.4);
  tone.connect(gain).connect(pan).connect(context.destination);
  tone.start(at);
  tone.stop(at + 0.42);
  tone.onended = () => {
    tone.disconnect();
    gain.disconnect();
    pan.disconnect();
  };
}

export function SoundCheck() {
  const { t } = useTranslation();
  const context = useRef<AudioContext | null>(null);
  const [played, setPlayed] = useState<Side | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(
    () => () => {
      void context.current?.close();
      context.current = null;
    },
    [],
  );

  const play = (side: Side) => {
    try {
      context.current ??= new AudioContext();
      void context.current.resume();
      beep(context.current, side);
      setPlayed(side);
    } catch {
      setFailed(true);
    }
  };

  return (
    <Check title={t('selftest.sound.title')} status={failed ? 'problem' : played ? 'ok' : 'pending'}>
      <p className="selftest-detail">{failed ? t('selftest.sound.unavailable') : t('selftest.sound.hint')}</p>
      <div className="selftest-buttons">
        {(['left', 'right'] as const).map((side) => (
          <button key={side} type="button" className="selftest-button" aria-pressed={played === side} onClick={() => play(side)}>
            {t(`selftest.sound.${side}`)}
          </button>
        ))}
      </div>
    </Check>
  );
}
