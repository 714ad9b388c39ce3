import { describe, expect, it } from 'vitest';
import { pickVoice, type VoiceInfo } from '../../../core/speech.ts';

const voice = (lang: string, name = lang, localService = true, isDefault = false): VoiceInfo => ({
  name,
  lang,
  localService,
  default: isDefault,
});

describe('pickVoice', () => {
  it('takes a local voice whose tag the language record lists, in its order', () => {
    const voices = [voice('en-US'), voice('zh-TW'), voice('zh-CN'), voice('ru-RU')];
    expect(pickVoice(voices, 'zh-Hans')?.lang).toBe('zh-CN');
    expect(pickVoice(voices, 'ru')?.lang).toBe('ru-RU');
    expect(pickVoice(voices, 'en')?.lang).toBe('en-US');
  });

  it('never takes a network voice, whatever its language', () => {
    expect(pickVoice([voice('zh-CN', 'Google 普通话', false)], 'zh-Hans')).toBeUndefined();
    expect(pickVoice([voice('zh-CN', 'Google', false), voice('zh-TW', 'local')], 'zh-Hans')?.name).toBe('local');
  });

  it('does not read Mandarin with a Cantonese voice, nor a language with another', () => {
    expect(pickVoice([voice('zh-HK'), voice('yue-HK')], 'zh-Hans')).toBeUndefined();
    expect(pickVoice([voice('uk-UA'), voice('be-BY')], 'ru')).toBeUndefined();
  });

  it('reads tags as the platforms write them (case, underscores) and prefers the default among equals', () => {
    expect(pickVoice([voice('RU_ru', 'a'), voice('ru-RU', 'b', true, true)], 'ru')?.name).toBe('b');
    expect(pickVoice([voice('EN_gb', 'uk')], 'en')?.name).toBe('uk');
  });
});
