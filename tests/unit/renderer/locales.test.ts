import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGE, LANGUAGES } from '../../../core/content/languages.ts';
import { LOCALES } from '../../../locales/index.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function values(value: unknown): string[] {
  if (value && typeof value === 'object') return Object.values(value).flatMap(values);
  return [String(value)];
}

const source = LOCALES[DEFAULT_LANGUAGE];
const translations = LANGUAGES.filter((lang) => lang !== DEFAULT_LANGUAGE);
/** Unicode's name for an ISO 15924 script where the two differ (Simplified Chinese is written in Han). */
const unicodeScript = (script: string) => (script === 'Hans' || script === 'Hant' ? 'Hani' : script);

describe('interface strings', () => {
  it('has every key in every language', () => {
    for (const lang of translations) expect(keys(LOCALES[lang]).sort(), lang).toEqual(keys(source).sort());
  });

  it('has no empty string, and the same placeholders in each language', () => {
    for (const lang of LANGUAGES) for (const v of values(LOCALES[lang])) expect(v.trim(), `${lang}: empty`).not.toBe('');
    const placeholders = (file: unknown) =>
      keys(file).map((k) => [
        k,
        (String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], file)).match(/{{\w+}}/g) ?? []).sort().join(),
      ]);
    for (const lang of translations) expect(placeholders(LOCALES[lang]), lang).toEqual(placeholders(source));
  });

  it('writes each language in its own script (Russian in Cyrillic, Chinese in Han characters)', () => {
    // A pattern with no words of its own ("{{field}} ({{language}})", "{{size}} MB") is the same in every script.
    const worded = (v: string) => /\p{L}/u.test(v.replace(/{{\w+}}/g, '').replace(/\b[KMG]B\b/g, ''));
    for (const lang of LANGUAGES) {
      const letter = new RegExp(`\\p{sc=${unicodeScript(LANGUAGE[lang].script)}}`, 'u');
      for (const v of values(LOCALES[lang]).filter(worded)) expect(v, lang).toMatch(letter);
    }
  });
});
