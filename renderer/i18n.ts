import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../core/content/schema.ts';
import en from '../locales/en/common.json';
import ru from '../locales/ru/common.json';
import zhHans from '../locales/zh-Hans/common.json';

/** Interface strings, typed from the Chinese source file. */
export type Strings = typeof zhHans;

export const resources = {
  'zh-Hans': { common: zhHans },
  ru: { common: ru satisfies Strings },
  en: { common: en satisfies Strings },
} as const;

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
