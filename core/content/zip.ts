/**
 * Unpacking a package `.zip` safely: every name checked before anything is written, links and
 * special entries refused, sizes held to the limits from the central directory (zip bombs are
 * refused before a byte is inflated), and the bytes counted again while they inflate.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { formatBytes, type PackageLimits } from './limits.ts';
import type { Problem } from './load.ts';

const error = (file: string, message: string): Problem => ({ file, place: '', message, severity: 'error' });

/** Why a zip entry's name cannot be used, or undefined when it can. */
export function badEntryName(name: string): string | undefined {
  if (name.includes('\\')) return 'uses a backslash in its name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((p) => p === '..')) return 'leaves the package (its path contains "..")';
  if (/[\u0000-\u001f]/.test(name)) return 'has control characters in its name';
  return undefined;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true, decodeStrings: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('cannot open')) : resolve(zip),
    ),
  );
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))));
}

/** Unpacks `zipFile` into the empty folder `dest`; returns the problems (none when all went well). */
export async function extractZip(zipFile: string, dest: string, limits: PackageLimits, label = path.basename(zipFile)): Promise<Problem[]> {
  let zip: ZipFile;
  try {
    zip = await openZip(zipFile);
  } catch (e) {
    return [error(label, `is not a readable zip file (${(e as Error).message})`)];
  }
  try {
    let entries: Entry[];
    try {
      entries = await readEntries(zip);
    } catch (e) {
      return [error(label, `is a damaged zip file (${(e as Error).message})`)];
    }
    const problems: Problem[] = [];
    const files = entries.filter((e) => !e.fileName.endsWith('/'));
    if (files.length > limits.maxFiles) problems.push(error(label, `holds ${files.length} files, more than the ${limits.maxFiles} allowed`));
    let total = 0;
    const seen = new Set<string>();
    for (const entry of entries) {
      const name = entry.fileName;
      const bad = badEntryName(name);
      if (bad) {
        problems.push(error(`${label}: ${name}`, bad));
        continue;
      }
      const key = name.toLowerCase();
      if (seen.has(key)) problems.push(error(`${label}: ${name}`, 'appears twice in the zip'));
      seen.add(key);
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000) problems.push(error(`${label}: ${name}`, 'is a symbolic link; a package holds real files only'));
      else if (mode !== 0 && mode !== 0o100000 && mode !== 0o040000) problems.push(error(`${label}: ${name}`, 'is a special file, not a regular file'));
      if (name.endsWith('/')) continue;
      if (entry.uncompressedSize > limits.maxFileBytes)
        problems.push(error(`${label}: ${name}`, `unpacks to ${formatBytes(entry.uncompressedSize)}, more than the ${formatBytes(limits.maxFileBytes)} a file may be`));
      if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * limits.maxZipRatio)
        problems.push(error(`${label}: ${name}`, `unpacks ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times larger than it is packed: refused as a zip bomb`));
      total += entry.uncompressedSize;
    }
    if (total > limits.maxTotalBytes) problems.push(error(label, `unpacks to ${formatBytes(total)}, more than the ${formatBytes(limits.maxTotalBytes)} allowed`));
    if (problems.length > 0) return problems;

    for (const entry of entries) {
      const target = path.join(dest, ...entry.fileName.split('/').filter(Boolean));
      if (!target.startsWith(dest + path.sep)) return [error(`${label}: ${entry.fileName}`, 'leaves the package')];
      if (entry.fileName.endsWith('/')) {
        await fsp.mkdir(target, { recursive: true });
        continue;
      }
      await fsp.mkdir(path.dirname(target), { recursive: true });
      let written = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          written += chunk.length;
          if (written > entry.uncompressedSize) done(new Error('inflates past its declared size'));
          else done(null, chunk);
        },
      });
      try {
        await pipeline(await openStream(zip, entry), counter, fs.createWriteStream(target, { flags: 'wx' }));
      } catch (e) {
        return [error(`${label}: ${entry.fileName}`, `cannot be unpacked (${(e as Error).message})`)];
      }
    }
    return [];
  } finally {
    zip.close();
  }
}

/** The package root inside an unpacked zip: the top, or its single folder holding `exhibit.json`. */
export async function packageRootIn(dir: string): Promise<string> {
  if (fs.existsSync(path.join(dir, 'exhibit.json'))) return dir;
  const entries = (await fsp.readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('__MACOSX'));
  const only = entries.length === 1 && entries[0]!.isDirectory() ? path.join(dir, entries[0]!.name) : undefined;
  return only && fs.existsSync(path.join(only, 'exhibit.json')) ? only : dir;
}
