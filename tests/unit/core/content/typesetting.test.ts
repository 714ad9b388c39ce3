import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGE, LANGUAGES } from '../../../../core/content/languages.ts';
import { fontFamily, prepareText, typographyCss, TYPESETTING, type Piece } from '../../../../core/content/typesetting.ts';

const SHY = '\u00ad';
/** A stand-in for the Russian patterns: a soft hyphen after every third letter of a long word. */
const hyphenate = (word: string) => (word.length > 5 ? word.replace(/(\p{L}{3})(?=\p{L}{2})/gu, `$1${SHY}`) : word);
const joined = (pieces: Piece[]) => pieces.map((p) => (p.kind === 'break' ? '' : p.text)).join('');
const kept = (pieces: Piece[]) => pieces.flatMap((p) => (p.kind === 'keep' ? [p.text] : []));
const lastKept = (pieces: Piece[]) => {
  const last = pieces[pieces.length - 1]!;
  return last.kind === 'keep' ? last.text : undefined;
};

describe('the text of each role', () => {
  it('gives back the text unchanged, apart from soft hyphens in Russian body text', () => {
    const samples = {
      'zh-Hans': '1958年7月20日，洛阳的工厂造出了中国第一台拖拉机——“东方红”。它完全仿照苏联DT-54履带拖拉机制造。',
      ru: 'Линейный город: Дунфанхун-54 и ДТ-54 — одна машина.\nСтажёры в Харькове',
      en: 'The People’s Republic of China and the DT-54',
    } as const;
    for (const lang of LANGUAGES)
      for (const role of ['body', 'heading', 'name'] as const)
        expect(joined(prepareText(samples[lang], lang, role, { hyphenate })).replaceAll(SHY, '')).toBe(samples[lang]);
  });

  it('hyphenates only Russian body text, never a heading, a name, a word in capitals or a name like Дунфанхун-54', () => {
    const text = 'Стажёры в Харькове: ЛИНЕЙНЫЙ ГОРОД и трактор Дунфанхун-54';
    const body = joined(prepareText(text, 'ru', 'body', { hyphenate }));
    expect(body).toContain(`Харь`.slice(0, 3) + SHY);
    expect(body).toContain('ЛИНЕЙНЫЙ ГОРОД');
    expect(body).toContain('Дунфанхун-54');
    expect(joined(prepareText(text, 'ru', 'heading', { hyphenate }))).not.toContain(SHY);
    expect(joined(prepareText(text, 'ru', 'name', { hyphenate }))).not.toContain(SHY);
    expect(joined(prepareText('Linear city on the Dnieper embankment', 'en', 'body', { hyphenate }))).not.toContain(SHY);
  });

  it('keeps names on one line: the exhibit’s names, a word or Chinese name joined to a model number, with their quotation marks', () => {
    expect(kept(prepareText('红色东方红-54涂装，不是DT-54', 'zh-Hans', 'body'))).toEqual(['东方红-54', 'DT-54']);
    expect(kept(prepareText('从哈尔科夫到洛阳的一座工厂和涧西的城区', 'zh-Hans', 'body'))).toEqual(['哈尔科夫', '洛阳', '涧西', '城区']);
    expect(kept(prepareText('第一台拖拉机——“东方红”诞生了。后来', 'zh-Hans', 'body'))).toContain('“东方红”');
    expect(kept(prepareText('洛阳的新工厂：1953—1959年。', 'zh-Hans', 'body'))).toEqual(['洛阳', '1953—1959年。']);
    expect(kept(prepareText('трактор «Дунфанхун-54» и ДТ-54 в цехе', 'ru', 'body', { hyphenate }))).toEqual(['«Дунфанхун-54»', 'ДТ-54']);
  });

  it('never ends a Chinese paragraph with one character on its last line: the last two, and the punctuation after them, stay together', () => {
    expect(lastKept(prepareText('每人在那里实习约一年。', 'zh-Hans', 'body'))).toBe('一年。');
    expect(lastKept(prepareText('苏联专家的帮助下制造的。”', 'zh-Hans', 'heading'))).toBe('造的。”');
    expect(lastKept(prepareText('Luoyang News，2011年1月6日', 'zh-Hans', 'body'))).toBe('6日');
    // A name at the end is kept whole, not cut into by the ending.
    expect(lastKept(prepareText('1958年，洛阳', 'zh-Hans', 'body'))).toBe('洛阳');
    expect(lastKept(prepareText('这一原则来自哈尔科夫。', 'zh-Hans', 'body'))).toBe('哈尔科夫。');
    // Not where another line follows in the same paragraph (before a <br>), nor in other scripts.
    expect(lastKept(prepareText('每人约一年。', 'zh-Hans', 'body', { paragraphEnd: false }))).toBeUndefined();
    expect(lastKept(prepareText('each for about a year.', 'en', 'body'))).toBeUndefined();
    // Each line of a several-string text ends its own paragraph.
    expect(kept(prepareText('一共造了\n近百万台', 'zh-Hans', 'body'))).toEqual(['造了', '万台']);
  });

  it('breaks Chinese headings only between words, never before punctuation, and keeps short names whole', () => {
    const pieces = prepareText('中国第一台拖拉机在洛阳诞生，共计957900台', 'zh-Hans', 'heading');
    const breaks = pieces.flatMap((p, i) => (p.kind === 'break' ? [joined(pieces.slice(0, i))] : []));
    expect(breaks.length).toBeGreaterThan(2);
    for (const before of breaks) expect(before).toMatch(/[\p{sc=Han}\p{N}]$/u);
    expect(breaks).not.toContain('中国第一台拖拉机在洛阳诞生');
    expect(kept(pieces)).toContain('洛阳');
    expect(prepareText('DT-54主要数据', 'zh-Hans', 'name')).toEqual([{ kind: 'keep', text: 'DT-54主要数据' }]);
    expect(prepareText('Стажёры в Харькове', 'ru', 'heading').some((p) => p.kind === 'break')).toBe(false);
  });

  it('keeps hyphenated compounds of a heading on one line, but lets body text break after their hyphen', () => {
    expect(kept(prepareText('The post-war Soviet aid', 'en', 'heading'))).toEqual(['post-war']);
    expect(kept(prepareText('The post-war Soviet aid', 'en', 'body'))).toEqual([]);
  });
});

describe('the fonts of each script', () => {
  it('draws Russian and English in the bundled Source Sans 3 first, and Chinese in Noto Sans SC first', () => {
    expect(LANGUAGE.ru.fontStack[0]).toBe('Source Sans 3 Variable');
    expect(LANGUAGE.en.fontStack[0]).toBe('Source Sans 3 Variable');
    expect(LANGUAGE['zh-Hans'].fontStack[0]).toBe('Noto Sans SC Variable');
    expect(fontFamily('ru')).toBe("'Source Sans 3 Variable', 'Noto Sans SC Variable', 'Noto Sans SC', sans-serif");
  });

  it('gives every language of the record its font stack, and Chinese headings their phrase breaks, in the rules the renderer adopts', () => {
    const css = typographyCss();
    for (const lang of LANGUAGES) {
      const rule = new RegExp(`:where\\(:lang\\(${lang}\\)\\) \\{\\s*--font: ([^;]+);`).exec(css);
      expect(rule?.[1], lang).toBe(fontFamily(lang));
      expect(css.includes(`:where([data-typeset='heading'], [data-typeset='name']) :lang(${lang})`), lang).toBe(
        TYPESETTING[lang].phraseBreaks,
      );
    }
    expect(TYPESETTING['zh-Hans'].phraseBreaks).toBe(true);
  });

  it('breaks Chinese strictly, hyphenates only where patterns put soft hyphens, and scales each language’s titles', () => {
    const block = (lang: string) => new RegExp(`:where\\(:lang\\(${lang}\\)\\) \\{([^}]*)\\}`).exec(typographyCss())![1]!;
    expect(block('zh-Hans')).toContain('line-break: strict;');
    expect(block('zh-Hans')).not.toContain('hyphens');
    expect(block('ru')).toContain('hyphens: manual;');
    expect(block('ru')).not.toContain('line-break');
    for (const lang of LANGUAGES) expect(block(lang)).toContain(`--heading-scale: ${TYPESETTING[lang].headingScale};`);
    expect(TYPESETTING.ru.headingScale).toBeLessThan(1);
  });

  it('leaves no language rule written by hand in any stylesheet of the renderer', () => {
    const sheets = fs
      .readdirSync('renderer', { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.css'))
      .map((name) => `renderer/${name}`);
    expect(sheets.length).toBeGreaterThan(10);
    expect(sheets.filter((sheet) => /:lang\(/.test(fs.readFileSync(sheet, 'utf8')))).toEqual([]);
  });
});
