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

/** A head with sound coming to it: listening mode. */
function ListenIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path
        d="M7 19.5c1.5 1 3.5.6 4.2-1.2.6-1.6 2.8-2.6 3.4-4.9A6.2 6.2 0 1 0 4.5 10M9 10a2.7 2.7 0 1 1 4.6 1.9M18.5 4.5a8 8 0 0 1 1.8 5M16.6 6.4a5 5 0 0 1 1.1 3.1"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Home and Back on the left, large text, less motion, read aloud and the languages on the right: always in reach, always in the same place. */
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
        <button
          type="button"
          className="bar-button listening-toggle"
          aria-pressed={session.listening}
          aria-label={t('listening.toggle')}
          onClick={() => dispatch({ type: 'listening', on: !session.listening })}
        >
          <ListenIcon />
          <span>{t('listening.toggle')}</span>
        </button>
        <LanguageSwitcher />
      </div>
    </footer>
  );
}
