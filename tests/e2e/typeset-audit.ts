import type { Page } from '@playwright/test';

/** Text a visitor reads as a heading, title, name, label or a quote set large: never hyphenated. */
const HEADINGS = [
  '.home-title',
  '.home-subtitle',
  '.tile-title',
  '.card-title',
  '.section-heading',
  '.panel-title',
  '.timeline-title',
  '.panel-quote blockquote',
  '.panel-quote figcaption',
  '.next-title',
  '.story-title',
  '.slide-title',
];
/** Running text: hyphenated in Russian, and in Chinese held to the last-line rule too. */
const BODY = [
  '.section-summary',
  '.rich-text p',
  '.rich-text li',
  '.caption',
  '.timeline-text',
  '.source-note',
  '.slide-caption',
  '.slide-transcript',
];
/** Names that no line may split, in any language. */
const NAMES = ['东方红-54', '东方红', '哈尔科夫', '洛阳', '涧西', 'DT-54', 'ДТ-54', 'Дунфанхун-54', '«Дунфанхун-54»'];

export interface Findings {
  softHyphens: string[];
  hyphenAtLineEnd: string[];
  splitNames: string[];
  lonelyLastLine: string[];
  checked: number;
}

/**
 * Lays every heading and body text of the screen in front out into lines, from the boxes of
 * its characters (Range.getClientRects), and reports what a reader would see wrong.
 */
export function inspectScreen(page: Page): Promise<Findings> {
  return page.evaluate(
    ({ headings, body, names }) => {
      const screen = document.querySelector('.screen:not([inert])') ?? document.body;
      const found: Findings = { softHyphens: [], hyphenAtLineEnd: [], splitNames: [], lonelyLastLine: [], checked: 0 };
      const letter = /[\p{L}\p{N}]/u;
      type Glyph = { ch: string; line: number };
      const layout = (el: Element): Glyph[] => {
        const glyphs: Glyph[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let previous: DOMRect | null = null;
        let line = 0;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (let i = 0; i < node.data.length;) {
            const size = node.data.codePointAt(i)! > 0xffff ? 2 : 1;
            const ch = node.data.slice(i, i + size);
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + size);
            i += size;
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            if (/\s/.test(ch) || rects.length === 0) continue;
            const rect = rects[rects.length - 1]!;
            if (previous && rect.top >= previous.bottom - previous.height * 0.25) line += 1;
            previous = rect;
            glyphs.push({ ch, line });
          }
        }
        return glyphs;
      };
      const where = (el: Element) =>
        `${el.className || el.tagName.toLowerCase()} [${el.closest('[lang]')?.getAttribute('lang')}] "${(el.textContent ?? '').replace(/\u00ad/g, '').slice(0, 48)}"`;
      const check = (el: Element, heading: boolean) => {
        if (el.getClientRects().length === 0 || el.closest('.visually-hidden')) return;
        found.checked += 1;
        const text = el.textContent ?? '';
        if (heading && text.includes('\u00ad')) found.softHyphens.push(where(el));
        const glyphs = layout(el);
        const lines = glyphs.length ? glyphs[glyphs.length - 1]!.line + 1 : 0;
        if (heading)
          for (let i = 0; i + 1 < glyphs.length; i += 1)
            if (glyphs[i + 1]!.line !== glyphs[i]!.line && /[-\u2010\u00ad]/.test(glyphs[i]!.ch))
              found.hyphenAtLineEnd.push(
                `${where(el)} at "${glyphs
                  .slice(Math.max(0, i - 6), i + 3)
                  .map((g) => g.ch)
                  .join('')}"`,
              );
        const joined = glyphs.map((g) => g.ch).join('');
        for (const name of names)
          for (let at = joined.indexOf(name); at >= 0; at = joined.indexOf(name, at + 1))
            if (glyphs[at]!.line !== glyphs[at + [...name].length - 1]!.line) found.splitNames.push(`${where(el)}: ${name}`);
        if (el.closest('[lang]')?.getAttribute('lang') === 'zh-Hans' && lines > 1) {
          const last = glyphs.filter((g) => g.line === lines - 1 && letter.test(g.ch));
          if (last.length < 2)
            found.lonelyLastLine.push(
              `${where(el)}: last line "${glyphs
                .filter((g) => g.line === lines - 1)
                .map((g) => g.ch)
                .join('')}"`,
            );
        }
      };
      for (const el of screen.querySelectorAll(headings.join(','))) check(el, true);
      for (const el of screen.querySelectorAll(body.join(','))) check(el, false);
      return found;
    },
    { headings: HEADINGS, body: BODY, names: NAMES },
  );
}
