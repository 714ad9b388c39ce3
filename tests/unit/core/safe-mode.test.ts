import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAFE_MODE_RETRY_SECONDS } from '../../../core/recovery.ts';
import { renderSafeModePage } from '../../../core/safe-mode.ts';

const template = fs.readFileSync('assets/safe-mode/index.html', 'utf8');

describe('safe-mode page', () => {
  it('is a static page: no script, a strict CSP, and a refresh that tries the renderer again', () => {
    expect(template).not.toMatch(/<script/i);
    expect(template).not.toMatch(/\son\w+=/i);
    expect(template).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(template).toContain(`<meta http-equiv="refresh" content="${SAFE_MODE_RETRY_SECONDS}; url=../index.html" />`);
    expect(template).not.toMatch(/https?:\/\//);
  });

  it('says the exhibit will be back shortly in Chinese, Russian and English', () => {
    for (const lang of ['zh-Hans', 'ru', 'en']) {
      expect(template).toContain(`<!--title:${lang}-->`);
      expect(template).toMatch(new RegExp(`<section class="message" lang="${lang}">`));
    }
    expect(template).toContain('本展项稍后恢复');
    expect(template).toContain('Экспонат скоро снова заработает');
    expect(template).toContain('This exhibit will be back shortly');
  });

  it('fills in the exhibit title, escaped, and the host’s retry address', () => {
    const html = renderSafeModePage(template, {
      title: { 'zh-Hans': ['测试展览'], ru: ['Тестовая <выставка>'], en: ['Test & exhibition'] },
      retryUrl: '/?t=abc_DEF-123',
      retrySeconds: 30,
    });
    expect(html).toContain('<!--title:zh-Hans-->测试展览<!--/title-->');
    expect(html).toContain('<!--title:ru-->Тестовая &lt;выставка&gt;<!--/title-->');
    expect(html).toContain('<!--title:en-->Test &amp; exhibition<!--/title-->');
    expect(html).toContain('<meta http-equiv="refresh" content="30; url=/?t=abc_DEF-123" />');
    expect(html.match(/http-equiv="refresh"/g)).toHaveLength(1);
  });

  it('falls back to the exhibit title it has for a missing language, and to its own when no exhibit can be read', () => {
    const onlyChinese = renderSafeModePage(template, { title: { 'zh-Hans': ['仅中文'] }, retryUrl: '../index.html' });
    expect(onlyChinese).toContain('<!--title:zh-Hans-->仅中文<!--/title-->');
    expect(onlyChinese).toContain('<!--title:en-->仅中文<!--/title-->');
    const none = renderSafeModePage(template, { retryUrl: '../index.html' });
    expect(none).toContain('<!--title:en-->From Kharkiv to Luoyang<!--/title-->');
  });
});
