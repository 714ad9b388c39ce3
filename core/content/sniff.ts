/**
 * What a file really is, from its first bytes: pictures (with their size, read from the header
 * before any decoding), audio, video and glTF binaries.
 */
import fs from 'node:fs/promises';
import { imageSize } from 'image-size';

/** The kinds of media a package may reference. */
export type MediaKind = 'picture' | 'audio' | 'video' | 'subtitles' | 'model';

/** What the extension of a file promises. */
const EXTENSIONS: Record<string, { kind: MediaKind; format: string }> = {
  '.webp': { kind: 'picture', format: 'webp' },
  '.png': { kind: 'picture', format: 'png' },
  '.jpg': { kind: 'picture', format: 'jpg' },
  '.jpeg': { kind: 'picture', format: 'jpg' },
  '.mp3': { kind: 'audio', format: 'mp3' },
  '.ogg': { kind: 'audio', format: 'ogg' },
  '.m4a': { kind: 'audio', format: 'mp4' },
  '.mp4': { kind: 'video', format: 'mp4' },
  '.webm': { kind: 'video', format: 'webm' },
  '.vtt': { kind: 'subtitles', format: 'vtt' },
  '.glb': { kind: 'model', format: 'glb' },
};

/** The media kind and format an extension names, or undefined for an extension not allowed. */
export function expectedFormat(file: string): { kind: MediaKind; format: string } | undefined {
  const dot = file.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSIONS[file.slice(dot).toLowerCase()];
}

/** The format the bytes show, with a picture's pixel size. */
export interface Sniffed {
  format: string | undefined;
  width?: number;
  height?: number;
}

const HEAD_BYTES = 256 * 1024;

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  for (let i = 0; i < ascii.length; i += 1) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** Reads the start of a file and tells what it is. */
export async function sniffFile(file: string): Promise<Sniffed> {
  const handle = await fs.open(file, 'r');
  let head: Uint8Array;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return sniffBytes(head);
}

/** Tells what a file is from its first bytes. */
export function sniffBytes(head: Uint8Array): Sniffed {
  if (startsWith(head, 'glTF')) return { format: 'glb' };
  if (startsWith(head, 'WEBVTT') || startsWith(head, '\u00ef\u00bb\u00bfWEBVTT')) return { format: 'vtt' };
  if (startsWith(head, 'OggS')) return { format: 'ogg' };
  if (startsWith(head, 'ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return { format: 'mp3' };
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return { format: 'webm' };
  if (startsWith(head, 'ftyp', 4)) {
    const brand = String.fromCharCode(...head.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis' || brand === 'heic') return { format: brand };
    return { format: 'mp4' };
  }
  const isPicture =
    startsWith(head, '\u0089PNG') || (head[0] === 0xff && head[1] === 0xd8) || (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8));
  if (!isPicture) return { format: undefined };
  try {
    const size = imageSize(head);
    const format = size.type === 'jpg' ? 'jpg' : size.type;
    return { format, width: size.width, height: size.height };
  } catch {
    return { format: startsWith(head, '\u0089PNG') ? 'png' : startsWith(head, 'RIFF') ? 'webp' : 'jpg' };
  }
}
