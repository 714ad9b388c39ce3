/**
 * Lettering textures ("ДТ-54", "东方红") drawn by headless Chromium with the bundled
 * Noto Sans SC, on a transparent background, returned as WebP.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { launchForText } from './chromium.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = dirname(require.resolve('@fontsource-variable/noto-sans-sc/index.css'));

interface FontSlice {
  file: string;
  ranges: Array<[number, number]>;
  range: string;
}

/** The @font-face slices of the bundled font, with their unicode ranges. */
async function fontSlices(): Promise<FontSlice[]> {
  const css = await readFile(join(FONT_DIR, 'index.css'), 'utf8');
  const slices: FontSlice[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      const lo = parseInt(a ?? '0', 16);
      return [lo, b ? parseInt(b, 16) : lo] as [number, number];
    });
    slices.push({ file, ranges, range });
  }
  return slices;
}

/** @font-face rules, as data: URLs, for only the slices that cover the text. */
async function fontFaces(text: string): Promise<string> {
  const slices = await fontSlices();
  const needed = new Set<FontSlice>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const slice = slices.find((s) => s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
    if (!slice) throw new Error(`no font slice covers ${ch}`);
    needed.add(slice);
  }
  const rules: string[] = [];
  for (const s of needed) {
    const data = (await readFile(join(FONT_DIR, s.file))).toString('base64');
    rules.push(
      `@font-face{font-family:'Lettering';font-weight:100 900;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${s.range};}`,
    );
  }
  return rules.join('\n');
}

export interface LetteringSpec {
  text: string;
  color: string;
  width: number;
  height: number;
  /** CSS font size in px. */
  size: number;
  weight: number;
  letterSpacing?: string;
}

/** Renders each spec to a transparent WebP, in order. */
export async function renderLettering(specs: readonly LetteringSpec[]): Promise<Buffer[]> {
  const browser = await launchForText();
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const out: Buffer[] = [];
    for (const spec of specs) {
      await page.setViewportSize({ width: spec.width, height: spec.height });
      const faces = await fontFaces(spec.text);
      // letter-spacing also follows the last letter: take it back so the text stays centred
      const spacing = spec.letterSpacing ?? '0px';
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><style>${faces}
html,body{margin:0;background:transparent}
#t{width:${spec.width}px;height:${spec.height}px;display:flex;align-items:center;justify-content:center;
font-family:'Lettering';font-weight:${spec.weight};font-size:${spec.size}px;line-height:1;color:${spec.color};
white-space:nowrap}
#s{letter-spacing:${spacing};margin-right:calc(-1 * ${spacing})}</style><div id="t"><span id="s"></span></div>`,
      );
      await page.evaluate(
        `(async () => { const t = document.getElementById('s'); t.textContent = ${JSON.stringify(spec.text)};
          await document.fonts.load(${JSON.stringify(`${spec.weight} ${spec.size}px Lettering`)}, ${JSON.stringify(spec.text)});
          await document.fonts.ready;
          if (!document.fonts.check(${JSON.stringify(`${spec.weight} ${spec.size}px Lettering`)}, ${JSON.stringify(spec.text)})) throw new Error('font not loaded'); })()`,
      );
      const png = await page.locator('#t').screenshot({ omitBackground: true, type: 'png' });
      out.push(await sharp(png).webp({ lossless: true, effort: 6 }).toBuffer());
    }
    return out;
  } finally {
    await browser.close();
  }
}
