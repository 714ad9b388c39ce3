import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  commonCoverage,
  coverageOf,
  covers,
  firstUndrawable,
  formatRanges,
  intersectionOf,
  languageCoverage,
  parseRanges,
  stackCoverage,
  undrawableTexts,
  unionOf,
} from '../../../../core/content/glyphs.ts';
import { LANGUAGES } from '../../../../core/content/languages.ts';
import type { Problem } from '../../../../core/content/load.ts';
import { validatePackage } from '../../../../core/content/validate.ts';
import { asCurrent, makePackageV2, validExhibitV2 } from '../../../fixtures/make-package.ts';

const zh = languageCoverage('zh-Hans');
const ru = languageCoverage('ru');

/** The problems of the validator's verdict on `dir` with one of `codes`, as file, place, severity and parameters. */
async function problemsOf(dir: string, ...codes: string[]): Promise<Pick<Problem, 'file' | 'place' | 'severity' | 'issue'>[]> {
  const report = await validatePackage(dir);
  await report.cleanup();
  return report.problems
    .filter((p) => codes.includes(p.issue?.code ?? ''))
    .map(({ file, place, severity, issue }) => ({ file, place, severity, issue }));
}

describe('coverage as code point ranges', () => {
  it('merges code points into ranges and finds each again, and nothing between them', () => {
    const coverage = coverageOf([0x41, 0x43, 0x42, 0x4e2d, 0x41, 0x1f600]);
    expect(coverage).toEqual([0x41, 0x43, 0x4e2d, 0x4e2d, 0x1f600, 0x1f600]);
    for (const cp of [0x41, 0x42, 0x43, 0x4e2d, 0x1f600]) expect(covers(coverage, cp), cp.toString(16)).toBe(true);
    for (const cp of [0x40, 0x44, 0x4e2c, 0x4e2e, 0x1f601, 0]) expect(covers(coverage, cp), cp.toString(16)).toBe(false);
  });

  it('reads a CSS unicode-range and writes ranges it reads back the same', () => {
    const coverage = parseRanges('U+0460-052F, U+20B4,U+4??, u+0400-045F');
    expect(coverage).toEqual([0x400, 0x52f, 0x20b4, 0x20b4]);
    expect(parseRanges(formatRanges(coverage))).toEqual(coverage);
    expect(() => parseRanges('U+XYZ')).toThrow(/not a code point range/);
  });

  it('unites and intersects coverages as a font stack and several languages need', () => {
    const a = parseRanges('20-7e,400-44f');
    const b = parseRanges('41-5a,410-4ff,4e00-9fff');
    expect(formatRanges(unionOf(a, b))).toBe('20-7e,400-4ff,4e00-9fff');
    expect(formatRanges(intersectionOf(a, b))).toBe('41-5a,410-44f');
    expect(stackCoverage(['Source Sans 3 Variable', 'sans-serif'], { 'Source Sans 3 Variable': a })).toEqual(a);
    expect(commonCoverage(['ru', 'en'], (l) => (l === 'ru' ? a : b))).toEqual(intersectionOf(a, b));
  });
});

describe('the first character the kiosk cannot draw', () => {
  it('names an emoji, a character outside the Chinese font and a private-use character, with their code points', () => {
    expect(firstUndrawable('东方红拖拉机🚜', zh)).toEqual({ character: '🚜', codePoint: 'U+1F69C' });
    expect(firstUndrawable('𠀀字', zh)).toEqual({ character: '𠀀', codePoint: 'U+20000' });
    expect(firstUndrawable('Пункт \uf0b7 один', ru)).toEqual({ character: '\uf0b7', codePoint: 'U+F0B7' });
    expect(firstUndrawable('საქართველო', ru)).toEqual({ character: 'ს', codePoint: 'U+10E1' });
    expect(firstUndrawable('half \ud83d pair', ru)).toEqual({ character: '\ufffd', codePoint: 'U+D83D' });
  });

  it('takes a character from the fonts of its language: Greek is in Source Sans 3, not in the Chinese stack', () => {
    expect(firstUndrawable('α-частицы', ru)).toBeUndefined();
    expect(firstUndrawable('α粒子', zh)).toEqual({ character: 'α', codePoint: 'U+03B1' });
  });

  it('passes white space, soft hyphens, joiners, direction marks and variation selectors, which are never drawn', () => {
    const invisible = ' \t\n\r\u00a0\u202f\u3000\u2028\u00ad\u200b\u200c\u200d\u2060\u200e\u200f\ufeff\ufe0f\ufe0e\u{e0100}';
    for (const language of LANGUAGES)
      expect(firstUndrawable(`тракто\u00adры${invisible}text 拖拉机`, languageCoverage(language))).toBeUndefined();
  });

  it('takes a letter composed where the font has it composed, and decomposed where it has the parts', () => {
    expect(firstUndrawable('e\u0301', zh)).toBeUndefined();
    expect(firstUndrawable('u\u0308\u0301', zh)).toBeUndefined();
    // Noto Sans SC has no ẁ, but has w and the combining grave.
    expect(covers(zh, 0x1e81)).toBe(false);
    expect(firstUndrawable('ẁ', zh)).toBeUndefined();
    expect(firstUndrawable('й', ru)).toBeUndefined();
    expect(firstUndrawable('и\u0306', ru)).toBeUndefined();
  });

  it('draws in every language what the kiosk itself adds to a text: the hyphen at a soft hyphen’s break, list bullets and numbers, ellipsis', () => {
    for (const language of LANGUAGES) {
      const coverage = languageCoverage(language);
      expect(covers(coverage, 0x2010) || covers(coverage, 0x2d), `${language}: hyphen`).toBe(true);
      expect(firstUndrawable('•0123456789.…—«»“”', coverage), language).toBeUndefined();
    }
  });
});

describe('texts of an exhibit the kiosk cannot draw', () => {
  it('names the string by its path and language, rich-text markup and entities read as the kiosk shows them', () => {
    const data = validExhibitV2();
    data.sections[0].panels[0].title = { ru: ['Трактор'], en: ['Tractor 🚜'] };
    data.sections[0].title = { none: ['ДТ-54', 'Γ'] };
    data.sections[0].panels[0].body.ru = ['<p>Тракто\u00adры&nbsp;и <em>люди</em></p><ul><li>один</li></ul>'];
    const exhibit = asCurrent(data);
    expect(undrawableTexts(exhibit, exhibit.languages.available)).toEqual([
      { place: 'sections[0].title.none[1]', character: 'Γ', codePoint: 'U+0393' },
      { place: 'sections[0].panels[0].title.en[0]', character: '🚜', codePoint: 'U+1F69C' },
    ]);
  });
});

describe('content validator: characters the kiosk cannot draw', () => {
  it('refuses a package with an emoji in one panel body, naming the panel, the language and the character', async () => {
    const dir = await makePackageV2((e) => (e.sections[0].panels[0].body.ru = ['<p>Трактор 🚜 вышел в поле</p>']));
    expect(await problemsOf(dir, 'text-undrawable')).toEqual([
      {
        file: 'exhibit.json',
        place: 'sections[0].panels[0].body.ru[0]',
        severity: 'error',
        issue: { code: 'text-undrawable', character: '🚜', codePoint: 'U+1F69C' },
      },
    ]);
  });

  it('only warns of a package already installed, which keeps being shown: a kiosk update never takes its exhibit off the screen', async () => {
    const dir = await makePackageV2((e) => (e.sections[0].panels[0].body.ru = ['<p>Трактор 🚜 вышел в поле</p>']));
    const installed = await validatePackage(dir, { installed: true });
    await installed.cleanup();
    expect(installed.ok).toBe(true);
    expect(installed.problems.filter((p) => p.issue?.code === 'text-undrawable').map((p) => p.severity)).toEqual(['warning']);
    const arriving = await validatePackage(dir);
    await arriving.cleanup();
    expect(arriving.ok).toBe(false);
  });

  it('refuses a rare Chinese character in a title, and passes soft hyphens and no-break spaces beside it', async () => {
    const dir = await makePackageV2((e) => {
      e.sections[0].title['zh-Hans'] = ['第一\u00a0单元𠀀'];
      e.sections[0].panels[0].body.ru = ['<p>Трак\u00adтор&nbsp;и\u202fполе</p>'];
    });
    expect(await problemsOf(dir, 'text-undrawable')).toEqual([
      {
        file: 'exhibit.json',
        place: 'sections[0].title.zh-Hans[0]',
        severity: 'error',
        issue: { code: 'text-undrawable', character: '𠀀', codePoint: 'U+20000' },
      },
    ]);
  });

  it('names at most 20 texts and counts the rest, so a pasted document does not flood the list', async () => {
    const dir = await makePackageV2((e) => {
      e.sections[0].panels[0].body.en = Array.from({ length: 25 }, (_, i) => `<p>Paragraph ${i} 😀</p>`);
    });
    const found = await problemsOf(dir, 'text-undrawable', 'more-undrawable-texts');
    expect(found).toHaveLength(21);
    expect(found[19]!.place).toBe('sections[0].panels[0].body.en[19]');
    expect(found[20]).toEqual({
      file: 'exhibit.json',
      place: 'sections[0].panels[0].body.en[20]',
      severity: 'error',
      issue: { code: 'more-undrawable-texts', count: 5 },
    });
  });

  it('refuses a subtitle cue the fonts of its language cannot draw, by the cue’s line, and passes its markup', async () => {
    const dir = await makePackageV2();
    fs.writeFileSync(
      path.join(dir, 'films', 'f.zh-Hans.vtt'),
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v 讲解员><i>第一句</i>字幕\n\n00:00:02.000 --> 00:00:04.000\n第二句 α 字幕\n',
    );
    expect(await problemsOf(dir, 'text-undrawable')).toEqual([
      {
        file: 'films/f.zh-Hans.vtt',
        place: 'line 6',
        severity: 'error',
        issue: { code: 'text-undrawable', character: 'α', codePoint: 'U+03B1' },
      },
    ]);
  });

  it('finds nothing the kiosk cannot draw in the built-in exhibit, its subtitles included', async () => {
    expect(await problemsOf('assets/content', 'text-undrawable', 'more-undrawable-texts')).toEqual([]);
  });
});
