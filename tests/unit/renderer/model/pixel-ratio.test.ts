import { describe, expect, it } from 'vitest';
import { MIN_PIXEL_RATIO, PixelRatioGovernor } from '../../../../renderer/model/pixel-ratio.ts';

function frames(governor: PixelRatioGovernor, count: number, gapMs: number, start = 0): (number | null)[] {
  const changes: (number | null)[] = [];
  for (let i = 0; i < count; i += 1) changes.push(governor.frame(start + i * gapMs));
  return changes.filter((c) => c !== null);
}

describe('PixelRatioGovernor', () => {
  it('steps down under slow frames, never below 0.75', () => {
    const governor = new PixelRatioGovernor(2);
    expect(frames(governor, 100, 80)).toEqual([1.75, 1.5, 1.25, 1, 0.75]);
    expect(governor.value).toBe(MIN_PIXEL_RATIO);
  });

  it('keeps full sharpness while frames are fast', () => {
    const governor = new PixelRatioGovernor(1);
    expect(frames(governor, 60, 16)).toEqual([]);
    expect(governor.value).toBe(1);
  });

  it('steps back up during fast motion and returns to full sharpness at rest', () => {
    const governor = new PixelRatioGovernor(1.5);
    frames(governor, 30, 60);
    expect(governor.value).toBe(MIN_PIXEL_RATIO);
    expect(frames(governor, 9, 15, 10_000)).toEqual([1]);
    expect(governor.rest()).toBe(1.5);
    expect(governor.rest()).toBeNull();
  });

  it('does not take a pause between gestures for a slow frame', () => {
    const governor = new PixelRatioGovernor(1);
    for (let i = 0; i < 20; i += 1) expect(governor.frame(i * 2000)).toBeNull();
    expect(governor.value).toBe(1);
  });
});
