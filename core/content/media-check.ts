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

/** Why a sound or film file cannot be played, or undefined when its container holds a real track. */
export async function mediaProblem(file: string, kind: Extract<MediaKind, 'audio' | 'video'>): Promise<ContentProblem | undefined> {
  try {
    const { format } = await parseFile(file, { duration: kind === 'audio', skipCovers: true });
    if (kind === 'audio') {
      if (!format.hasAudio || !format.duration || !Number.isFinite(format.duration) || format.duration <= 0) return { code: 'no-sound' };
      return undefined;
    }
    if (!format.hasVideo || !(format.trackInfo ?? []).length) return { code: 'no-film' };
    return undefined;
  } catch (error) {
    return { code: kind === 'audio' ? 'sound-damaged' : 'film-damaged', detail: (error as Error).message.split('\n')[0]! };
  }
}
