import type { TFunction } from 'i18next';
import { beforeEach, describe as group, expect, it } from 'vitest';
import { describe } from '../../../../renderer/listening/describe.ts';

const words: Record<string, string> = {
  'listening.button': '按钮',
  'listening.link': '链接',
  'listening.slider': '滑块',
  'listening.heading': '标题',
  'listening.picture': '图片',
  'listening.state.on': '已开启',
  'listening.state.open': '已展开',
  'listening.state.unavailable': '现在不能用',
};
const t = ((key: string) => words[key] ?? key) as unknown as TFunction;
const $ = (selector: string) => document.querySelector(selector)!;

beforeEach(() => {
  document.body.innerHTML = `
    <div lang="zh-Hans">
      <button class="toggle" aria-pressed="true" aria-label="大字"><span>大字</span></button>
      <button class="ru" lang="ru"><span class="inner">Русский</span></button>
      <button class="off" disabled>返回</button>
      <div role="slider" class="bar" aria-label="进度" aria-valuetext="0:12 / 0:24"></div>
      <article data-panel="p1">
        <h2 class="title">第一台拖拉机</h2>
        <p class="body">一九五八年<span>，</span>东方红下线。</p>
        <div class="narration"><button class="narration-button">听讲解</button></div>
      </article>
      <article data-panel="p2" lang="en"><h2 class="en">Hyphen\u00adated</h2><img class="pic" alt="A tractor" /></article>
      <div class="empty"><span class="bare"></span></div>
    </div>`;
});

group('what listening mode says of what is under the finger', () => {
  it('a control: what it is, its name in the language it is shown in, and its state', () => {
    expect(describe($('.toggle span'), t, 'zh-Hans')).toMatchObject({
      element: $('.toggle'),
      control: $('.toggle'),
      parts: [
        { text: '按钮', language: 'zh-Hans' },
        { text: '大字', language: 'zh-Hans' },
        { text: '已开启', language: 'zh-Hans' },
      ],
      narration: null,
    });
    expect(describe($('.ru .inner'), t, 'zh-Hans')!.parts).toEqual([
      { text: '按钮', language: 'zh-Hans' },
      { text: 'Русский', language: 'ru' },
    ]);
    expect(describe($('.off'), t, 'zh-Hans')!.parts.at(-1)).toEqual({ text: '现在不能用', language: 'zh-Hans' });
    expect(describe($('.bar'), t, 'zh-Hans')!.parts).toEqual([
      { text: '滑块', language: 'zh-Hans' },
      { text: '进度', language: 'zh-Hans' },
      { text: '0:12 / 0:24', language: 'zh-Hans' },
    ]);
  });

  it('a text: a heading says so; a panel with a recording hands over its listen button', () => {
    const title = describe($('.title'), t, 'zh-Hans')!;
    expect(title.parts).toEqual([
      { text: '标题', language: 'zh-Hans' },
      { text: '第一台拖拉机', language: 'zh-Hans' },
    ]);
    expect(title.narration).toBe($('.narration-button'));
    const body = describe($('.body span'), t, 'zh-Hans')!;
    expect(body.element).toBe($('.body'));
    expect(body.parts).toEqual([{ text: '一九五八年，东方红下线。', language: 'zh-Hans' }]);
  });

  it('reads soft hyphens as nothing, a picture by its description, and says nothing of an empty place', () => {
    expect(describe($('.en'), t, 'zh-Hans')!.parts).toEqual([
      { text: '标题', language: 'zh-Hans' },
      { text: 'Hyphenated', language: 'en' },
    ]);
    expect(describe($('.pic'), t, 'zh-Hans')).toMatchObject({
      parts: [{ text: '图片' }, { text: 'A tractor', language: 'en' }],
      narration: null,
    });
    expect(describe($('.bare'), t, 'zh-Hans')).toBeNull();
  });
});
