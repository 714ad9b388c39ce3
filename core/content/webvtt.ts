/**
 * Checking a film's subtitles: a WebVTT file parsed by the W3C validator's parser
 * (`webvtt-parser`), its cues in time order, each cue's text in WebVTT's own small markup and
 * short enough to read, and no cue past the film's end when its length is known.
 *
 * Runs in Node and in the browser.
 */
import webvtt, { type Cue } from 'webvtt-parser';
import { firstUndrawable, type Coverage } from './glyphs.ts';
import type { ContentProblem } from './problem-codes.ts';

/** The most characters a cue may hold: about two lines of subtitles, read in the seconds a cue is shown. */
export const MAX_CUE_CHARACTERS = 120;

/** A subtitle file read: its cues, or the problems (line numbers from 1) that stop it being shown. */
export interface SubtitleCheck {
  cues: Cue[];
  problems: { line: number; issue: ContentProblem }[];
}

const OUT_OF_ORDER = /^Start timestamp is not greater than or equal to start timestamp of previous cue/;
const BAD_TAG = /^(Incorrect start tag|Incorrect end tag|Required end tag missing|Only <v> and <lang> can have an annotation)/;

/** The line (from 1) of the next cue's timing line at or after line index `from`. */
function nextTimingLine(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) if (lines[i]!.includes('-->')) return i + 1;
  return from + 1;
}

/**
 * Checks the text of a WebVTT file; `duration` is the film's length in seconds, when known, and
 * `coverage` what the kiosk's fonts draw in the subtitles' language (the kiosk sets cues in its
 * own fonts), when a cue's characters are to be checked against it.
 */
export function checkSubtitles(text: string, duration?: number, coverage?: Coverage): SubtitleCheck {
  const parsed = new webvtt.WebVTTParser().parse(text);
  const problems: SubtitleCheck['problems'] = [];
  const lines = text.split(/\r\n|\r|\n/);
  // The parser counts a cue text's problems on the line after the text: they are named at the cue's timing line.
  const cueLine = (after: number): number => {
    for (let i = Math.min(after, lines.length) - 1; i >= 0; i -= 1) if (lines[i]!.includes('-->')) return i + 1;
    return after;
  };
  for (const error of parsed.errors) {
    if (/^No valid signature/.test(error.message)) return { cues: [], problems: [{ line: 1, issue: { code: 'subtitles-not-webvtt' } }] };
    if (OUT_OF_ORDER.test(error.message)) problems.push({ line: error.line, issue: { code: 'subtitles-out-of-order' } });
    else if (BAD_TAG.test(error.message)) problems.push({ line: cueLine(error.line - 1), issue: { code: 'subtitles-markup' } });
    else problems.push({ line: error.line, issue: { code: 'subtitles-invalid', detail: error.message } });
  }
  if (parsed.cues.length === 0 && problems.length === 0) problems.push({ line: 1, issue: { code: 'subtitles-empty' } });
  let from = 0;
  for (const cue of parsed.cues) {
    const line = nextTimingLine(lines, from);
    from = line;
    const characters = [
      ...cue.text
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ].length;
    if (characters > MAX_CUE_CHARACTERS)
      problems.push({ line, issue: { code: 'subtitles-cue-too-long', characters, maximum: MAX_CUE_CHARACTERS } });
    if (duration !== undefined && cue.startTime > duration + 0.5)
      problems.push({ line, issue: { code: 'subtitles-after-film', seconds: Math.round(duration) } });
    const undrawable = coverage && firstUndrawable(cue.text.replace(/<[^>]*>/g, ''), coverage);
    if (undrawable) problems.push({ line, issue: { code: 'text-undrawable', ...undrawable } });
  }
  problems.sort((a, b) => a.line - b.line);
  return { cues: parsed.cues, problems };
}
