import { describe, expect, it } from 'vitest';
import { formatTime, fractionAt } from '../../../../renderer/media/time.ts';

describe('a film’s time and its bar', () => {
  it('writes times as a visitor reads them', () => {
    expect([0, 5.9, 65, 720, 3723, Number.NaN, -3].map(formatTime)).toEqual(['0:00', '0:05', '1:05', '12:00', '1:02:03', '0:00', '0:00']);
  });

  it('tells where along the bar a finger is, held to the bar’s ends', () => {
    expect(fractionAt(150, 100, 200)).toBe(0.25);
    expect(fractionAt(50, 100, 200)).toBe(0);
    expect(fractionAt(400, 100, 200)).toBe(1);
    expect(fractionAt(150, 100, 0)).toBe(0);
  });
});
