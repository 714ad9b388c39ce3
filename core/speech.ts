/**
 * Which of the operating system's speech voices reads a language aloud in listening mode.
 *
 * Pure; runs in the browser (the renderer passes `speechSynthesis.getVoices()`) and in tests.
 */
import { LANGUAGE, type Language } from './content/languages.ts';

/** What the kiosk needs of a `SpeechSynthesisVoice`. */
export interface VoiceInfo {
  name: string;
  lang: string;
  /** False for a voice that sends the text to a server to be spoken: never used by an offline kiosk. */
  localService: boolean;
  default?: boolean;
}

const canonical = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

/**
 * The voice for `language`: one on this machine (never a network voice: nothing the visitor
 * touches may leave the kiosk) whose tag is one the language record lists, in the record's
 * order, the system's default voice first among equals. Undefined when none reads the
 * language: the kiosk then shows the words without speaking them.
 */
export function pickVoice<V extends VoiceInfo>(voices: readonly V[], language: Language): V | undefined {
  const wanted = LANGUAGE[language].voices.map(canonical);
  let best: { voice: V; rank: number } | undefined;
  for (const voice of voices) {
    if (!voice.localService) continue;
    const at = wanted.indexOf(canonical(voice.lang));
    if (at < 0) continue;
    const rank = at * 2 + (voice.default ? 0 : 1);
    if (!best || rank < best.rank) best = { voice, rank };
  }
  return best?.voice;
}
