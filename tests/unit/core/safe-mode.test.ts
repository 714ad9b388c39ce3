import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../../core/content/languages.ts';
import type { Exhibit } from '../../../core/content/schema.ts';
import { SAFE_MODE_RETRY_SECONDS } from '../../../core/recovery.ts';
import { renderSafeModePage } from '../../../core/safe-mode.ts';
import { LOCALES } from '../../../locales/index.ts';

const template = fs.readFileSync('assets/safe-mode/index.html', 'utf8');
const builtIn = JSON.parse(fs.readFileSync('assets/content/exhibit.json', 'utf8')) as Exhibit;

describe('safe-mode page', () => {
  it('is a static page: no script, a strict CSP, and a refresh that tries the renderer again', () => {
    expect(template).not.toMatch(/<script/i);
    expect(template).not.toMatch(/\son\w+=/i);
    expect(template).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(template).toContain(`<meta http-equiv="refresh" content="${SAFE_MODE_RETRY_SECONDS}; url=../index.html" />`);
    expect(template).not.toMatch(/https?:\/\//);
  });

  it('says the exhibit will be back shortly in every language of the record, the default language first and as the page’s', () => {
    const html = renderSafeModePage(template, { retryUrl: '../index.html' });
    expect(html).toMatch(new RegExp(`<html lang="${DEFAULT_LANGUAGE}" dir="ltr">`));
    const sections = [...html.matchAll(/<section class="message" lang="([^"]+)" dir="ltr">\s*<h2>([^<]+)<\/h2>\s*<p>([^<]+)<\/p>/g)];
    expect(sections.map((m) => m[1])).toEqual([...LANGUAGES]);
    for (const [, lang, heading, body] of sections) {
      const strings = LOCALES[lang as (typeof LANGUAGES)[number]].safeMode;
      expect([heading, body]).toEqual([strings.heading, strings.body]);
    }
    expect(html).toContain('<h2>本展项稍后恢复</h2>');
    expect(html).toContain('<h2>Экспонат скоро снова заработает</h2>');
    expect(html).toContain('<h2>This exhibit will be back shortly</h2>');
    expect(html).not.toMatch(/<!--(titles|messages)-->/);
  });

  it('fills in the exhibit title, escaped, and the host’s retry address', () => {
    const html = renderSafeModePage(template, {
      title: { 'zh-Hans': ['测试展览'], ru: ['Тестовая <выставка>'], en: ['Test & exhibition'] },
      retryUrl: '/?t=abc_DEF-123',
      retrySeconds: 30,
    });
    expect(html).toContain('<h1 lang="zh-Hans" dir="ltr"><!--title:zh-Hans-->测试展览<!--/title--></h1>');
    expect(html).toContain('<!--title:ru-->Тестовая &lt;выставка&gt;<!--/title-->');
    expect(html).toContain('<!--title:en-->Test &amp; exhibition<!--/title-->');
    expect(html).toContain('<meta http-equiv="refresh" content="30; url=/?t=abc_DEF-123" />');
    expect(html.match(/http-equiv="refresh"/g)).toHaveLength(1);
  });

  it('falls back to the exhibit title it has for a missing language, and to the built-in exhibit’s when no exhibit can be read', () => {
    const onlyChinese = renderSafeModePage(template, { title: { 'zh-Hans': ['仅中文'] }, retryUrl: '../index.html' });
    expect(onlyChinese).toContain('<!--title:zh-Hans-->仅中文<!--/title-->');
    expect(onlyChinese).toContain('<!--title:en-->仅中文<!--/title-->');
    const none = renderSafeModePage(template, { retryUrl: '../index.html' });
    for (const lang of LANGUAGES) {
      expect(LOCALES[lang].safeMode.exhibit, lang).toBe(builtIn.title[lang]?.join(' '));
      expect(none).toContain(`<!--title:${lang}-->${LOCALES[lang].safeMode.exhibit}<!--/title-->`);
    }
  });
});
