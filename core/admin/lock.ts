/**
 * The admin screen's lock: the staff PIN opens it, and it closes again by itself after ten
 * minutes without a request, so a screen left open does not stay open for the next visitor.
 * Every admin request but the unlock is refused while it is closed. The clock is a parameter.
 */
import { ContractError, type UnlockResult } from '../contract.ts';
import type { PinStore } from './pin.ts';

/** How long the admin screen stays unlocked without a request. */
export const ADMIN_TIMEOUT_MS = 10 * 60_000;

/** Whether the admin screen is open, and since when it was last used. */
export class AdminLock {
  private unlockedAt: number | null = null;

  constructor(
    private readonly pins: Pick<PinStore, 'check'>,
    private readonly now: () => number,
    private readonly log: (event: string, fields?: Record<string, unknown>) => void = () => {},
  ) {}

  /** True while the admin screen is open and in use. */
  get unlocked(): boolean {
    return this.unlockedAt !== null && this.now() - this.unlockedAt < ADMIN_TIMEOUT_MS;
  }

  /** Throws unless unlocked; each admin request keeps it open. The refusal is a protocol error, for logs, never shown to staff. */
  requireUnlocked(channel: string): void {
    if (!this.unlocked) {
      this.unlockedAt = null;
      throw new ContractError(`${channel}: refused, the admin screen is locked`);
    }
    this.unlockedAt = this.now();
  }

  /** Checks a PIN (with its lockout) and opens the admin screen when it is right. */
  async unlock(pin: string): Promise<UnlockResult> {
    const result = await this.pins.check(pin);
    this.log(result.ok ? 'admin-unlocked' : 'admin-unlock-refused', result.ok ? {} : { reason: result.reason });
    if (result.ok) this.unlockedAt = this.now();
    return result;
  }

  /** Closes the admin screen. */
  lock(): { ok: true } {
    this.unlockedAt = null;
    return { ok: true };
  }
}
