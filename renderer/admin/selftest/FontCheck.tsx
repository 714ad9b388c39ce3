import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE, LANGUAGES, type Language } from '../../../core/content/languages.ts';
import { Check } from './Check.tsx';

/**
 * True when `font`, bundled, draws `text`: one of its faces covers it and is loaded. (`check`
 * alone also says yes for a family the page does not have at all.)
 */
async function drawnByBundledFont(font: string, text: string): Promise<boolean> {
  const spec = `400 32px "${font}"`;
  const faces = await document.fonts.load(spec, text);
  return faces.length > 0 && faces.every((f) => f.status === 'loaded') && document.fonts.check(spec, text);
}

export function FontCheck() {
  const { t } = useTranslation();
  const [present, setPresent] = useState<Partial<Record<Language, boolean>>>({});

  useEffect(() => {
    let live = true;
    void (async () => {
      await document.fonts.ready;
      // Each language's name in itself, in the bundled face its record puts first.
      for (const lang of LANGUAGES) {
        const { fontStack, endonym } = LANGUAGE[lang];
        const ok = await drawnByBundledFont(fontStack[0], endonym).catch(() => false);
        if (live) setPresent((p) => ({ ...p, [lang]: ok }));
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const values = Object.values(present);
  const status = values.length < LANGUAGES.length ? 'pending' : values.every(Boolean) ? 'ok' : 'problem';
  return (
    <Check title={t('selftest.fonts.title')} status={status}>
      <ul className="selftest-fonts">
        {LANGUAGES.map((lang) => (
          <li key={lang} data-status={present[lang] === undefined ? 'pending' : present[lang] ? 'ok' : 'problem'}>
            <span className="selftest-sample" lang={lang} dir={LANGUAGE[lang].direction}>
              {LANGUAGE[lang].endonym}
            </span>
            <span className="selftest-font-state">
              {present[lang] === undefined
                ? t('selftest.checking')
                : present[lang]
                  ? t('selftest.fonts.present')
                  : t('selftest.fonts.missing')}
            </span>
          </li>
        ))}
      </ul>
    </Check>
  );
}
