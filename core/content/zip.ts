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
import zlib from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { PackageLimits } from './limits.ts';
import { codedProblem, type Problem } from './load.ts';
import { packagePathIssue, pathClashes } from './package-path.ts';
import type { ContentProblem } from './problem-codes.ts';

const error = (file: string, issue: ContentProblem): Problem => codedProblem(file, '', issue);

/** Entries larger than this are held to the packing ratio one by one; all together always are. */
const RATIO_FROM_BYTES = 64 * 1024;

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true, decodeStrings: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('cannot open')) : resolve(zip)),
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
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))),
  );
}

/** What the caller decides once the zip's entries are known and before a byte is written. */
export interface ZipHooks {
  /** Given the bytes the zip unpacks to, a reason to refuse it (no room on the disk), or undefined. */
  beforeUnpack?: (totalBytes: number) => Promise<string | undefined>;
}

/** Unpacks `zipFile` into the empty folder `dest`; returns the problems (none when all went well). */
export async function extractZip(
  zipFile: string,
  dest: string,
  limits: PackageLimits,
  label = path.basename(zipFile),
  hooks: ZipHooks = {},
): Promise<Problem[]> {
  let zip: ZipFile;
  try {
    zip = await openZip(zipFile);
  } catch (e) {
    return [error(label, { code: 'zip-unreadable', detail: (e as Error).message })];
  }
  try {
    const zipBytes = (await fsp.stat(zipFile)).size;
    if (zip.entryCount > limits.maxFiles * 2)
      return [error(label, { code: 'zip-too-many-entries', count: zip.entryCount, maximum: limits.maxFiles })];
    let entries: Entry[];
    try {
      entries = await readEntries(zip);
    } catch (e) {
      // yauzl refuses some names itself while listing: say which entry, with the package path rule's words.
      const named = /^(?:invalid relative path|absolute path): (.*)$/.exec((e as Error).message);
      if (named) return [error(`${label}: ${named[1]}`, packagePathIssue(named[1]!) ?? { code: 'zip-bad-name' })];
      return [error(label, { code: 'zip-damaged', detail: (e as Error).message })];
    }
    const problems: Problem[] = [];
    const files = entries.filter((e) => !e.fileName.endsWith('/'));
    if (files.length > limits.maxFiles)
      problems.push(error(label, { code: 'zip-too-many-files', count: files.length, maximum: limits.maxFiles }));
    let total = 0;
    let packed = 0;
    const named: string[] = [];
    const folders: string[] = [];
    for (const entry of entries) {
      const name = entry.fileName;
      const bad = packagePathIssue(name, { folder: true });
      if (bad) {
        problems.push(error(`${label}: ${name}`, bad));
        continue;
      }
      const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
      if (mode === 0o120000) problems.push(error(`${label}: ${name}`, { code: 'symlink' }));
      else if (mode !== 0 && mode !== 0o100000 && mode !== 0o040000)
        problems.push(error(`${label}: ${name}`, { code: 'zip-special-file' }));
      if (name.endsWith('/')) {
        if (entry.uncompressedSize > 0 || mode === 0o100000) problems.push(error(`${label}: ${name}`, { code: 'zip-folder-holds-file' }));
        folders.push(name);
        continue;
      }
      named.push(name);
      if (entry.uncompressedSize > limits.maxFileBytes)
        problems.push(
          error(`${label}: ${name}`, { code: 'zip-entry-too-large', size: entry.uncompressedSize, maximum: limits.maxFileBytes }),
        );
      if (entry.uncompressedSize > RATIO_FROM_BYTES && entry.uncompressedSize > entry.compressedSize * limits.maxZipRatio)
        problems.push(
          error(`${label}: ${name}`, {
            code: 'zip-entry-bomb',
            ratio: Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize)),
          }),
        );
      total += entry.uncompressedSize;
      packed += entry.compressedSize;
    }
    for (const clash of pathClashes(named)) problems.push(error(`${label}: ${clash.path}`, clash.issue));
    const fileNames = new Set(named.map((n) => n.toLowerCase()));
    for (const folder of folders)
      if (fileNames.has(folder.slice(0, -1).toLowerCase())) problems.push(error(`${label}: ${folder}`, { code: 'zip-folder-file-name' }));
    if (total > limits.maxTotalBytes) problems.push(error(label, { code: 'zip-too-large', size: total, maximum: limits.maxTotalBytes }));
    // Held against the zip's own size too: entries can share one block of packed data.
    else if (total > RATIO_FROM_BYTES && total > Math.min(packed, zipBytes) * limits.maxZipRatio)
      problems.push(error(label, { code: 'zip-bomb', size: total, ratio: Math.round(total / Math.max(1, Math.min(packed, zipBytes))) }));
    if (problems.length > 0) return problems;
    const refusal = await hooks.beforeUnpack?.(total);
    if (refusal) return [{ file: label, place: '', message: refusal, severity: 'error' }];

    for (const entry of entries) {
      const target = path.join(dest, ...entry.fileName.split('/').filter(Boolean));
      if (!target.startsWith(dest + path.sep)) return [error(`${label}: ${entry.fileName}`, { code: 'zip-leaves' })];
      try {
        if (entry.fileName.endsWith('/')) {
          await fsp.mkdir(target, { recursive: true });
          continue;
        }
        await fsp.mkdir(path.dirname(target), { recursive: true });
        let written = 0;
        let crc = 0;
        // Sizes and the CRC-32 of what is unpacked, against what the zip declares: a damaged or
        // doctored entry is refused (yauzl checks neither the CRC nor, while streaming, the size).
        const counter = new Transform({
          transform(chunk: Buffer, _enc, done) {
            written += chunk.length;
            crc = zlib.crc32(chunk, crc);
            if (written > entry.uncompressedSize) done(new Error('inflates past its declared size'));
            else done(null, chunk);
          },
          flush(done) {
            done(
              written !== entry.uncompressedSize
                ? new Error('is shorter than its declared size')
                : crc >>> 0 !== entry.crc32 >>> 0
                  ? new Error('its CRC-32 does not match: the zip is damaged')
                  : null,
            );
          },
        });
        await pipeline(await openStream(zip, entry), counter, fs.createWriteStream(target, { flags: 'wx' }));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return [
          error(
            `${label}: ${entry.fileName}`,
            code === 'ENOSPC' ? { code: 'zip-disk-full' } : { code: 'zip-unpack-failed', error: code ?? (e as Error).message },
          ),
        ];
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
