import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, MESSAGE_PARAMS } from '../../../../core/admin/messages.ts';
import { englishProblem, PROBLEM_CODES, PROBLEM_PARAMS } from '../../../../core/content/problem-codes.ts';
import { LOCALES } from '../../../../locales/index.ts';
import { sayMessage, sayProblem } from '../../../../renderer/admin/say-message.ts';
import { initI18n } from '../../../../renderer/i18n.ts';
import { SAMPLE, sampleMessage, sampleProblem } from '../../../fixtures/admin-messages.ts';

const i18n = initI18n('zh-Hans');
const placeholders = (text: string) => [...new Set(text.match(/{{(\w+)}}/g) ?? [])].map((p) => p.slice(2, -2)).sort();

/** Every locale's `admin.<section>` holds a non-empty string for each code, and for nothing else, with exactly the code's parameters as placeholders. */
function expectStringsForEveryCode(section: 'message' | 'problem', codes: readonly string[], params: Record<string, object>): void {
  for (const [lang, file] of Object.entries(LOCALES)) {
    const strings = file.admin[section] as Record<string, unknown>;
    expect(Object.keys(strings).sort(), `${lang}: no string without a code`).toEqual([...codes].sort());
    for (const code of codes) {
      const text = strings[code];
      expect(typeof text, `${lang} ${code}`).toBe('string');
      expect((text as string).trim(), `${lang} ${code}`).not.toBe('');
      expect(placeholders(text as string), `${lang} ${code}`).toEqual(Object.keys(params[code]!).sort());
    }
  }
}

describe('admin codes in the staff’s language', () => {
  it('has a string for every code in every language, with exactly the code’s parameters as placeholders', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(20);
    expectStringsForEveryCode('message', MESSAGE_CODES, MESSAGE_PARAMS);
  });

  it('shows a Chinese-speaking member of staff every code in Chinese, its names and sizes filled in', () => {
    const t = i18n.getFixedT('zh-Hans');
    for (const code of MESSAGE_CODES) {
      const text = sayMessage(sampleMessage(code), t, 'zh-Hans');
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, code).not.toMatch(/{{|\bthe\b|\bfile\b|\bstick\b|\bplease\b/i);
      expect(text, code).not.toBe(sayMessage(sampleMessage(code), i18n.getFixedT('en'), 'en'));
      const kinds = Object.values(MESSAGE_PARAMS[code]) as string[];
      if (kinds.includes('text')) expect(text, code).toContain(SAMPLE.text);
      if (kinds.includes('count')) expect(text, code).toContain(String(SAMPLE.count));
      if (kinds.includes('bytes')) expect(text, code).toContain('1.5 MB');
    }
  });

  it('writes Russian in Cyrillic with Russian units, and English as before', () => {
    const ruT = i18n.getFixedT('ru');
    for (const code of MESSAGE_CODES) expect(sayMessage(sampleMessage(code), ruT, 'ru'), code).toMatch(/[\u0400-\u04ff]/);
    expect(sayMessage({ code: 'file-missing', size: 1536 * 1024 }, ruT, 'ru')).toBe(
      'Файл указан в манифесте (1,5 МБ), но на накопителе его нет.',
    );
    const enT = i18n.getFixedT('en');
    expect(sayMessage({ code: 'rolled-back', version: '1.0.0' }, enT, 'en')).toBe('Back to version 1.0.0');
    expect(sayMessage({ code: 'logs-saved', count: 3 }, enT, 'en')).toBe('3 log files saved');
    expect(sayMessage({ code: 'no-room', needed: 300 * 1024 * 1024, free: 1000 }, i18n.getFixedT('zh-Hans'), 'zh-Hans')).toBe(
      '展项电脑的磁盘空间不够：内容包需要 300 MB，但只剩 1,000 字节。',
    );
  });
});

describe('the validator’s problems in the staff’s language', () => {
  it('has a string for every problem code in every language, with exactly the code’s parameters as placeholders', () => {
    expect(PROBLEM_CODES.length).toBeGreaterThan(60);
    expectStringsForEveryCode('problem', PROBLEM_CODES, PROBLEM_PARAMS);
  });

  it('shows a Chinese-speaking member of staff every problem in Chinese, its names and sizes filled in', () => {
    const t = i18n.getFixedT('zh-Hans');
    for (const code of PROBLEM_CODES) {
      const text = sayProblem(sampleProblem(code), t, 'zh-Hans');
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
      expect(text, code).not.toMatch(/{{|\bthe\b|\bfile\b|\bmust\b|\bplease\b/i);
      expect(text, code).not.toBe(englishProblem(sampleProblem(code)));
      const kinds = Object.values(PROBLEM_PARAMS[code]) as string[];
      if (kinds.includes('text')) expect(text, code).toContain(SAMPLE.text);
      if (kinds.includes('count')) expect(text, code).toContain(String(SAMPLE.count));
      if (kinds.includes('bytes')) expect(text, code).toContain('1.5 MB');
      if (kinds.includes('language')) expect(text, code).toContain('俄文');
    }
  });

  it('writes every problem in Russian in Cyrillic, and a model’s sizes in Russian units', () => {
    const ruT = i18n.getFixedT('ru');
    for (const code of PROBLEM_CODES) expect(sayProblem(sampleProblem(code), ruT, 'ru'), code).toMatch(/[\u0400-\u04ff]/);
    expect(sayProblem({ code: 'model-too-large', size: 1536 * 1024, maximum: 1024 * 1024 }, ruT, 'ru')).toBe(
      '3D-модель занимает 1,5 МБ, а допустимо не больше 1 МБ.',
    );
  });
});
