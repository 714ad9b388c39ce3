import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ActiveContent } from '../core/contract.ts';
import type { Language } from '../core/content/schema.ts';
import { LanguageSwitcher } from './components/LanguageSwitcher.tsx';
import { ExhibitContext, type ExhibitState } from './content/ContentContext.tsx';
import { initI18n } from './i18n.ts';
import { kiosk } from './kiosk.ts';
import { Home } from './screens/Home.tsx';

const i18n = initI18n('zh-Hans');

/**
 * Switches interface strings and `<html lang>` in the same tick as the exhibit text, so that
 * every word on screen changes in one frame.
 */
function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The kiosk: the active package, the session language and the screen. */
export function App() {
  const [content, setContent] = useState<ActiveContent | null>(null);
  const [failed, setFailed] = useState(false);
  const [language, setLanguageState] = useState<Language>('zh-Hans');

  useEffect(() => {
    let live = true;
    const adopt = (next: ActiveContent) => {
      if (!live) return;
      setContent(next);
      applyLanguage(next.exhibit.languages.default);
      setLanguageState(next.exhibit.languages.default);
    };
    kiosk()
      .invoke('content:current')
      .then(adopt, () => live && setFailed(true));
    const off = kiosk().on('content:changed', adopt);
    return () => {
      live = false;
      off();
    };
  }, []);

  const setLanguage = useCallback(
    (next: Language) => {
      if (!content?.languages.includes(next)) return;
      applyLanguage(next);
      setLanguageState(next);
    },
    [content],
  );
  const state = useMemo<ExhibitState | null>(() => (content ? { content, language, setLanguage } : null), [content, language, setLanguage]);

  return (
    <I18nextProvider i18n={i18n}>
      {state ? (
        <ExhibitContext.Provider value={state}>
          <div className="kiosk" data-language={language}>
            <Home />
            <footer className="kiosk-bar">
              <LanguageSwitcher />
            </footer>
          </div>
        </ExhibitContext.Provider>
      ) : (
        <p className="kiosk-status" role="status">
          {failed ? i18n.t('app.unavailable') : i18n.t('app.loading')}
        </p>
      )}
    </I18nextProvider>
  );
}
