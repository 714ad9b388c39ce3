import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

function HomeIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path d="M3 11.5 12 4l9 7.5M5.5 10v9.5h5v-6h3v6h5V10" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}

function BackIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path d="M15 5 8 12l7 7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A wave that settles into a line. */
function MotionIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path
        d="M3 8c2-2.7 4-2.7 6 0s4 2.7 6 0 4-2.7 6 0M3 16h18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Home and Back on the left, large text, less motion and the languages on the right: always in reach, always in the same place. */
export function BottomBar() {
  const { t } = useTranslation();
  const { session, dispatch } = useSession();
  const atHome = session.stack.length === 1;
  return (
    <footer className="kiosk-bar" aria-label={t('nav.bar')}>
      <div className="bar-group">
        <button
          type="button"
          className="bar-button"
          onClick={() => dispatch({ type: 'home' })}
          disabled={atHome}
          aria-label={t('nav.home')}
        >
          <HomeIcon />
          <span>{t('nav.home')}</span>
        </button>
        <button
          type="button"
          className="bar-button"
          onClick={() => dispatch({ type: 'back' })}
          disabled={atHome}
          aria-label={t('nav.back')}
        >
          <BackIcon />
          <span>{t('nav.back')}</span>
        </button>
      </div>
      <div className="bar-group">
        <button
          type="button"
          className="bar-button large-text-toggle"
          aria-pressed={session.largeText}
          aria-label={t('nav.largeText')}
          onClick={() => dispatch({ type: 'largeText', on: !session.largeText })}
        >
          <span aria-hidden="true" className="large-text-glyph">
            A<span>A</span>
          </span>
          <span>{t('nav.largeText')}</span>
        </button>
        <button
          type="button"
          className="bar-button reduced-motion-toggle"
          aria-pressed={session.reducedMotion}
          aria-label={t('nav.reducedMotion')}
          onClick={() => dispatch({ type: 'reducedMotion', on: !session.reducedMotion })}
        >
          <MotionIcon />
          <span>{t('nav.reducedMotion')}</span>
        </button>
        <LanguageSwitcher />
      </div>
    </footer>
  );
}
