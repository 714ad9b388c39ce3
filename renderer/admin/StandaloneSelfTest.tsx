import i18next from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../../core/content/schema.ts';
import { initI18n } from '../i18n.ts';
import { SelfTest } from './SelfTest.tsx';

/**
 * The self-test on its own, full screen, in one language: what `#selftest` opens until the
 * admin screen mounts `<SelfTest />` behind its PIN (the lead may then drop this route).
 */
export function StandaloneSelfTest({ language }: { language: Language }) {
  const i18n = i18next.isInitialized ? i18next : initI18n(language);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return (
    <I18nextProvider i18n={i18n}>
      <main className="selftest-page">
        <SelfTest />
      </main>
    </I18nextProvider>
  );
}
