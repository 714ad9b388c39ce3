import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../core/content/languages.ts';
import { LOCALES, type Strings } from '../locales/index.ts';

/** Interface strings, typed from the default language's file. */
export type { Strings };

/** i18next's resources: every language of the record, its strings in the one `common` namespace. */
export const resources = Object.fromEntries(LANGUAGES.map((lang) => [lang, { common: LOCALES[lang] }])) as {
  readonly [L in Language]: { readonly common: Strings };
};

/** Starts i18next in `language`; every interface string comes from `locales/`. */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: import.meta.env.DEV,
    missingKeyHandler: (_lngs, _ns, key) => {
      throw new Error(`Missing interface string "${key}"`);
    },
    initAsync: false,
    react: { useSuspense: false },
  });
  return i18next;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: Strings };
  }
}
