import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';

/** Each language names itself, so a visitor finds theirs whatever is on screen. */
const ENDONYMS: Record<Language, string> = { 'zh-Hans': '中文', ru: 'Русский', en: 'English' };

/** 中文 · Русский · English, always in the same place; only complete languages are offered. */
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
          aria-pressed={lang === language}
          className={lang === language ? 'language active' : 'language'}
          onClick={() => setLanguage(lang)}
        >
          {ENDONYMS[lang]}
        </button>
      ))}
    </nav>
  );
}
