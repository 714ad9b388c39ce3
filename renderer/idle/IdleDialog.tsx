import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Are you still there?": a countdown in the visitor's language; a tap anywhere continues. */
export function IdleDialog({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-countdown">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-countdown" className="idle-countdown">
          {t('idle.countdown', { seconds })}
        </p>
        <div className="idle-ring" aria-hidden="true">
          {seconds}
        </div>
        <button ref={button} type="button" className="idle-continue">
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
