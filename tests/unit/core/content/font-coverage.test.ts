import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_COVERAGE } from '../../../../core/content/font-coverage.ts';
import { COVERAGE_FILE, coverageModule, measureBundledCoverage } from '../../../../scripts/font-coverage.ts';

describe('the bundled fonts’ coverage file', () => {
  it('is what the fonts installed draw, read again from their files (run `npx tsx scripts/font-coverage.ts` after a font update)', async () => {
    const measured = measureBundledCoverage();
    expect(BUNDLED_COVERAGE).toEqual(measured);
    expect(fs.readFileSync(COVERAGE_FILE, 'utf8')).toBe(await coverageModule(measured));
  }, 60_000);

  it('reads every font file of both bundled fonts, italics included', () => {
    expect(BUNDLED_COVERAGE.stylesheets).toEqual([
      '@fontsource-variable/noto-sans-sc',
      '@fontsource-variable/source-sans-3',
      '@fontsource-variable/source-sans-3/wght-italic.css',
    ]);
  });
});
