import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/content/schema.ts';
import { Check } from './Check.tsx';

/** Each language's name in itself: the text whose glyphs must come from the bundled font. */
const SAMPLES: Record<Language, string> = { 'zh-Hans': '中文', ru: 'Русский', en: 'English' };
const FONT = '"Noto Sans SC Variable"';

/**
 * True when the bundled font draws `text`: one of its faces covers it and is loaded. (`check`
 * alone also says yes for a family the page does not have at all.)
 */
async function drawnByBundledFont(text: string): Promise<boolean> {
  const spec = `400 32px ${FONT}`;
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
      for (const lang of Object.keys(SAMPLES) as Language[]) {
        const ok = await drawnByBundledFont(SAMPLES[lang]).catch(() => false);
        if (live) setPresent((p) => ({ ...p, [lang]: ok }));
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const values = Object.values(present);
  const status = values.length < 3 ? 'pending' : values.every(Boolean) ? 'ok' : 'problem';
  return (
    <Check title={t('selftest.fonts.title')} status={status}>
      <ul className="selftest-fonts">
        {(Object.keys(SAMPLES) as Language[]).map((lang) => (
          <li key={lang} data-status={present[lang] === undefined ? 'pending' : present[lang] ? 'ok' : 'problem'}>
            <span className="selftest-sample" lang={lang}>
              {SAMPLES[lang]}
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
