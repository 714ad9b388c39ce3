import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/common.json';
import ru from '../../../locales/ru/common.json';
import zh from '../../../locales/zh-Hans/common.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function values(value: unknown): string[] {
  if (value && typeof value === 'object') return Object.values(value).flatMap(values);
  return [String(value)];
}

describe('interface strings', () => {
  it('has every key in all three languages', () => {
    expect(keys(ru).sort()).toEqual(keys(zh).sort());
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it('has no empty string, and the same placeholders in each language', () => {
    for (const [lang, file] of Object.entries({ zh, ru, en }))
      for (const v of values(file)) expect(v.trim(), `${lang}: empty`).not.toBe('');
    const placeholders = (file: unknown) =>
      keys(file).map((k) => [
        k,
        (String(k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], file)).match(/{{\w+}}/g) ?? []).sort().join(),
      ]);
    expect(placeholders(ru)).toEqual(placeholders(zh));
    expect(placeholders(en)).toEqual(placeholders(zh));
  });

  it('writes Russian in Cyrillic and Chinese in Han characters', () => {
    // A pattern with no words of its own ("{{field}} ({{language}})", "{{size}} MB") is the same in every script.
    const worded = (v: string) => /\p{L}/u.test(v.replace(/{{\w+}}/g, '').replace(/\b[KMG]B\b/g, ''));
    for (const v of values(ru).filter(worded)) expect(v).toMatch(/[\u0400-\u04ff]/);
    for (const v of values(zh).filter(worded)) expect(v).toMatch(/[\u4e00-\u9fff]/);
  });
});
