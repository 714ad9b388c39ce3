import type { Page } from '@playwright/test';
import sharp from 'sharp';

type Rgb = [number, number, number];

/** WCAG 2 relative luminance of an sRGB colour (0–255 channels). */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface TextContrast {
  /** The worst contrast whatever is behind the loop: the text's own band composited over black and over white. */
  computed: number;
  /** The worst contrast against the pixels actually behind the text, the text itself hidden. */
  sampled: number;
  /** True when the text's box was the same after the shot as before it (the shot is of its box). */
  steady: boolean;
}

/**
 * How legible the text of `selector` is against what is behind it: from the computed colours of
 * the nearest background between the text and `root` (none there: 1, the text has no band of its
 * own), and from a screenshot of the text's box with the text hidden.
 */
export async function textContrast(page: Page, selector: string, root: string): Promise<TextContrast> {
  const probe = await page.evaluate(
    ({ selector, root }) => {
      const el = document.querySelector(selector)!;
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const [r, g, b, a = 1] = parse(getComputedStyle(el).color);
      let alpha = a;
      let band: number[] | null = null;
      for (let node: Element | null = el; node && !node.matches(root); node = node.parentElement) {
        alpha *= Number(getComputedStyle(node).opacity);
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (!band && bg.length && (bg[3] ?? 1) > 0) band = [bg[0]!, bg[1]!, bg[2]!, bg[3] ?? 1];
      }
      const box = el.getBoundingClientRect();
      return { text: [r!, g!, b!], alpha, band, box: { x: box.x, y: box.y, width: box.width, height: box.height } };
    },
    { selector, root },
  );
  const over = (fg: Rgb, a: number, bg: Rgb): Rgb => [0, 1, 2].map((i) => fg[i]! * a + bg[i]! * (1 - a)) as Rgb;
  let computed = 1;
  if (probe.band) {
    const [br, bgc, bb, ba] = probe.band as [number, number, number, number];
    computed = Math.min(
      ...(
        [
          [0, 0, 0],
          [255, 255, 255],
        ] as Rgb[]
      ).map((behind) => {
        const band = over([br, bgc, bb], ba, behind);
        return contrast(over(probe.text as Rgb, probe.alpha, band), band);
      }),
    );
  }
  // The page's policy allows no style sheet from a test; the CSS object model is allowed. The
  // text's parent is hidden too: the loop may replace the text element while the shot is taken.
  const hide = (on: boolean) =>
    page.evaluate(
      ({ selector, on }) => {
        const el = document.querySelector<HTMLElement>(selector)!;
        for (const node of [el, el.parentElement!]) {
          if (on) {
            node.style.setProperty('color', 'transparent', 'important');
            node.style.setProperty('text-shadow', 'none', 'important');
          } else {
            node.style.removeProperty('color');
            node.style.removeProperty('text-shadow');
          }
        }
      },
      { selector, on },
    );
  await hide(true);
  const shot = await page.screenshot({ clip: probe.box, animations: 'disabled', scale: 'css' });
  await hide(false);
  const after = await page.locator(selector).boundingBox();
  const steady = !!after && (['x', 'y', 'width', 'height'] as const).every((k) => Math.abs(after[k] - probe.box[k]) < 0.5);
  const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let sampled = Infinity;
  for (let i = 0; i < info.width * info.height * 3; i += 3) {
    sampled = Math.min(sampled, contrast(probe.text as Rgb, [data[i]!, data[i + 1]!, data[i + 2]!]));
  }
  return { computed, sampled, steady };
}
