/**
 * The import's copy: every file the manifest lists, from the stick to staging on the kiosk's own
 * disk, hashed as it is copied and held to its manifest entry, with progress; then the manifest
 * as it was checked, and the signature. The stick is read once; a file that changed, grew or
 * went missing since the checks ends the copy with a finding, and a stick that stops answering
 * ends it with an error instead of a frozen progress bar.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { ImportProgressView } from '../contract.ts';
import { NOFOLLOW, readSmallFile } from '../content/files.ts';
import { DEFAULT_LIMITS } from '../content/limits.ts';
import { MANIFEST_FILE, SIGNATURE_FILE, type Manifest } from '../content/manifest.ts';
import type { FaultPoint } from '../fs-atomic.ts';
import { refuse, type ImportRefusal } from './findings.ts';

/** Progress of the copy, as the admin screen's bar shows it, plus the file being copied. */
export interface ImportProgress extends ImportProgressView {
  file?: string;
}

const CHUNK = 4 * 1024 * 1024;
/** How long one 4 MB read from the stick may take (a slow USB 2 stick needs well under a second). */
export const READ_TIMEOUT_MS = 30_000;

/** A package that passed the checks before copying: where it is, and the manifest it is held to. */
export interface CopySource {
  /** The package's folder: on the stick, or the zip unpacked in staging. */
  root: string;
  manifest: Manifest;
  /** The manifest's exact bytes, as they were read and checked (not read again from the stick). */
  manifestBytes: Buffer;
  /** Whether the package has a signature file to copy. */
  signed: boolean;
}

/** How the copy reports and where tests break it. */
export interface CopyOptions {
  fault: FaultPoint;
  /** A monotonic clock in milliseconds, for the time-left estimate. */
  now: () => number;
  report: (progress: ImportProgress) => void;
  readTimeoutMs: number;
}

/** A finished copy: the folders it made (to be synced) and the progress figures at its end. */
export interface VerifiedCopy {
  ok: true;
  dirs: string[];
  progress: () => ImportProgress;
}

/**
 * Copies `source` into `staged`, every byte checked against the manifest, every file flushed to
 * the disk before it returns; or the finding that stopped it. Failures of the file system throw.
 */
export async function copyVerified(source: CopySource, staged: string, options: CopyOptions): Promise<VerifiedCopy | ImportRefusal> {
  const { fault, now, report } = options;
  const { manifest } = source;
  const bytesTotal = manifest.files.reduce((sum, f) => sum + f.size, 0);
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
      const from = path.join(source.root, ...entry.path.split('/'));
      const to = path.join(staged, ...entry.path.split('/'));
      const dir = path.dirname(to);
      if (!madeDirs.has(dir)) {
        await fault(`create folder for ${entry.path}`);
        await fsp.mkdir(dir, { recursive: true });
        madeDirs.add(dir);
      }
      const stat = await fsp.lstat(from).catch(() => undefined);
      if (!stat) return refuse(entry.path, { code: 'file-missing', size: entry.size });
      if (!stat.isFile()) return refuse(entry.path, { code: 'not-regular' });
      if (stat.size > entry.size) return refuse(entry.path, { code: 'file-larger', size: entry.size });
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
        options.readTimeoutMs,
      );
      const mismatch =
        copied.size > entry.size
          ? refuse(entry.path, { code: 'file-larger', size: entry.size })
          : copied.size < entry.size
            ? refuse(entry.path, { code: 'file-other-size', size: copied.size, expected: entry.size })
            : copied.sha256 !== entry.sha256
              ? refuse(entry.path, { code: 'hash-mismatch' })
              : undefined;
      if (mismatch) {
        await copied.file.close();
        return mismatch;
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
  // is small and checked again by the validator after the copy.
  await fault(`copy ${MANIFEST_FILE}`);
  await fsp.writeFile(path.join(staged, MANIFEST_FILE), source.manifestBytes, { flag: 'wx' });
  if (source.signed) {
    await fault(`copy ${SIGNATURE_FILE}`);
    const signature = await readSmallFile(source.root, SIGNATURE_FILE, DEFAULT_LIMITS.maxSignatureBytes);
    if (!('bytes' in signature)) {
      if ('problem' in signature)
        return { ok: false, problems: [{ file: SIGNATURE_FILE, place: '', message: signature.problem, severity: 'error' }] };
      return refuse(SIGNATURE_FILE, { code: 'signature-missing' });
    }
    await fsp.writeFile(path.join(staged, SIGNATURE_FILE), signature.bytes, { flag: 'wx' });
  }
  return { ok: true, dirs: [...madeDirs], progress: () => progress() };
}

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
