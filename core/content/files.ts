/**
 * Confining file access to a root: what both hosts use to serve the renderer and a package's
 * files, so that no URL reaches anything outside them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

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
