/**
 * The code points a font file draws, read from its character map with fontkit (WOFF2, WOFF,
 * TrueType, OpenType and collections of them). `scripts/font-coverage.ts` writes the bundled
 * fonts' coverage with it at build time; a package that brings fonts of its own for a language
 * it adds can be read with it at validation time.
 *
 * Runs in Node (fontkit's Node build reads a Buffer).
 */
import * as fontkit from 'fontkit';
import { coverageOf, intersectionOf, unionOf, type Coverage } from './glyphs.ts';

/**
 * What the font in `bytes` draws: each code point its character map gives a real glyph (not
 * glyph 0, the box a font draws for what it lacks). With `unicodeRange` (a CSS `@font-face`
 * rule's), only the code points in it: a browser takes nothing else from that file.
 * Throws for bytes that are not a font fontkit reads.
 */
export function fontFileCoverage(bytes: Uint8Array, unicodeRange?: Coverage): Coverage {
  let opened: fontkit.Font | fontkit.FontCollection;
  try {
    opened = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new Error(`not a font file (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const fonts = 'fonts' in opened ? opened.fonts : [opened];
  const coverage = unionOf(...fonts.map((font) => coverageOf(font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp)))));
  return unicodeRange ? intersectionOf(coverage, unicodeRange) : coverage;
}
