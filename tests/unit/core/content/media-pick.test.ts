import { describe, expect, it } from 'vitest';
import { narrationFor, subtitlesFor } from '../../../../core/content/media-pick.ts';
import type { Narration, Video } from '../../../../core/content/schema.ts';

const rights = 'https://creativecommons.org/licenses/by/4.0/';
const narration = (audio: Narration['audio']): Narration => ({ audio, credit: { none: ['x'] }, rights });
const video = (subtitles: Video['subtitles']): Video => ({
  src: 'f.mp4',
  poster: 'p.webp',
  description: { none: ['x'] },
  subtitles,
  credit: { none: ['x'] },
  rights,
  kind: 'render',
});

describe('which recording a visitor hears, which subtitles they read', () => {
  it('plays the narration in the visitor’s language, else the one for every language, never another language’s', () => {
    const both = narration({ ru: 'ru.mp3', none: 'music.mp3' });
    expect(narrationFor(both, 'ru')).toEqual({ src: 'ru.mp3', language: 'ru' });
    expect(narrationFor(both, 'en')).toEqual({ src: 'music.mp3' });
    expect(narrationFor(narration({ 'zh-Hans': 'zh.mp3' }), 'en')).toBeUndefined();
    expect(narrationFor(undefined, 'en')).toBeUndefined();
  });

  it('shows the visitor’s subtitles, else the exhibit’s default language’s, else none', () => {
    const film = video({ 'zh-Hans': 'zh.vtt', ru: 'ru.vtt' });
    expect(subtitlesFor(film, 'ru', 'zh-Hans')).toEqual({ src: 'ru.vtt', language: 'ru' });
    expect(subtitlesFor(film, 'en', 'zh-Hans')).toEqual({ src: 'zh.vtt', language: 'zh-Hans' });
    expect(subtitlesFor(video({ ru: 'ru.vtt' }), 'en', 'zh-Hans')).toBeUndefined();
    expect(subtitlesFor(video(undefined), 'en', 'zh-Hans')).toBeUndefined();
  });
});
