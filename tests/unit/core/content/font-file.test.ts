import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontFileCoverage } from '../../../../core/content/font-file.ts';
import { covers, firstUndrawable, parseRanges } from '../../../../core/content/glyphs.ts';

const SLICE = 'node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-cyrillic-wght-normal.woff2';

describe('the coverage of a font file', () => {
  it('reads the characters a real WOFF2 slice draws, and not the box it draws for the others', () => {
    const coverage = fontFileCoverage(fs.readFileSync(SLICE));
    expect(firstUndrawable('Трактор Дунфанхун №', coverage)).toBeUndefined();
    // Digits are in the Latin slice, not this one.
    expect(firstUndrawable('№1', coverage)).toEqual({ character: '1', codePoint: 'U+0031' });
    expect(covers(coverage, 0x4e2d)).toBe(false);
    expect(covers(coverage, 0x1f69c)).toBe(false);
    expect(covers(coverage, 0xffff)).toBe(false);
  });

  it('keeps to a unicode-range, as a browser takes from the file only what its @font-face rule gives it', () => {
    const bytes = fs.readFileSync(SLICE);
    const coverage = fontFileCoverage(bytes, parseRanges('U+0400-045F'));
    expect(covers(coverage, 'Ж'.codePointAt(0)!)).toBe(true);
    expect(covers(fontFileCoverage(bytes), 0x2116)).toBe(true);
    expect(covers(coverage, 0x2116)).toBe(false);
  });

  it('refuses bytes that are no font', () => {
    expect(() => fontFileCoverage(new TextEncoder().encode('WEBVTT\n\nnot a font'))).toThrow(/not a font file/);
  });
});
