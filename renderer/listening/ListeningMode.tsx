import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pauseOthers } from '../media/one-at-a-time.ts';
import { useSession } from '../session/SessionContext.tsx';
import { describe, type SpokenPart } from './describe.ts';
import { hush, say } from './speech.ts';
import { useThreeFingerHold } from './useThreeFingerHold.ts';
import './listening.css';

/** Two taps on the same thing within this many milliseconds activate it. */
export const DOUBLE_TAP_MS = 450;
/** The attribute that outlines what is being spoken of. */
const SPOKEN_ATTRIBUTE = 'data-spoken';

/**
 * Listening mode, for visitors who cannot read the screen: turned on by its button in the bar
 * or by holding three fingers anywhere. Then a touch says what is under the finger (the
 * package's recording where the text has one, else the system's voice for its language) and
 * outlines it; a double tap activates it. It ends with the visitor's session.
 */
export function ListeningMode() {
  const { t, i18n } = useTranslation();
  const { session, dispatch } = useSession();
  const on = session.listening;
  const language = session.language;
  const [caption, setCaption] = useState<SpokenPart[]>([]);
  const last = useRef<{ element: Element; at: number } | null>(null);
  const passing = useRef(false);

  const speak = (parts: SpokenPart[]) => {
    setCaption(parts);
    pauseOthers(null);
    say(parts);
  };

  useThreeFingerHold(() => {
    dispatch({ type: 'listening', on: !on });
  });

  // Turned on or off (or the session ending): say so, or fall silent.
  const wasOn = useRef(on);
  useEffect(() => {
    if (wasOn.current === on) return;
    wasOn.current = on;
    if (on) speak([{ text: t('listening.started'), language }]);
    else {
      hush();
      setCaption([]);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the mode speaks
  }, [on]);
  useEffect(() => () => hush(), [session.id]);

  useEffect(() => {
    if (!on) return;
    const unmark = () => document.querySelectorAll(`[${SPOKEN_ATTRIBUTE}]`).forEach((el) => el.removeAttribute(SPOKEN_ATTRIBUTE));
    const onClick = (event: MouseEvent) => {
      if (passing.current || !(event.target instanceof Element)) return;
      // Only the visitor's screens: the idle dialog, the PIN pad and the admin screen are left as they are.
      if (!event.target.closest('.kiosk-content')) return;
      const spoken = describe(event.target, t, language);
      // When the finger touched, not when a busy page got round to it.
      const now = event.timeStamp;
      const element = spoken?.element ?? event.target;
      const again = last.current && last.current.element === element && now - last.current.at < DOUBLE_TAP_MS;
      event.preventDefault();
      event.stopPropagation();
      if (again) {
        last.current = null;
        passing.current = true;
        try {
          (spoken?.control ?? (event.target as HTMLElement)).click();
        } finally {
          passing.current = false;
        }
        return;
      }
      last.current = { element, at: now };
      unmark();
      if (!spoken) return;
      spoken.element.setAttribute(SPOKEN_ATTRIBUTE, '');
      if (spoken.narration) {
        hush();
        setCaption(spoken.parts);
        passing.current = true;
        try {
          if (spoken.narration.getAttribute('aria-pressed') !== 'true') spoken.narration.click();
        } finally {
          passing.current = false;
        }
      } else speak(spoken.parts);
    };
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('click', onClick, true);
      unmark();
    };
    // i18n.language: the role words follow the language.
  }, [on, t, language, i18n.language]);

  if (!on) return null;
  return (
    <div className="listening-band" data-listening-caption={caption.map((p) => p.text).join(' ')}>
      <p className="listening-hint">{t('listening.hint')}</p>
      {caption.length > 0 && (
        <p className="listening-caption" aria-hidden="true">
          {caption.map((part, i) => (
            <span key={i} lang={part.language}>
              {part.text}
            </span>
          ))}
        </p>
      )}
      <button type="button" className="listening-off" onClick={() => dispatch({ type: 'listening', on: false })}>
        {t('listening.turnOff')}
      </button>
    </div>
  );
}
