/**
 * Confining file access to a root: what both hosts use to serve the renderer and a package's
 * files, so that no URL reaches anything outside them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { englishProblem, type ContentProblem } from './problem-codes.ts';

const refused = (issue: ContentProblem) => ({ problem: englishProblem(issue), issue });

/**
 * The real path of `relPath` inside `root`, or undefined when it is absent, not a regular
 * file, reached through a symbolic link, or outside the root.
 */
export async function resolveInside(root: string, relPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const parts = decoded.split('/').filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => p === '..' || p === '.')) return undefined;
  try {
    const realRoot = await fs.realpath(root);
    const target = path.join(realRoot, ...parts);
    const real = await fs.realpath(target);
    if (real !== target || !real.startsWith(realRoot + path.sep)) return undefined;
    const stat = await fs.lstat(real);
    return stat.isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** What a failed file operation means for staff, from the system's error code; undefined for a code with no such meaning. */
export type IoErrorKind = 'disk-full' | 'file-vanished' | 'stick-pulled' | 'stick-silent' | 'io-error' | 'permission-refused';

const IO_ERROR_KINDS: Record<string, IoErrorKind> = {
  ENOSPC: 'disk-full',
  ENOENT: 'file-vanished',
  ENOTCONN: 'stick-pulled',
  ENODEV: 'stick-pulled',
  ENXIO: 'stick-pulled',
  ECONNABORTED: 'stick-pulled',
  ETIMEDOUT: 'stick-silent',
  EIO: 'io-error',
  EACCES: 'permission-refused',
  EPERM: 'permission-refused',
};

/**
 * The one grouping of system error codes into what staff can act on: the English below and the
 * admin screen's codes (core/import/findings.ts) both come from it.
 */
export function ioErrorKind(error: unknown): IoErrorKind | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && Object.hasOwn(IO_ERROR_KINDS, code) ? IO_ERROR_KINDS[code] : undefined;
}

const IO_ERROR_WORDS: Record<IoErrorKind, string> = {
  'disk-full': 'the kiosk’s disk is full',
  'file-vanished': 'a file disappeared while it was being copied (was the stick pulled out?)',
  'stick-pulled': 'the stick went away while it was being read (was the stick pulled out?)',
  'stick-silent': 'the stick stopped answering (is it failing, or was it pulled out?)',
  'io-error': 'the stick or the disk could not be read or written (input/output error; was the stick pulled out?)',
  'permission-refused': 'permission was refused',
};

/** What a kind of failure means, in English words staff can act on. */
export function explainIoKind(kind: IoErrorKind): string {
  return IO_ERROR_WORDS[kind];
}

/** Why an error happened, in words staff can act on. */
export function explainIoError(error: unknown): string {
  const kind = ioErrorKind(error);
  return kind ? explainIoKind(kind) : (error as Error).message;
}

/** `O_NOFOLLOW` where the platform has it: opening a name that is a symbolic link fails. */
export const NOFOLLOW: number = fs.constants.O_NOFOLLOW ?? 0;

/** A small file of the package read whole, or why it cannot be: absent, not a regular file, or over `maxBytes`. */
export async function readSmallFile(
  root: string,
  name: string,
  maxBytes: number,
): Promise<{ bytes: Buffer } | { missing: true } | { problem: string; issue: ContentProblem }> {
  const full = path.join(root, name);
  let stat;
  try {
    stat = await fs.lstat(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return refused({ code: 'read-failed', detail: explainIoError(error) });
  }
  if (!stat.isFile()) return refused({ code: 'not-regular-file' });
  if (stat.size > maxBytes) return refused({ code: 'too-large', size: stat.size, maximum: maxBytes });
  let handle;
  try {
    handle = await fs.open(full, fs.constants.O_RDONLY | NOFOLLOW);
    const bytes = Buffer.alloc(stat.size);
    const { bytesRead } = await handle.read(bytes, 0, stat.size, 0);
    return { bytes: bytes.subarray(0, bytesRead) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refused({ code: 'read-failed', detail: `${explainIoError(error)}${code ? ` [${code}]` : ''}` });
  } finally {
    await handle?.close();
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.glb': 'model/gltf-binary',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The MIME type to serve a file with, by extension. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
