/**
 * Writing onto a USB stick (the import report, exported logs) without ever following a link the
 * stick holds. A stick can carry a symbolic link named like the report that points at a file of
 * the kiosk's user (`~/.profile`); a plain write would write through it. Here every folder is
 * checked to be a real folder on the stick, and every file is written as the data folder's are
 * (`writeFileAtomic`: made new and exclusively under a random name, renamed over its name), and
 * a rename replaces a link itself, never what it points to.
 *
 * On Linux the folder is held open and named through `/proc/self/fd`, so that it cannot be
 * swapped for a link between the check and the write.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { NOFOLLOW } from './content/files.ts';
import { writeFileAtomic } from './fs-atomic.ts';

/** A folder on a stick that has been checked, and the path through which to reach inside it. */
interface HeldDir {
  /** Where to join names: `/proc/self/fd/N` on Linux, the folder itself elsewhere. */
  base: string;
  close(): Promise<void>;
}

const DIRECTORY: number = fs.constants.O_DIRECTORY ?? 0;

async function holdDir(dir: string): Promise<HeldDir> {
  const stat = await fsp.lstat(dir);
  if (stat.isSymbolicLink() || !stat.isDirectory())
    throw Object.assign(new Error(`${dir} is not a real folder (a link or a file stands in its place)`), { code: 'ENOTDIR' });
  if (process.platform !== 'linux') return { base: dir, close: async () => {} };
  const handle = await fsp.open(dir, fs.constants.O_RDONLY | DIRECTORY | NOFOLLOW);
  const held = await handle.stat();
  if (held.ino !== stat.ino || held.dev !== stat.dev) {
    await handle.close();
    throw Object.assign(new Error(`${dir} changed while it was being opened`), { code: 'EAGAIN' });
  }
  return { base: `/proc/self/fd/${handle.fd}`, close: () => handle.close() };
}

/**
 * The folder `name` inside `parent` (itself a real folder), made when missing; refused when a
 * link, a file or anything but a real folder on the same device stands there.
 */
export async function ensureRealDir(parent: string, name: string): Promise<string> {
  const target = path.join(parent, name);
  const outer = await fsp.lstat(parent);
  try {
    await fsp.mkdir(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = await fsp.lstat(target);
  if (stat.isSymbolicLink() || !stat.isDirectory())
    throw Object.assign(new Error(`${target} is not a real folder (a link or a file stands in its place)`), { code: 'ENOTDIR' });
  if (stat.dev !== outer.dev) throw Object.assign(new Error(`${target} is on another device than ${parent}`), { code: 'EXDEV' });
  return target;
}

/**
 * Writes `data` as `name` in the real folder `dir`, replacing what was there (a file, or a
 * link, which is replaced and not followed), flushed so that a stick pulled right after holds
 * the whole file. Refuses when `name` is a folder.
 */
export async function writeFileNoFollow(dir: string, name: string, data: string | Uint8Array): Promise<void> {
  if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') throw new Error(`bad file name ${name}`);
  const held = await holdDir(dir);
  try {
    await writeFileAtomic(path.join(held.base, name), data);
  } finally {
    await held.close();
  }
}

/** Control and invisible characters (bidirectional overrides among them) that could disguise a text from a stick. */
const DISGUISING = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A text that came from a stick, made safe to write into a report: one line, escapes shown, at most `max` characters. */
export function escapeUntrusted(text: string, max = 300): string {
  const escaped = text.replace(DISGUISING, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
