import { useTranslation } from 'react-i18next';
import { LANGUAGE } from '../../core/content/languages.ts';
import { useExhibit } from '../content/ContentContext.tsx';

/**
 * Each language by its own name (中文 · Русский · English), so a visitor finds theirs whatever is
 * on screen; always in the same place, in the record's order; only complete languages are offered.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { content, language, setLanguage } = useExhibit();
  return (
    <nav className="language-switcher" aria-label={t('language.group')}>
      {content.languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          dir={LANGUAGE[lang].direction}
          aria-pressed={lang === language}
          className={lang === language ? 'language active' : 'language'}
          onClick={() => setLanguage(lang)}
        >
          {LANGUAGE[lang].endonym}
        </button>
      ))}
    </nav>
  );
}
