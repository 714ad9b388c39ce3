/**
 * The kiosk's log: JSON lines in `logs/kiosk.log` of the data directory, one event per line
 * with its time, level, name and fields (starts and stops, imports, crashes, recoveries, admin
 * unlocks). It rotates at a size limit and keeps a few files, so that months unattended never
 * fill the disk, and staff can copy it to a USB stick for whoever looks after the kiosk.
 *
 * Writes are synchronous: the line about a crash must be on disk before the process goes.
 * Logging never throws; a full or read-only disk must not take the kiosk down.
 *
 * Runs in Node.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { NOFOLLOW } from './content/files.ts';
import { ensureRealDir, writeFileNoFollow } from './fs-safe.ts';

/** How serious an event is: `error` for what visitors may have seen (a crash, the safe-mode page). */
export type LogLevel = 'info' | 'warn' | 'error';

/** Fields of a log line: anything JSON can carry; errors are written as name, message and stack. */
export type LogFields = Record<string, unknown>;

/** Where the kiosk's events go. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A logger that drops everything, for tests and tools that log nowhere. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** The log folder of a data directory. */
export function logDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/** The current file's name; older ones are `kiosk.1.log` (newest) to `kiosk.<keep-1>.log`. */
export const LOG_FILE = 'kiosk.log';

const rotatedName = (i: number) => (i === 0 ? LOG_FILE : `kiosk.${i}.log`);

/** Size limit, files kept, clock and fields common to every line. */
export interface RotatingLogOptions {
  /** Size at which the current file is rotated, bytes (1 MiB). */
  maxBytes?: number;
  /** Files kept, the current one included (5). */
  keep?: number;
  /** The wall clock for each line's time (logs may use it: they are not shown to visitors). */
  clock?: () => Date;
  /** Fields added to every line, like the host. */
  base?: LogFields;
}

const MAX_LINE = 16 * 1024;

function plain(value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, ...(value.stack ? { stack: value.stack.split('\n').slice(0, 12).join('\n') } : {}) };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** One line of JSON, never longer than `MAX_LINE`; the reserved keys cannot be overwritten by fields. */
export function formatLine(time: Date, level: LogLevel, event: string, fields: LogFields = {}): string {
  const { time: _t, level: _l, event: _e, ...rest } = fields;
  let line: string;
  try {
    line = JSON.stringify({ time: time.toISOString(), level, event, ...rest }, (_key, value: unknown) => plain(value));
  } catch {
    line = JSON.stringify({ time: time.toISOString(), level, event, unserializable: true });
  }
  if (line.length > MAX_LINE) line = JSON.stringify({ time: time.toISOString(), level, event, truncated: line.slice(0, MAX_LINE - 200) });
  return `${line}\n`;
}

/** The kiosk's rotating log file in `dataDir/logs`. */
export class RotatingLog implements Logger {
  readonly dir: string;
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly clock: () => Date;
  private readonly base: LogFields;
  private failed = false;

  constructor(dataDir: string, options: RotatingLogOptions = {}) {
    this.dir = logDir(dataDir);
    this.file = path.join(this.dir, LOG_FILE);
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = Math.max(1, options.keep ?? 5);
    this.clock = options.clock ?? (() => new Date());
    this.base = options.base ?? {};
  }

  info(event: string, fields?: LogFields): void {
    this.write('info', event, fields);
  }

  warn(event: string, fields?: LogFields): void {
    this.write('warn', event, fields);
  }

  error(event: string, fields?: LogFields): void {
    this.write('error', event, fields);
  }

  /** Appends one line, rotating first when it would pass the size limit. */
  write(level: LogLevel, event: string, fields: LogFields = {}): void {
    const line = formatLine(this.clock(), level, event, { ...this.base, ...fields });
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      let size = 0;
      try {
        size = fs.statSync(this.file).size;
      } catch {
        // No file yet.
      }
      if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      // Appended without following a link: a log file that is one is refused, not written through.
      const fd = fs.openSync(this.file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | NOFOLLOW, 0o644);
      try {
        fs.writeSync(fd, line);
      } finally {
        fs.closeSync(fd);
      }
      this.failed = false;
    } catch (error) {
      if (!this.failed) console.error(`[kiosk log] cannot write ${this.file}: ${(error as Error).message}`);
      this.failed = true;
    }
  }

  private rotate(): void {
    fs.rmSync(path.join(this.dir, rotatedName(this.keep - 1)), { force: true });
    for (let i = this.keep - 2; i >= 0; i -= 1) {
      const from = path.join(this.dir, rotatedName(i));
      if (fs.existsSync(from)) fs.renameSync(from, path.join(this.dir, rotatedName(i + 1)));
    }
  }
}

/** The log files of a data directory that exist, newest first. */
export async function logFiles(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(logDir(dataDir));
  } catch {
    return [];
  }
  const index = (name: string) => (name === LOG_FILE ? 0 : Number(/^kiosk\.(\d+)\.log$/.exec(name)?.[1] ?? NaN));
  return names.filter((n) => Number.isInteger(index(n))).sort((a, b) => index(a) - index(b));
}

/** The folder on a stick that exported logs go into. */
export const EXPORT_DIR = 'kiosk-logs';

/**
 * Copies the kiosk's log files into the folder `kiosk-logs` of a stick (made if missing),
 * without following any link the stick holds, each flushed to the device so that a stick pulled
 * right after holds whole files. Returns the names written, newest first.
 */
export async function exportLogs(dataDir: string, stickDir: string): Promise<string[]> {
  const names = await logFiles(dataDir);
  const destDir = await ensureRealDir(stickDir, EXPORT_DIR);
  const written: string[] = [];
  for (const name of names) {
    await writeFileNoFollow(destDir, name, await fsp.readFile(path.join(logDir(dataDir), name)));
    written.push(name);
  }
  return written;
}
