/**
 * Replacing a small file so that a power cut leaves either the old or the new bytes, never a
 * mix: write a temporary file, fsync it, rename it over the old one, fsync the folder.
 * Renaming over an existing file is atomic on Linux and macOS and, through MoveFileEx, on
 * Windows; fsync of a folder is not possible on Windows, where it is skipped.
 */
import crypto from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Called before each file operation with its name; tests pass one that fails or kills the
 * process there, to prove that every interruption leaves whole content.
 */
export type FaultPoint = (operation: string) => void | Promise<void>;

const noFault: FaultPoint = () => {};

/** Writes `data` to `file` atomically and durably; `mode` is the new file's permissions. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, fault: FaultPoint = noFault, mode = 0o644): Promise<void> {
  const name = path.basename(file);
  // A fresh name for every write, made exclusively and never through a link: concurrent writers
  // of one file (the kiosk and the CLI) each have their own, and nothing already there is used.
  const temp = path.join(path.dirname(file), `.${name}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  await fault(`write ${name} (temporary)`);
  const handle = await fs.open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0), mode);
  try {
    await handle.writeFile(data);
    await fault(`fsync ${name} (temporary)`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fault(`rename ${name}`);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fault(`fsync the folder of ${name}`);
  await syncDir(path.dirname(file));
}

/** Flushes a folder's entries (new, renamed files) to disk, where the platform allows it. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
