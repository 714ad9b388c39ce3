import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../core/content/limits.ts';
import { mediaProblem } from '../../../../core/content/media-check.ts';
import { mediaFixture } from '../../../fixtures/make-package.ts';

describe('films and recordings, read from their containers (not their names)', () => {
  it('accepts what the kiosk’s Chromium plays: H.264 with AAC in MP4, VP9 with Opus and AV1 in WebM, MP3', async () => {
    for (const name of ['h264-aac.mp4', 'vp9-opus.webm', 'av1.webm'])
      expect(await mediaProblem(mediaFixture(name), 'video', DEFAULT_LIMITS), name).toBeUndefined();
    expect(await mediaProblem(mediaFixture('narration-ru.mp3'), 'audio', DEFAULT_LIMITS)).toBeUndefined();
  });

  it('refuses HEVC and ProRes video, naming the codec as staff know it', async () => {
    expect(await mediaProblem(mediaFixture('hevc.mp4'), 'video', DEFAULT_LIMITS)).toEqual({
      code: 'film-codec-not-played',
      codec: 'HEVC (H.265)',
    });
    expect(await mediaProblem(mediaFixture('prores.mp4'), 'video', DEFAULT_LIMITS)).toMatchObject({
      code: 'film-codec-not-played',
      codec: expect.stringMatching(/^Apple ProRes/),
    });
  });

  it('refuses a film whose sound Chromium cannot play (AC-3)', async () => {
    expect(await mediaProblem(mediaFixture('h264-ac3.mp4'), 'video', DEFAULT_LIMITS)).toEqual({
      code: 'film-sound-not-played',
      codec: 'AC-3',
    });
  });

  it('refuses a film longer than the limit, where its container gives its length', async () => {
    expect(await mediaProblem(mediaFixture('vp9-opus.webm'), 'video', { ...DEFAULT_LIMITS, maxMediaSeconds: 1 })).toEqual({
      code: 'media-too-long',
      seconds: 2,
      maximum: 1,
    });
  });
});
