import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check } from './Check.tsx';

/** Frames drawn per second, averaged over each second, measured only while the self-test is open. */
export function FrameRate() {
  const { t } = useTranslation();
  const [fps, setFps] = useState<number | null>(null);

  useEffect(() => {
    let frame = 0;
    let frames = 0;
    let since = performance.now();
    const count = (now: number) => {
      frames += 1;
      if (now - since >= 1000) {
        setFps(Math.round((frames * 1000) / (now - since)));
        frames = 0;
        since = now;
      }
      frame = requestAnimationFrame(count);
    };
    frame = requestAnimationFrame(count);
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <Check title={t('selftest.frameRate.title')} status={fps === null ? 'pending' : fps >= 30 ? 'ok' : 'problem'}>
      <p className="selftest-value" aria-live="off">
        {fps === null ? t('selftest.measuring') : t('selftest.frameRate.value', { fps })}
      </p>
    </Check>
  );
}
