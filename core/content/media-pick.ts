/**
 * Which recording a visitor hears and which subtitles they read, in one place for the film
 * player, the narration control, the listening mode and the tests.
 *
 * Runs in Node and in the browser.
 */
import type { Language, Narration, Video } from './schema.ts';

/**
 * The audio file of `narration` for a visitor reading `language`: the recording in that
 * language, else the one for every language (`none`). Never a recording in another language:
 * a visitor who does not understand it is better served by the text on screen.
 */
export function narrationFor(narration: Narration | undefined, language: Language): { src: string; language?: Language } | undefined {
  if (!narration) return undefined;
  const own = narration.audio[language];
  if (own) return { src: own, language };
  const all = narration.audio.none;
  return all ? { src: all } : undefined;
}

/**
 * The subtitles of `video` for a visitor reading `language`: theirs, else the exhibit's
 * default language's (a film in a language the visitor may not speak is better with words
 * they may read than with none), else none.
 */
export function subtitlesFor(video: Video, language: Language, fallback: Language): { src: string; language: Language } | undefined {
  const own = video.subtitles?.[language];
  if (own) return { src: own, language };
  const other = video.subtitles?.[fallback];
  return other ? { src: other, language: fallback } : undefined;
}
