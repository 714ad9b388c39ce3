import { describe, expect, it } from 'vitest';
import { parsePlace } from '../../../../core/admin/place.ts';
import en from '../../../../locales/en/common.json';
import ru from '../../../../locales/ru/common.json';
import zh from '../../../../locales/zh-Hans/common.json';
import { describePlace } from '../../../../renderer/admin/describe-place.ts';
import { formatSize } from '../../../../renderer/admin/format-size.ts';

const place = (p: string, strings: typeof zh.admin.place) => describePlace(parsePlace(p), strings);

describe('a problem’s place, as staff read it', () => {
  it('counts from one and names each field in Chinese, Russian and English', () => {
    expect(place('sections[4].panels[3].body.ru[0]', zh.admin.place)).toBe('第5单元 · 第4块展板 · 俄文正文');
    expect(place('sections[4].panels[3].body.ru[0]', ru.admin.place)).toBe('раздел 5 · панель 4 · текст (рус.)');
    expect(place('sections[4].panels[3].body.ru[0]', en.admin.place)).toBe('section 5 · panel 4 · body (Russian)');
  });

  it('names pictures, stories, the model and the attract loop', () => {
    expect(place('stories[0].slides[2].picture.alt.zh-Hans', zh.admin.place)).toBe('第1个图片故事 · 第3张 · 图片 · 中文替代文字');
    expect(place('stories[0].slides[2].picture.alt.zh-Hans', ru.admin.place)).toBe(
      'фотоистория 1 · слайд 3 · изображение · альтернативный текст (кит.)',
    );
    expect(place('stories[0].slides[2].picture.alt.zh-Hans', en.admin.place)).toBe('story 1 · slide 3 · picture · alt text (Chinese)');
    expect(place('model.hotspots[1].title.en', en.admin.place)).toBe('3D model · hotspot 2 · title (English)');
    expect(place('attract.playlist[0].picture', zh.admin.place)).toBe('待机循环 · 第1项 · 图片');
    expect(place('languages.available[2]', ru.admin.place)).toBe('языки · язык 3');
  });

  it('says which paragraph only from the second on', () => {
    expect(place('sections[0].panels[0].body.en[1]', en.admin.place)).toBe('section 1 · panel 1 · body (English) · paragraph 2');
    expect(place('sections[0].panels[0].body.en[1]', zh.admin.place)).toBe('第1单元 · 第1块展板 · 英文正文 · 第2段');
  });

  it('shows a field it has no name for by its own name, still counting from one', () => {
    expect(place('sections[1].sparkle', zh.admin.place)).toBe('第2单元 · sparkle');
    expect(place('gadgets[0].sparkle.ru', ru.admin.place)).toBe('gadgets 1 · sparkle (рус.)');
    expect(place('gadgets[0]', zh.admin.place)).toBe('gadgets 第1项');
    expect(place('files[3].sha256', en.admin.place)).toBe('file 4 · sha256');
  });

  it('calls the empty place the whole file', () => {
    expect(place('', zh.admin.place)).toBe('整个文件');
    expect(place('(root)', en.admin.place)).toBe('the whole file');
  });
});

describe('a size, as staff read it', () => {
  it('uses the units and number style of their language', () => {
    expect(formatSize(512, 'zh-Hans', zh.admin.size)).toBe('512 字节');
    expect(formatSize(512, 'ru', ru.admin.size)).toBe('512 байт');
    expect(formatSize(1536, 'ru', ru.admin.size)).toBe('1,5 КБ');
    expect(formatSize(1536, 'zh-Hans', zh.admin.size)).toBe('1.5 KB');
    expect(formatSize(250 * 1024 * 1024, 'ru', ru.admin.size)).toBe('250 МБ');
    expect(formatSize(3.25 * 1024 ** 3, 'en', en.admin.size)).toBe('3.3 GB');
    expect(formatSize(0, 'en', en.admin.size)).toBe('0 bytes');
  });
});
