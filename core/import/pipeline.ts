/**
 * Installing a content package from a stick: one pipeline for the kiosk and the CLI.
 *
 * 1. the signature, when the kiosk requires signed packages;
 * 2. exhibit.json and the manifest, before anything is copied;
 * 3. a copy to staging on the kiosk's own disk, every file hashed against the manifest as it
 *    is copied, with progress;
 * 4. the full validator on the copy;
 * 5. the complete version moved into place and synced, then the pointer replaced atomically;
 * 6. old versions pruned to the last three.
 *
 * An interruption anywhere (error, stick pulled out, full disk, power cut) leaves the pointer on
 * a complete version: the old one until step 5's rename of the pointer, the new one after.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ImportProgressView } from '../contract.ts';
import { syncDir, type FaultPoint } from '../fs-atomic.ts';
import { explainIoError, NOFOLLOW, readSmallFile } from '../content/files.ts';
import { DEFAULT_LIMITS } from '../content/limits.ts';
import { checkExhibitData, formatProblem, readExhibitJson, type Problem } from '../content/load.ts';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../content/manifest.ts';
import { manifestMessages, readManifest } from '../content/manifest-check.ts';
import { scanPackage } from '../content/scan.ts';
import { diskFree, noRoomFor, sizeProblem, validatePackage } from '../content/validate.ts';
import { extractZip, packageRootIn } from '../content/zip.ts';
import {
  confirmMessage,
  confirmReason,
  listVersions,
  readPointer,
  readStatus,
  stagingDir,
  tidy,
  versionsDir,
  writePointer,
  type ConfirmReason,
  type ExhibitVersion,
  type InstalledVersion,
} from './versions.ts';

/** Progress of the copy, as the admin screen's bar shows it, plus the file being copied. */
export interface ImportProgress extends ImportProgressView {
  file?: string;
}

export interface ImportOptions {
  /** A package folder or `.zip` (usually on a stick). */
  source: string;
  dataDir: string;
  /** Trusted public keys (PEM); when any is given, unsigned packages are refused. */
  trustedKeys?: readonly string[];
  /** Staff confirmed installing a version that is not newer than the active one. */
  allowSameOrOlder?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Before every file operation: tests inject failures and kills here. */
  fault?: FaultPoint;
  /** A monotonic clock in milliseconds (for the time-left estimate). */
  now?: () => number;
  /** The wall-clock time recorded in install.json (staff see it; visitors never do). */
  installedAt?: () => string;
  /** The exhibit built into the kiosk, on screen while nothing is installed (installing over it asks like over any other). */
  builtIn?: ExhibitVersion;
  /** How long one read from the stick may go unanswered before the import gives up (READ_TIMEOUT_MS). */
  readTimeoutMs?: number;
  /** Free bytes on the kiosk's disk; `fs.statfs` by default. */
  freeBytes?: (dir: string) => Promise<number>;
}

export type ImportResult =
  | { ok: true; installed: InstalledVersion; replaced: InstalledVersion | null }
  | { ok: false; problems: Problem[]; needsConfirmation?: NeedsConfirmation };

/** What staff are asked to confirm: the versions, and the exhibits when they differ. */
export interface NeedsConfirmation {
  active: string;
  incoming: string;
  reason: ConfirmReason;
  activeId: string;
  incomingId: string;
}

const fail = (file: string, message: string, place = ''): ImportResult => ({
  ok: false,
  problems: [{ file, place, message, severity: 'error' }],
});

const CHUNK = 4 * 1024 * 1024;
/** How long one 4 MB read from the stick may take (a slow USB 2 stick needs well under a second). */
export const READ_TIMEOUT_MS = 30_000;

/**
 * Copies one file from the stick while hashing it, in a single pass: the next chunk is read
 * and the last one written (in libuv's thread pool) while this thread hashes, so the stick is
 * read once and the hash costs no extra time. Reads at most one byte past `expected`, which is
 * enough to tell a file that grew. Returns the open copy, for the caller to sync and close.
 */
async function copyHashing(
  from: string,
  to: string,
  expected: number,
  onBytes: (bytes: number) => void,
  readTimeoutMs: number,
): Promise<{ file: fsp.FileHandle; size: number; sha256: string }> {
  const source = await fsp.open(from, fsp.constants.O_RDONLY | NOFOLLOW);
  let target: fsp.FileHandle | undefined;
  let writing: Promise<void> = Promise.resolve();
  try {
    target = await fsp.open(to, 'wx');
    const out = target;
    const hash = crypto.createHash('sha256');
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    const limit = expected + 1;
    let size = 0;
    let turn = 0;
    const read = (buffer: Buffer, length: number, position: number) =>
      answersWithin(source.read(buffer, 0, length, position), readTimeoutMs);
    let reading = read(buffers[0]!, Math.min(CHUNK, limit), 0);
    for (;;) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      const at = size;
      size += bytesRead;
      // The other buffer is free once its write has finished; read the next chunk into it.
      await writing;
      turn = 1 - turn;
      reading =
        size < limit
          ? read(buffers[turn]!, Math.min(CHUNK, limit - size), size)
          : Promise.resolve({ bytesRead: 0, buffer: buffers[turn]! });
      const chunk = buffer.subarray(0, bytesRead);
      writing = writeAll(out, chunk, at);
      hash.update(chunk);
      onBytes(bytesRead);
    }
    await writing;
    await source.close().catch(() => undefined);
    return { file: out, size, sha256: hash.digest('hex') };
  } catch (error) {
    await writing.catch(() => undefined);
    await target?.close().catch(() => undefined);
    // A read that never answered holds the stick's file: closing waits for it, so it is left to
    // close once the read ends (or the stick goes away).
    void source.close().catch(() => undefined);
    throw error;
  }
}

/**
 * A read from the stick, or ETIMEDOUT when it has not answered in `ms`: a stick that stops
 * answering without going away (a failing one, a hung driver) ends the import with a message
 * instead of freezing its progress. The read itself cannot be cancelled; it is left to finish
 * or fail on its own.
 */
function answersWithin<T>(operation: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer in ${Math.round(ms / 1000)} s`), { code: 'ETIMEDOUT' })), ms);
  });
  operation.catch(() => undefined);
  return Promise.race([operation, late]).finally(() => clearTimeout(timer));
}

async function writeAll(file: fsp.FileHandle, chunk: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < chunk.length) {
    const { bytesWritten } = await file.write(chunk, done, chunk.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * Copied files being flushed to the disk in the background while the copy goes on, a few at a
 * time (each holds its file open). `drain` waits for all and throws the first failure;
 * `abandon` closes whatever is left after an early return or an error.
 */
class SyncQueue {
  private readonly pending: Promise<void>[] = [];
  private failure: unknown;

  async add(file: fsp.FileHandle): Promise<void> {
    const job = file
      .sync()
      .finally(() => file.close())
      .catch((error: unknown) => {
        this.failure ??= error;
      });
    this.pending.push(job);
    if (this.pending.length >= 8) await this.pending.shift();
    if (this.failure) throw this.failure;
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending.splice(0));
    if (this.failure) throw this.failure;
  }

  async abandon(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }
}

/** Installs a package; never leaves a half-installed version active. */
export async function importPackage(options: ImportOptions): Promise<ImportResult> {
  const fault = options.fault ?? (() => {});
  const now = options.now ?? (() => performance.now());
  const report = (p: ImportProgress) => options.onProgress?.(p);
  const keys = options.trustedKeys ?? [];
  const { dataDir } = options;

  await fsp.mkdir(versionsDir(dataDir), { recursive: true });
  await fsp.mkdir(stagingDir(dataDir), { recursive: true });
  await tidy(dataDir);
  const work = path.join(stagingDir(dataDir), crypto.randomBytes(6).toString('hex'));
  const staged = path.join(work, 'package');
  let name: string | undefined;
  let replaced: InstalledVersion | null = null;

  /** The pointer is the truth: once it names the new version, the new version is installed. */
  const installedResult = async (): Promise<ImportResult | undefined> => {
    if (!name || (await readPointer(dataDir)) !== name) return undefined;
    await tidy(dataDir, fault).catch(() => undefined);
    const installed = (await listVersions(dataDir)).find((v) => v.name === name);
    return installed ? { ok: true, installed, replaced } : undefined;
  };

  try {
    report({ phase: 'checking', bytesDone: 0, bytesTotal: 0, filesDone: 0, filesTotal: 0, secondsLeft: null });
    const sourceStat = await fsp.lstat(options.source).catch(() => undefined);
    const isZip = sourceStat?.isFile() && options.source.toLowerCase().endsWith('.zip');
    const freeBytes = options.freeBytes ?? diskFree;
    let sourceRoot = options.source;
    await fault('create staging folder');
    await fsp.mkdir(work, { recursive: true });
    if (isZip) {
      await fault('unpack the zip');
      const unpacked = path.join(work, 'unpacked');
      await fsp.mkdir(unpacked);
      // Unpacked, then copied again into the version: room for both before a byte is written.
      const problems = await extractZip(options.source, unpacked, DEFAULT_LIMITS, path.basename(options.source), {
        beforeUnpack: (bytes) => noRoomFor(dataDir, 2 * bytes, freeBytes),
      });
      if (problems.length > 0) return { ok: false, problems };
      sourceRoot = await packageRootIn(unpacked);
    } else if (!sourceStat?.isDirectory()) {
      return fail(path.basename(options.source), 'cannot be found, or is neither a package folder nor a .zip');
    }

    // 1–2. Signature, manifest and exhibit.json, before copying anything; the manifest's paths
    // pass the package path rule before any of them is joined to a folder.
    const read = await readManifest(sourceRoot, DEFAULT_LIMITS, { trustedKeys: keys, required: true });
    if (!read.manifest) return { ok: false, problems: read.problems };
    const manifest = read.manifest;
    const exhibitRead = await readExhibitJson(sourceRoot);
    if (!exhibitRead.ok) return { ok: false, problems: [exhibitRead.problem] };
    const early = checkExhibitData(exhibitRead.data);
    if (!early.ok) return { ok: false, problems: early.problems };
    const exhibit = early.exhibit;
    if (manifest.package.id !== exhibit.id || manifest.package.version !== exhibit.version)
      return fail(MANIFEST_FILE, manifestMessages.otherPackage(manifest.package, exhibit), 'package');

    const { active } = await readStatus(dataDir);
    replaced = active;
    const onScreen = active ?? options.builtIn ?? null;
    const reason = onScreen ? confirmReason(onScreen, exhibit) : undefined;
    if (onScreen && reason && !options.allowSameOrOlder)
      return {
        ok: false,
        needsConfirmation: { active: onScreen.version, incoming: exhibit.version, reason, activeId: onScreen.id, incomingId: exhibit.id },
        problems: [
          {
            file: 'exhibit.json',
            place: reason === 'other-exhibit' ? 'id' : 'version',
            message: confirmMessage(reason, onScreen, exhibit),
            severity: 'error',
          },
        ],
      };

    const scan = await scanPackage(sourceRoot, DEFAULT_LIMITS);
    if (scan.problems.length > 0) return { ok: false, problems: scan.problems };
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const file of scan.files.values()) {
      if (file.path !== MANIFEST_FILE && file.path !== SIGNATURE_FILE && !listed.has(file.path))
        return fail(file.path, manifestMessages.notListed);
      const tooLarge = sizeProblem(file, DEFAULT_LIMITS);
      if (tooLarge) return fail(file.path, tooLarge);
    }

    const bytesTotal = manifest.files.reduce((sum, f) => sum + f.size, 0);
    const noRoom = await noRoomFor(dataDir, bytesTotal, freeBytes);
    if (noRoom) return fail('.', noRoom);

    // 3. Copy with hashing, every byte checked against the manifest.
    const started = now();
    let bytesDone = 0;
    let filesDone = 0;
    const progress = (file?: string): ImportProgress => {
      const elapsed = (now() - started) / 1000;
      const rate = elapsed > 0.2 ? bytesDone / elapsed : 0;
      return {
        phase: 'copying',
        bytesDone,
        bytesTotal,
        filesDone,
        filesTotal: manifest.files.length,
        secondsLeft: rate > 0 ? Math.ceil((bytesTotal - bytesDone) / rate) : null,
        ...(file ? { file } : {}),
      };
    };
    report(progress());
    const madeDirs = new Set<string>();
    const syncs = new SyncQueue();
    try {
      for (const entry of manifest.files) {
        const from = path.join(sourceRoot, ...entry.path.split('/'));
        const to = path.join(staged, ...entry.path.split('/'));
        const dir = path.dirname(to);
        if (!madeDirs.has(dir)) {
          await fault(`create folder for ${entry.path}`);
          await fsp.mkdir(dir, { recursive: true });
          madeDirs.add(dir);
        }
        const grown = manifestMessages.larger(entry.size);
        const stat = await fsp.lstat(from).catch(() => undefined);
        if (!stat) return fail(entry.path, manifestMessages.missingFile(entry.size));
        if (!stat.isFile()) return fail(entry.path, manifestMessages.notRegular);
        if (stat.size > entry.size) return fail(entry.path, grown);
        await fault(`copy ${entry.path}`);
        let lastReport = 0;
        const copied = await copyHashing(
          from,
          to,
          entry.size,
          (bytes) => {
            bytesDone += bytes;
            const t = now();
            if (t - lastReport > 100) {
              lastReport = t;
              report(progress(entry.path));
            }
          },
          options.readTimeoutMs ?? READ_TIMEOUT_MS,
        );
        const mismatch =
          copied.size > entry.size
            ? grown
            : copied.size < entry.size
              ? manifestMessages.otherSize(copied.size, entry.size)
              : copied.sha256 !== entry.sha256
                ? manifestMessages.otherHash
                : undefined;
        if (mismatch) {
          await copied.file.close();
          return fail(entry.path, mismatch);
        }
        filesDone += 1;
        // Flushed to the disk while the next file is copied; all are awaited before validating.
        try {
          await fault(`fsync ${entry.path}`);
        } catch (error) {
          await copied.file.close();
          throw error;
        }
        await syncs.add(copied.file);
      }
      await syncs.drain();
    } finally {
      await syncs.abandon();
    }
    // The manifest as it was read and checked (not read again from the stick); the signature
    // is small and checked again by the validator below.
    await fault(`copy ${MANIFEST_FILE}`);
    await fsp.writeFile(path.join(staged, MANIFEST_FILE), read.bytes!, { flag: 'wx' });
    if (scan.files.has(SIGNATURE_FILE)) {
      await fault(`copy ${SIGNATURE_FILE}`);
      const signature = await readSmallFile(sourceRoot, SIGNATURE_FILE, DEFAULT_LIMITS.maxSignatureBytes);
      if (!('bytes' in signature))
        return fail(SIGNATURE_FILE, 'problem' in signature ? signature.problem : manifestMessages.missingSignature);
      await fsp.writeFile(path.join(staged, SIGNATURE_FILE), signature.bytes, { flag: 'wx' });
    }
    report({ ...progress(), phase: 'validating' });

    // 4. The full validator on the copy (hashes were checked while copying).
    const verdict = await validatePackage(staged, { trustedKeys: keys, requireManifest: true, hashesVerified: true });
    await verdict.cleanup();
    if (!verdict.ok) return { ok: false, problems: verdict.problems.filter((p) => p.severity === 'error') };

    // 5. Into place, synced; then the pointer.
    report({ ...progress(), phase: 'switching' });
    const sequence = ((await listVersions(dataDir))[0]?.sequence ?? 0) + 1;
    name = `${String(sequence).padStart(4, '0')}-${exhibit.id}-${exhibit.version}`.replace(/[^A-Za-z0-9._@-]/g, '_');
    const record = {
      id: exhibit.id,
      version: exhibit.version,
      sequence,
      installedAt: (options.installedAt ?? (() => new Date().toISOString()))(),
      source: path.basename(options.source),
      languages: verdict.languages ?? [],
      sections: exhibit.sections.length,
      stories: exhibit.stories.length,
    };
    await fault('write install.json');
    const recordFile = await fsp.open(path.join(work, 'install.json'), 'wx');
    try {
      await recordFile.writeFile(`${JSON.stringify(record, null, 2)}\n`);
      await recordFile.sync();
    } finally {
      await recordFile.close();
    }
    for (const dir of [...madeDirs, staged, work]) {
      await fault(`fsync folder ${path.relative(work, dir) || '.'}`);
      await syncDir(dir);
    }
    await fault('move the new version into place');
    await fsp.rename(work, path.join(versionsDir(dataDir), name));
    await fault('fsync the versions folder');
    await syncDir(versionsDir(dataDir));
    await writePointer(dataDir, name, fault);

    // 6. Keep the last three.
    const done = await installedResult();
    if (!done) throw new Error('the new version did not become active');
    report({ ...progress(), phase: 'done' });
    return done;
  } catch (error) {
    const done = await installedResult().catch(() => undefined);
    if (done) return done;
    const code = (error as NodeJS.ErrnoException).code;
    return fail(path.basename(options.source), `could not be installed: ${explainIoError(error)}${code ? ` [${code}]` : ''}`);
  } finally {
    await fsp.rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** One line per problem, for logs and the CLI. */
export function describeResult(result: ImportResult): string[] {
  return result.ok
    ? [`Installed "${result.installed.id}" ${result.installed.version}${result.replaced ? ` (replacing ${result.replaced.version})` : ''}.`]
    : result.problems.map(formatProblem);
}
