/** The lowest pixel ratio the view drops to under load. */
export const MIN_PIXEL_RATIO = 0.75;
const STEP = 0.25;
/** Frames slower than this (about 30 fps) during motion make the view coarser. */
const SLOW_MS = 34;
/** Frames faster than this (about 50 fps) let it sharpen again while still moving. */
const FAST_MS = 20;
/** Frames to measure after each change before judging again. */
const WINDOW = 8;
/** A gap this long between frames means the view was at rest, not slow. */
const REST_GAP_MS = 250;

/**
 * Holds the frame rate during motion by trading sharpness: measures the time between drawn
 * frames while the view moves, steps the pixel ratio down (to 0.75) when frames are slow and up
 * when fast, and goes back to full sharpness once the view is still.
 */
export class PixelRatioGovernor {
  private current: number;
  private samples: number[] = [];
  private last = -1;

  constructor(private readonly max: number) {
    this.current = max;
  }

  get value(): number {
    return this.current;
  }

  /** Called on every drawn frame while the view moves; returns a new ratio, or null to keep it. */
  frame(now: number): number | null {
    const gap = this.last < 0 ? Infinity : now - this.last;
    this.last = now;
    if (gap > REST_GAP_MS) {
      this.samples = [];
      return null;
    }
    this.samples.push(gap);
    if (this.samples.length < WINDOW) return null;
    const mean = this.samples.reduce((a, b) => a + b, 0) / this.samples.length;
    this.samples = [];
    if (mean > SLOW_MS && this.current > MIN_PIXEL_RATIO) return this.set(this.current - STEP);
    if (mean < FAST_MS && this.current < this.max) return this.set(this.current + STEP);
    return null;
  }

  /** Called when the view comes to rest: full sharpness for the still picture, or null if already there. */
  rest(): number | null {
    this.samples = [];
    this.last = -1;
    return this.current === this.max ? null : this.set(this.max);
  }

  private set(value: number): number {
    this.current = Math.min(this.max, Math.max(MIN_PIXEL_RATIO, value));
    return this.current;
  }
}
