/**
 * The staff PIN: six digits, kept as a scrypt hash in the data directory, with a lockout after
 * five wrong tries that grows each time and survives a restart. The clock is a parameter.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { writeFileAtomic } from '../fs-atomic.ts';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** Wrong tries allowed before a lockout. */
export const MAX_TRIES = 5;
/** The first lockout; each further one doubles, up to an hour. */
export const FIRST_LOCKOUT_MS = 60_000;
/** The longest lockout: an hour, so that staff who forgot the PIN are not locked out for the day. */
export const MAX_LOCKOUT_MS = 3_600_000;
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 };

const AdminFileSchema = z.object({
  pin: z.object({ salt: z.string(), hash: z.string(), N: z.number(), r: z.number(), p: z.number() }).nullable(),
  failures: z.number().int().nonnegative(),
  lockouts: z.number().int().nonnegative(),
  lockedUntil: z.number().nonnegative(),
});
type AdminFile = z.infer<typeof AdminFileSchema>;

/** The answer to a PIN attempt. */
export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  | { ok: false; reason: 'locked'; secondsLeft: number }
  | { ok: false; reason: 'no-pin' };

/** True when `pin` is six digits. */
export function isPinFormat(pin: string): boolean {
  return /^\d{6}$/.test(pin);
}

/** How long the `n`-th lockout lasts. */
export function lockoutMs(n: number): number {
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.max(0, n - 1));
}

/** The tail of each PIN file's queue in this process: one attempt at a time, in arrival order. */
const queues = new Map<string, Promise<unknown>>();

/** How long a lock file may stand before it is taken for one left by a process that died. */
const STALE_LOCK_MS = 30_000;

/**
 * Runs `work` holding the PIN file's lock: first in this process's queue, then an exclusive
 * lock file beside it, so that the kiosk and a CLI (or two kiosks on one data folder) never
 * read and write the failure count at once. A lock left by a process that died is taken over.
 */
async function withPinLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(file) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      const lock = `${file}.lock`;
      await fs.mkdir(path.dirname(file), { recursive: true });
      for (let attempt = 0; ; attempt += 1) {
        try {
          const handle = await fs.open(lock, 'wx');
          await handle.writeFile(JSON.stringify({ pid: process.pid, at: Date.now() }));
          await handle.close();
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          if (await staleLock(lock)) await fs.rm(lock, { force: true });
          else if (attempt > 400) throw new Error('The staff PIN is busy (another program holds its lock); try again.');
          else await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
      try {
        return await work();
      } finally {
        await fs.rm(lock, { force: true });
      }
    });
  queues.set(file, run);
  try {
    return await run;
  } finally {
    if (queues.get(file) === run) queues.delete(file);
  }
}

/** True when a lock file's process is gone, or it is older than a PIN check can take. */
async function staleLock(lock: string): Promise<boolean> {
  try {
    const { pid, at } = JSON.parse(await fs.readFile(lock, 'utf8')) as { pid?: number; at?: number };
    if (typeof at === 'number' && Date.now() - at > STALE_LOCK_MS) return true;
    if (typeof pid !== 'number') return false;
    if (pid === process.pid) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: no such process. A lock file still being written reads as bad JSON: not stale yet.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The PIN and its lockout state in `admin.json` of a data directory. */
export class PinStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.file = path.join(dataDir, 'admin.json');
  }

  private async read(): Promise<AdminFile> {
    try {
      return AdminFileSchema.parse(JSON.parse(await fs.readFile(this.file, 'utf8')));
    } catch {
      return { pin: null, failures: 0, lockouts: 0, lockedUntil: 0 };
    }
  }

  private async write(state: AdminFile): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(state, null, 2)}\n`);
  }

  /** True when a PIN has been set. */
  async isSet(): Promise<boolean> {
    return (await this.read()).pin !== null;
  }

  /** Sets the PIN (first time from the CLI; changing it needs the current one, checked by the caller). */
  async set(pin: string): Promise<void> {
    if (!isPinFormat(pin)) throw new Error('The PIN must be exactly six digits.');
    await withPinLock(this.file, () => this.setLocked(pin));
  }

  private async setLocked(pin: string): Promise<void> {
    const salt = crypto.randomBytes(16);
    const hash = await scrypt(pin, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p });
    const state = await this.read();
    await this.write({
      ...state,
      pin: { salt: salt.toString('base64'), hash: hash.toString('base64'), N: PARAMS.N, r: PARAMS.r, p: PARAMS.p },
      failures: 0,
      lockouts: 0,
      lockedUntil: 0,
    });
  }

  /**
   * Checks a PIN attempt, counting failures and locking out after five. Attempts are checked
   * one at a time under the PIN file's lock, however many arrive at once and from however many
   * processes, so every failure is counted before the next attempt is looked at.
   */
  check(pin: string): Promise<PinCheck> {
    return withPinLock(this.file, () => this.checkLocked(pin));
  }

  private async checkLocked(pin: string): Promise<PinCheck> {
    const state = await this.read();
    if (!state.pin) return { ok: false, reason: 'no-pin' };
    const now = this.now();
    if (state.lockedUntil > now) return { ok: false, reason: 'locked', secondsLeft: Math.ceil((state.lockedUntil - now) / 1000) };
    const { salt, hash, N, r, p } = state.pin;
    const expected = Buffer.from(hash, 'base64');
    const actual = isPinFormat(pin)
      ? await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, { N, r, p, maxmem: 64 * 1024 * 1024 })
      : Buffer.alloc(expected.length);
    if (isPinFormat(pin) && crypto.timingSafeEqual(actual, expected)) {
      if (state.failures > 0 || state.lockouts > 0) await this.write({ ...state, failures: 0, lockouts: 0, lockedUntil: 0 });
      return { ok: true };
    }
    const failures = state.failures + 1;
    if (failures >= MAX_TRIES) {
      const lockouts = state.lockouts + 1;
      const lockedUntil = now + lockoutMs(lockouts);
      await this.write({ ...state, failures: 0, lockouts, lockedUntil });
      return { ok: false, reason: 'locked', secondsLeft: Math.ceil(lockoutMs(lockouts) / 1000) };
    }
    await this.write({ ...state, failures });
    return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - failures };
  }
}
