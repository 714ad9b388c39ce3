/**
 * Looking inside a package's pictures, sound and film, not only at their first bytes: a header
 * can promise a small picture or an MP3 and be followed by anything. Pictures are decoded whole
 * (sharp, held to the pixel limit while decoding, so a small file that unpacks to a huge picture
 * is refused before its pixels are allocated); audio and video containers are parsed
 * (music-metadata) and must hold a real track.
 */
import sharp from 'sharp';
import { parseFile } from 'music-metadata';
import type { PackageLimits } from './limits.ts';
import type { ContentProblem } from './problem-codes.ts';
import type { MediaKind } from './sniff.ts';

/** Why a picture of `width` × `height` is too large to show, or undefined. */
export function pixelProblem(width: number, height: number, limits: PackageLimits): ContentProblem | undefined {
  if (width * height <= limits.maxPixels && Math.max(width, height) <= limits.maxImageSide) return undefined;
  return { code: 'picture-too-large', width, height, megapixels: Math.round(limits.maxPixels / 1e6), side: limits.maxImageSide };
}

/** Why a picture cannot be shown, or undefined when it decodes whole within the limits. */
export async function pictureProblem(file: string, limits: PackageLimits): Promise<ContentProblem | undefined> {
  try {
    const image = sharp(file, { limitInputPixels: limits.maxPixels, failOn: 'truncated', sequentialRead: true, animated: false });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) return { code: 'picture-size-not-decoded' };
    const tooLarge = pixelProblem(meta.width, meta.height, limits);
    if (tooLarge) return tooLarge;
    await image.resize(32, 32, { fit: 'inside' }).raw().toBuffer();
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) return { code: 'picture-decodes-too-large', megapixels: Math.round(limits.maxPixels / 1e6) };
    return { code: 'picture-damaged', detail: message.split('\n')[0]! };
  }
}

/** Video codecs Electron's Chromium plays everywhere, by the names music-metadata reads from the container. */
const FILM_CODECS_PLAYED = new Set(['<avc1>', '<avc3>', 'VP8', 'VP9', 'AV1', '<vp09>', '<av01>']);
/** Video codecs a package may hold in an MP4 that the kiosk cannot play, with the name staff know them by. */
const FILM_CODECS_REFUSED: Record<string, string> = {
  '<hvc1>': 'HEVC (H.265)',
  '<hev1>': 'HEVC (H.265)',
  '<dvh1>': 'Dolby Vision',
  '<dvhe>': 'Dolby Vision',
  '<mp4v>': 'MPEG-4 Part 2',
  '<ap4h>': 'Apple ProRes 4444',
  '<ap4x>': 'Apple ProRes 4444 XQ',
  '<apch>': 'Apple ProRes 422 HQ',
  '<apcn>': 'Apple ProRes 422',
  '<apcs>': 'Apple ProRes 422 LT',
  '<apco>': 'Apple ProRes 422 Proxy',
  '<mjpa>': 'Motion JPEG',
  '<jpeg>': 'Motion JPEG',
  '<s263>': 'H.263',
  '<dvh5>': 'DV',
};
/** Sound codecs Chromium plays, as music-metadata names them. */
const SOUND_CODECS_PLAYED = new Set(['MPEG-4/AAC', 'OPUS', 'VORBIS', 'MPEG 1 Layer 3', 'MP3', 'FLAC']);

/** What a film file holds that the kiosk cannot play: its first video or sound track of a codec Chromium lacks. */
function unplayableTrack(tracks: readonly { type?: number; codecName?: string }[]): ContentProblem | undefined {
  for (const track of tracks) {
    const codec = track.codecName ?? '';
    const refused = FILM_CODECS_REFUSED[codec];
    if (refused) return { code: 'film-codec-not-played', codec: refused };
    if (track.type === 1 && !FILM_CODECS_PLAYED.has(codec)) return { code: 'film-codec-not-played', codec: codec.replace(/[<>]/g, '') };
    if (track.type === 2 && !SOUND_CODECS_PLAYED.has(codec)) return { code: 'film-sound-not-played', codec };
    // An MP4's tracks carry no type: a sound codec is known by its name; text and timecode tracks are left be.
    if (track.type === undefined && /^(AC-3|E-AC-3|DTS|ALAC|PCM|LPCM)/i.test(codec)) return { code: 'film-sound-not-played', codec };
  }
  return undefined;
}

/**
 * Why a sound or film file cannot be played, or undefined when its container holds a real
 * track that Electron's Chromium plays (a film's codecs are read from the container, whatever
 * its name says) and it is not longer than the limit allows.
 */
export async function mediaProblem(
  file: string,
  kind: Extract<MediaKind, 'audio' | 'video'>,
  limits: PackageLimits,
): Promise<ContentProblem | undefined> {
  return (await readMedia(file, kind, limits)).problem;
}

/** What {@link mediaProblem} finds, with the length the container gives, in seconds, where it gives one. */
export async function readMedia(
  file: string,
  kind: Extract<MediaKind, 'audio' | 'video'>,
  limits: PackageLimits,
): Promise<{ problem?: ContentProblem; seconds?: number }> {
  try {
    const { format } = await parseFile(file, { duration: kind === 'audio', skipCovers: true });
    const length = format.duration;
    const seconds = length !== undefined && Number.isFinite(length) && length > 0 ? length : undefined;
    const found = (problem: ContentProblem | undefined) => ({
      ...(problem ? { problem } : {}),
      ...(seconds !== undefined ? { seconds } : {}),
    });
    if (seconds !== undefined && seconds > limits.maxMediaSeconds)
      return found({ code: 'media-too-long', seconds: Math.round(seconds), maximum: limits.maxMediaSeconds });
    if (kind === 'audio') return found(seconds === undefined || !format.hasAudio ? { code: 'no-sound' } : undefined);
    const tracks = format.trackInfo ?? [];
    if (!format.hasVideo || !tracks.length) return found({ code: 'no-film' });
    return found(unplayableTrack(tracks));
  } catch (error) {
    return { problem: { code: kind === 'audio' ? 'sound-damaged' : 'film-damaged', detail: (error as Error).message.split('\n')[0]! } };
  }
}
