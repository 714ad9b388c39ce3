/**
 * Reading a file a host serves without following a link out of its root. A file is found by
 * `resolveInside` (core/content/files.ts, the rule the content store uses too): its real path
 * must be the path asked for, inside the root, so no link anywhere on the way is followed; then
 * it is opened with `O_NOFOLLOW`, so a link put in its place since is refused rather than
 * followed, and with `O_NONBLOCK`, so a FIFO put there cannot hang the host.
 *
 * Under Electron the renderer and the built-in package live inside the app's asar archive,
 * which only the path-based calls of `node:fs` can read (and check against the archive's
 * integrity hashes); `readServedFile` keeps to those. The browser host never runs from an
 * archive and streams through a held file handle instead.
 *
 * Runs in Node.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import { NOFOLLOW, resolveInside } from '../content/files.ts';
import type { ByteRange } from './range.ts';

/** A regular file found inside a root, by its real path. */
export interface ServedFile {
  path: string;
  size: number;
}

const READ_FLAGS: number = fs.constants.O_RDONLY | NOFOLLOW | (fs.constants.O_NONBLOCK ?? 0);

/** The regular file at `real` (a path `resolveInside` returned), or undefined when it is not one. */
export async function servedFile(real: string): Promise<ServedFile | undefined> {
  try {
    const stat = await fsp.lstat(real);
    return stat.isFile() ? { path: real, size: stat.size } : undefined;
  } catch {
    return undefined;
  }
}

/** The regular file named by the decoded `segments` inside `root`, or undefined when there is none there. */
export async function findInside(root: string, segments: readonly string[]): Promise<ServedFile | undefined> {
  // resolveInside takes a URL path and decodes it: encoding the decoded names gives it back exactly them.
  const real = await resolveInside(root, segments.map((s) => encodeURIComponent(s)).join('/'));
  return real === undefined ? undefined : servedFile(real);
}

/** The whole file, read by path (so that it also reads inside an asar archive), never through a link. */
export async function readServedFile(file: ServedFile): Promise<Buffer> {
  return fsp.readFile(file.path, { flag: READ_FLAGS });
}

/**
 * The file (or its bytes `range`) opened for streaming, with the length that is sent, or undefined when what is there now
 * is not a regular file. The stream closes the handle when it ends or fails.
 */
export async function openServedFile(file: ServedFile, range?: ByteRange): Promise<{ size: number; stream: Readable } | undefined> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file.path, READ_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return undefined;
    }
    if (stat.size === 0) {
      await handle.close();
      return { size: 0, stream: Readable.from([]) };
    }
    // No more than the size sent as its length, should the file grow while it is read.
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? stat.size - 1, stat.size - 1);
    if (start > end) {
      await handle.close();
      return undefined;
    }
    return { size: end - start + 1, stream: handle.createReadStream({ start, end, autoClose: true }) };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
