/**
 * The operating system's speech voices, through the browser's speech synthesis: only voices on
 * this machine (core/speech.ts picks them), never one that sends the words to a server.
 */
import { pickVoice } from '../../core/speech.ts';
import type { SpokenPart } from './describe.ts';

const synth = (): SpeechSynthesis | undefined => (typeof window !== 'undefined' ? window.speechSynthesis : undefined);

/** Stops what is being said. */
export function hush(): void {
  synth()?.cancel();
}

/**
 * Says `parts` in turn, each in a voice for its language; a part no voice on this machine
 * reads is left unsaid (the kiosk shows the words as they are said). Returns how many parts
 * were given to a voice.
 */
export function say(parts: readonly SpokenPart[]): number {
  const engine = synth();
  if (!engine) return 0;
  engine.cancel();
  const voices = engine.getVoices();
  let spoken = 0;
  for (const part of parts) {
    const voice = pickVoice(voices, part.language);
    if (!voice) continue;
    const utterance = new SpeechSynthesisUtterance(part.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    engine.speak(utterance);
    spoken += 1;
  }
  return spoken;
}
