import { describe, expect, it } from 'vitest';
import { completeLanguages, findMissingTexts, formatPath, pickText, shownLanguage } from '../../../../core/content/lang.ts';

describe('language maps', () => {
  const full = { 'zh-Hans': ['东方红'], ru: ['Дунфанхун'], en: ['Dongfanghong'] };

  it('shows the asked language when it has text', () => {
    expect(pickText(full, 'ru', 'zh-Hans')).toBe('Дунфанхун');
    expect(shownLanguage(full, 'ru', 'zh-Hans')).toBe('ru');
  });

  it('falls back as IIIF says: none, then the default language, then any', () => {
    expect(pickText({ none: ['ДТ-54'], en: ['DT-54'] }, 'ru', 'zh-Hans')).toBe('ДТ-54');
    expect(shownLanguage({ none: ['1958'] }, 'ru', 'zh-Hans')).toBeUndefined();
    expect(pickText({ 'zh-Hans': ['洛阳'], en: ['Luoyang'] }, 'ru', 'zh-Hans')).toBe('洛阳');
    expect(shownLanguage({ 'zh-Hans': ['洛阳'], en: ['Luoyang'] }, 'ru', 'zh-Hans')).toBe('zh-Hans');
    expect(pickText({ en: ['Luoyang'] }, 'ru', 'zh-Hans')).toBe('Luoyang');
    expect(pickText(undefined, 'ru', 'zh-Hans')).toBe('');
  });

  it('joins several values with a line break', () => {
    expect(pickText({ en: ['one', 'two'] }, 'en', 'en')).toBe('one\ntwo');
  });

  it('reports every place a declared language is missing, with its path', () => {
    const exhibit = { title: full, sections: [{ title: { 'zh-Hans': ['一'], en: ['One'] }, panels: [{ text: { none: ['—'] } }] }] };
    expect(findMissingTexts(exhibit, ['zh-Hans', 'ru', 'en'])).toEqual([{ path: 'sections[0].title', language: 'ru' }]);
    expect(completeLanguages(exhibit, ['zh-Hans', 'ru', 'en'])).toEqual(['zh-Hans', 'en']);
    expect(completeLanguages(exhibit, ['en', 'zh-Hans'])).toEqual(['zh-Hans', 'en']);
  });

  it('formats paths the way staff read them', () => {
    expect(formatPath(['sections', 2, 'panels', 0, 'title'])).toBe('sections[2].panels[0].title');
    expect(formatPath([])).toBe('(root)');
  });
});
