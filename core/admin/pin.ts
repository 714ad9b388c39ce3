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

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** Wrong tries allowed before a lockout. */
export const MAX_TRIES = 5;
/** The first lockout; each further one doubles, up to an hour. */
export const FIRST_LOCKOUT_MS = 60_000;
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
export type PinCheck = { ok: true } | { ok: false; reason: 'wrong'; triesLeft: number } | { ok: false; reason: 'locked'; secondsLeft: number } | { ok: false; reason: 'no-pin' };

/** True when `pin` is six digits. */
export function isPinFormat(pin: string): boolean {
  return /^\d{6}$/.test(pin);
}

/** How long the `n`-th lockout lasts. */
export function lockoutMs(n: number): number {
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.max(0, n - 1));
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
    const salt = crypto.randomBytes(16);
    const hash = await scrypt(pin, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p });
    const state = await this.read();
    await this.write({ ...state, pin: { salt: salt.toString('base64'), hash: hash.toString('base64'), N: PARAMS.N, r: PARAMS.r, p: PARAMS.p }, failures: 0, lockouts: 0, lockedUntil: 0 });
  }

  /** Checks a PIN attempt, counting failures and locking out after five. */
  async check(pin: string): Promise<PinCheck> {
    const state = await this.read();
    if (!state.pin) return { ok: false, reason: 'no-pin' };
    const now = this.now();
    if (state.lockedUntil > now) return { ok: false, reason: 'locked', secondsLeft: Math.ceil((state.lockedUntil - now) / 1000) };
    const { salt, hash, N, r, p } = state.pin;
    const expected = Buffer.from(hash, 'base64');
    const actual = isPinFormat(pin) ? await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, { N, r, p, maxmem: 64 * 1024 * 1024 }) : Buffer.alloc(expected.length);
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
