import { describe, expect, it } from 'vitest';
import { byteRange } from '../../../../core/serve/range.ts';

describe('byte ranges, as a film is read by parts', () => {
  it('gives the part asked for, held to the file’s end', () => {
    expect(byteRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(byteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });

  it('refuses a part past the end, and sends the whole file for no range, several or a malformed one', () => {
    expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    for (const header of [undefined, null, '', 'bytes=0-1,5-9', 'items=0-1', 'bytes=-', 'bytes=9-3'])
      expect(byteRange(header, 1000)).toBeUndefined();
  });
});
