import type { CDPSession, Page } from '@playwright/test';

/** Real multi-touch through the DevTools protocol: Chromium turns these into touch and pointer events. */
export class Touch {
  private constructor(private readonly cdp: CDPSession) {}

  static async on(page: Page): Promise<Touch> {
    return new Touch(await page.context().newCDPSession(page));
  }

  private send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]) {
    return this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })) });
  }

  /**
   * Holds the fingers still before lifting them, as a visitor does at the end of a deliberate
   * gesture: a lift at speed starts a fling, and Chromium spends the next tap stopping it.
   */
  private async settle(points: { x: number; y: number }[]): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 60));
    await this.send('touchMove', points);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await this.send('touchEnd', []);
  }

  /** One finger from `from` to `to` in `steps` moves. */
  async swipe(from: { x: number; y: number }, to: { x: number; y: number }, steps = 8): Promise<void> {
    await this.send('touchStart', [from]);
    for (let i = 1; i <= steps; i += 1)
      await this.send('touchMove', [{ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }]);
    await this.settle([to]);
  }

  /** Two fingers around `center`, their distance going from `start` to `end` pixels. */
  async pinch(center: { x: number; y: number }, start: number, end: number, steps = 8): Promise<void> {
    const at = (d: number) => [
      { x: center.x - d / 2, y: center.y },
      { x: center.x + d / 2, y: center.y },
    ];
    await this.send('touchStart', at(start));
    for (let i = 1; i <= steps; i += 1) await this.send('touchMove', at(start + ((end - start) * i) / steps));
    await this.settle(at(end));
  }

  /** One finger held still at `point` for `ms`. */
  async hold(point: { x: number; y: number }, ms: number): Promise<void> {
    await this.send('touchStart', [point]);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await this.send('touchEnd', []);
  }

  /** Several fingers held still at `points` for `ms`. */
  async holdAll(points: { x: number; y: number }[], ms: number): Promise<void> {
    await this.send('touchStart', points);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await this.send('touchEnd', []);
  }

  /** One finger put down at `point` and left there, until `lift`. */
  async press(point: { x: number; y: number }): Promise<void> {
    await this.send('touchStart', [point]);
  }

  /** Lifts every finger. */
  async lift(): Promise<void> {
    await this.send('touchEnd', []);
  }

  /**
   * Two taps at one point as a finger makes them, the four events sent at once (awaiting each
   * lets a busy page space the taps by its own delay in handling them).
   */
  async quickDoubleTap(point: { x: number; y: number }): Promise<void> {
    await Promise.all([
      this.send('touchStart', [point]),
      this.send('touchEnd', []),
      this.send('touchStart', [point]),
      this.send('touchEnd', []),
    ]);
  }

  /** Two quick taps at one point. */
  async doubleTap(point: { x: number; y: number }): Promise<void> {
    for (let i = 0; i < 2; i += 1) {
      await this.send('touchStart', [point]);
      await this.send('touchEnd', []);
    }
  }
}
