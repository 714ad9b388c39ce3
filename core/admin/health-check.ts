/**
 * The on-screen health check after an install: the new content is shown, and the renderer must
 * say within a while that it loaded and drew its first screen. Silence counts as failure, so a
 * package that passes every check but cannot be shown (a renderer that hangs on it) is rolled
 * back by itself instead of leaving a blank exhibit.
 */

/** How long the renderer has to show new content before it is rolled back. */
export const HEALTH_TIMEOUT_MS = 30_000;

/** Waits for the renderer's word on the content it was just given; one install at a time. */
export class HealthCheck {
  private pending: ((ok: boolean) => void) | undefined;
  private expectedKey: string | undefined;

  constructor(
    private readonly timeoutMs: number = HEALTH_TIMEOUT_MS,
    private readonly log: (event: string, fields?: Record<string, unknown>) => void = () => {},
  ) {}

  /** Shows the new content (`show` returns its key) and waits for the renderer to say it drew; false on failure or silence. */
  async showAndCheck(show: () => Promise<{ key: string }>): Promise<boolean> {
    const waiting = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.timeoutMs);
      this.pending = (ok) => {
        clearTimeout(timer);
        resolve(ok);
      };
    });
    const { key } = await show();
    this.expectedKey = key;
    const ok = await waiting;
    this.pending = undefined;
    return ok;
  }

  /** The renderer's report on new content: loaded, model loaded, first screen drawn. Reports on other content are ignored. */
  report(key: string, ok: boolean, detail?: string): { ok: true } {
    if (this.pending && key === this.expectedKey) {
      this.log('content-health', { key, ok, detail });
      this.pending(ok);
    }
    return { ok: true };
  }
}
