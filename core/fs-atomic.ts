/**
 * Replacing a small file so that a power cut leaves either the old or the new bytes, never a
 * mix: write a temporary file, fsync it, rename it over the old one, fsync the folder.
 * Renaming over an existing file is atomic on Linux and macOS and, through MoveFileEx, on
 * Windows; fsync of a folder is not possible on Windows, where it is skipped.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** Writes `data` to `file` atomically and durably. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
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
