/**
 * Writes core/content/font-coverage.ts: the code points each bundled font family draws, read
 * with fontkit from the font files that the renderer's font stylesheets load (those that
 * renderer/main.tsx imports), each file limited to its `@font-face` rule's unicode-range, as a
 * browser takes it. The validator reads that file, never node_modules, which a packaged kiosk may
 * not hold. Deterministic; run it after updating a font package:
 *
 *   npx tsx scripts/font-coverage.ts
 *
 * tests/unit/core/content/font-coverage.test.ts fails while the written file differs from the
 * fonts installed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { fontFileCoverage } from '../core/content/font-file.ts';
import { formatRanges, parseRanges, unionOf, type Coverage } from '../core/content/glyphs.ts';
import { BUNDLED_FONTS, type BundledFont } from '../core/content/languages.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the coverage is written. */
export const COVERAGE_FILE = path.join(root, 'core', 'content', 'font-coverage.ts');

/** What the coverage file holds: the font packages read, their stylesheets, and each family's ranges. */
export interface BundledCoverageData {
  packages: Record<string, string>;
  stylesheets: string[];
  families: Record<BundledFont, string>;
}

/** The bundled fonts' stylesheets that the renderer imports, as written there (`@fontsource-variable/source-sans-3/wght-italic.css`). */
export function importedStylesheets(): string[] {
  const main = fs.readFileSync(path.join(root, 'renderer', 'main.tsx'), 'utf8');
  const packages = Object.values(BUNDLED_FONTS) as string[];
  const specifiers = [...main.matchAll(/^import\s+'([^']+)';/gm)].map((m) => m[1]!);
  const stylesheets = specifiers.filter((s) => packages.some((p) => s === p || s.startsWith(`${p}/`)));
  for (const p of packages)
    if (!stylesheets.some((s) => s === p || s.startsWith(`${p}/`))) throw new Error(`renderer/main.tsx imports no stylesheet of ${p}`);
  return stylesheets;
}

/** Reads every font file the bundled stylesheets load, and what each family draws. */
export function measureBundledCoverage(): BundledCoverageData {
  const require = createRequire(path.join(root, 'package.json'));
  const stylesheets = importedStylesheets();
  const byFamily = new Map<BundledFont, Coverage[]>();
  for (const sheet of stylesheets) {
    const file = require.resolve(sheet);
    const css = fs.readFileSync(file, 'utf8');
    const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    if (faces.length === 0) throw new Error(`${sheet} has no @font-face rules`);
    for (const face of faces) {
      const family = /font-family:\s*['"]?([^;'"]+)['"]?\s*;/.exec(face)?.[1];
      if (!family || !Object.hasOwn(BUNDLED_FONTS, family)) throw new Error(`${sheet}: "${family}" is not a family of BUNDLED_FONTS`);
      const urls = [...face.matchAll(/url\((['"]?)([^)'"]+)\1\)/g)].map((m) => m[2]!);
      const woff2 = urls.find((u) => u.endsWith('.woff2')) ?? urls[0];
      if (!woff2) throw new Error(`${sheet}: a @font-face rule of ${family} loads no file`);
      const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
      const bytes = fs.readFileSync(path.resolve(path.dirname(file), woff2));
      const coverage = fontFileCoverage(bytes, range === undefined ? undefined : parseRanges(range));
      byFamily.set(family as BundledFont, [...(byFamily.get(family as BundledFont) ?? []), coverage]);
    }
  }
  const families = Object.fromEntries(
    (Object.keys(BUNDLED_FONTS) as BundledFont[]).map((family) => {
      const parts = byFamily.get(family);
      if (!parts) throw new Error(`no stylesheet the renderer imports loads ${family}`);
      return [family, formatRanges(unionOf(...parts))];
    }),
  ) as Record<BundledFont, string>;
  const packages = Object.fromEntries(
    Object.values(BUNDLED_FONTS).map((p) => [p, (require(`${p}/package.json`) as { version: string }).version]),
  );
  return { packages, stylesheets, families };
}

/** The coverage file's text for `data`, formatted as the repository's Prettier formats it. */
export async function coverageModule(data: BundledCoverageData): Promise<string> {
  const text = `/**
 * What the kiosk's bundled fonts draw: each family's code points as hexadecimal ranges
 * (\`first-last\` or one code point), read by \`parseRanges\` in \`glyphs.ts\`.
 *
 * Written by \`npx tsx scripts/font-coverage.ts\` from the font files; do not edit by hand.
 * tests/unit/core/content/font-coverage.test.ts fails while it differs from the fonts installed.
 *
 * Runs in Node and in the browser (data only).
 */
import type { BundledFont } from './languages.ts';

/** The font packages read (with their versions), the stylesheets of theirs the renderer loads, and each family's coverage. */
export const BUNDLED_COVERAGE: {
  readonly packages: Readonly<Record<string, string>>;
  readonly stylesheets: readonly string[];
  readonly families: { readonly [F in BundledFont]: string };
} = ${JSON.stringify(data, null, 2)};
`;
  return prettier.format(text, { ...(await prettier.resolveConfig(COVERAGE_FILE)), filepath: COVERAGE_FILE });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const text = await coverageModule(measureBundledCoverage());
  fs.writeFileSync(COVERAGE_FILE, text);
  console.log(`${path.relative(root, COVERAGE_FILE)}: ${text.length} bytes, in ${Date.now() - started} ms`);
}
