import { motion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import type { LangMap, Narration as NarrationData } from '../../core/content/schema.ts';
import { Text } from '../components/Text.tsx';
import { Narration } from '../media/Narration.tsx';

interface InfoCardProps {
  /** "Part 3", "Stop 2 of 8": where the card stands. */
  kicker: string;
  title: LangMap;
  text: LangMap;
  onClose(): void;
  /** The close button's name when it means more than "close" (ending the tour). */
  closeLabel?: string;
  onPrevious?(): void;
  onNext?(): void;
  /** The part's or stop's recorded narration, with its "listen" button. */
  narration?: NarrationData | undefined;
  /** Called when the narration has played to its end (the tour goes on to the next stop). */
  onNarrationEnded?(): void;
  /** Starts the narration as the card opens: the visitor is listening through the tour. */
  listening?: boolean;
}

function CloseIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path d="M6 6l12 12M18 6 6 18" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

function Arrow({ back }: { back?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
      <path
        d={back ? 'M15 5 8 12l7 7' : 'M9 5l7 7-7 7'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A part's or a tour stop's card: its title and text in the visitor's language, with a close button. */
export function InfoCard({
  kicker,
  title,
  text,
  onClose,
  closeLabel,
  onPrevious,
  onNext,
  narration,
  onNarrationEnded,
  listening,
}: InfoCardProps) {
  const { t } = useTranslation();
  return (
    <motion.section className="model-info" initial={{ opacity: 0, y: 16 }} animate={{ opacity: 1, y: 0 }} aria-live="polite">
      <div className="model-info-head">
        <p className="model-info-kicker">{kicker}</p>
        <button type="button" className="model-info-close" onClick={onClose} aria-label={closeLabel ?? t('model.close')}>
          <CloseIcon />
        </button>
      </div>
      <Text as="h2" className="model-info-title" map={title} role="heading" />
      <Text as="p" className="model-info-text" map={text} role="body" />
      <Narration narration={narration} onEnded={onNarrationEnded} autoPlay={listening} />
      {(onPrevious || onNext) && (
        <div className="model-info-steps">
          <button type="button" className="model-step" onClick={onPrevious}>
            <Arrow back />
            <span>{t('model.previous')}</span>
          </button>
          <button type="button" className="model-step next" onClick={onNext}>
            <span>{t('model.next')}</span>
            <Arrow />
          </button>
        </div>
      )}
    </motion.section>
  );
}
