import { describe, expect, it } from 'vitest';
import { checkSubtitles, MAX_CUE_CHARACTERS } from '../../../../core/content/webvtt.ts';

const cue = (start: string, end: string, text: string) => `${start} --> ${end}\n${text}\n`;
const vtt = (...cues: string[]) => `WEBVTT\n\n${cues.join('\n')}`;

describe('checking a film’s subtitles (WebVTT)', () => {
  it('reads a good file: its cues with their times and text, and no problem', () => {
    const result = checkSubtitles(vtt(cue('00:00:00.500', '00:00:03.000', '第一句'), cue('00:00:03.000', '00:00:06.000', '<i>第二句</i>')));
    expect(result.problems).toEqual([]);
    expect(result.cues.map((c) => [c.startTime, c.endTime, c.text])).toEqual([
      [0.5, 3, '第一句'],
      [3, 6, '<i>第二句</i>'],
    ]);
  });

  it('refuses a file without the WEBVTT line, at line 1', () => {
    expect(checkSubtitles('1\n00:00:00,000 --> 00:00:01,000\nSRT text\n').problems).toEqual([
      { line: 1, issue: { code: 'subtitles-not-webvtt' } },
    ]);
  });

  it('names the line of a cue that starts before the one above it', () => {
    const text = vtt(cue('00:00:05.000', '00:00:06.000', 'later'), cue('00:00:01.000', '00:00:02.000', 'earlier'));
    expect(checkSubtitles(text).problems).toEqual([{ line: 6, issue: { code: 'subtitles-out-of-order' } }]);
  });

  it('refuses a tag WebVTT does not allow in a cue, naming the cue by its timing line', () => {
    const problems = checkSubtitles(vtt(cue('00:00:00.000', '00:00:01.000', 'a <script>x</script> b'))).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.line === 3 && p.issue.code === 'subtitles-markup')).toBe(true);
  });

  it('refuses a malformed timestamp with the parser’s words, and a file without a cue', () => {
    expect(checkSubtitles(vtt(cue('00:00:0.5', '00:00:01.000', 'x'))).problems[0]).toMatchObject({
      line: 3,
      issue: { code: 'subtitles-invalid' },
    });
    expect(checkSubtitles('WEBVTT\n\nNOTE nothing here\n').problems).toEqual([{ line: 1, issue: { code: 'subtitles-empty' } }]);
  });

  it('refuses a cue too long to read while it is shown, and one that starts after the film', () => {
    const long = 'слово '.repeat(30).trim();
    expect([...long].length).toBeGreaterThan(MAX_CUE_CHARACTERS);
    const text = vtt(cue('00:00:00.000', '00:00:04.000', long), cue('00:00:30.000', '00:00:31.000', 'late'));
    expect(checkSubtitles(text, 10).problems).toEqual([
      { line: 3, issue: { code: 'subtitles-cue-too-long', characters: [...long].length, maximum: MAX_CUE_CHARACTERS } },
      { line: 6, issue: { code: 'subtitles-after-film', seconds: 10 } },
    ]);
  });
});
