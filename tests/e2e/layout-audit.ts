import type { Page } from '@playwright/test';

export interface AuditOptions {
  /** Portrait: every visitor control must start in the lower two thirds of the screen. */
  reach?: boolean;
  /** Controls left out of the reach rule (markers sit on the part of the model they name). */
  reachExempt?: string;
}

/**
 * What a visitor would see as broken on the screen now, measured line by line with ranges:
 * text cut off by a box that does not scroll (or by the screen's edge), text running under a
 * control or over other text, and (portrait) a control above the lower two thirds. Hidden,
 * inert and visually-hidden text is not looked at.
 */
export async function layoutProblems(page: Page, where: string, options: AuditOptions = {}): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const problems = await page.evaluate(({ reach, reachExempt }) => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const W = innerWidth;
    const H = innerHeight;
    const root = document.querySelector<HTMLElement>('.kiosk');
    if (!root) return ['no .kiosk on the page'];
    const out: string[] = [];
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls}`;
    };
    const quote = (s: string) => `"${s.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    const styles = new Map<Element, CSSStyleDeclaration>();
    const style = (el: Element) => {
      let s = styles.get(el);
      if (!s) styles.set(el, (s = getComputedStyle(el)));
      return s;
    };
    const shownCache = new Map<Element, boolean>();
    const shown = (el: Element | null): boolean => {
      if (!el) return true;
      let v = shownCache.get(el);
      if (v === undefined) {
        const s = style(el);
        v =
          !el.matches('[inert], .visually-hidden') &&
          s.display !== 'none' &&
          s.visibility !== 'hidden' &&
          s.opacity !== '0' &&
          shown(el.parentElement);
        shownCache.set(el, v);
      }
      return v;
    };
    const intersect = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const area = (b: Box) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
    const overlaps = (a: Box, b: Box, by: number) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > by && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > by;

    /** The part of a line a visitor can see, and whether a box that does not scroll cuts it. */
    type Limit = { box: Box; by: string; vertical: boolean };
    const limits = new Map<Element, Limit[]>();
    /** The boxes that clip an element's text, innermost first; below a scroller, only sideways. */
    const limitsOf = (el: Element): Limit[] => {
      let list = limits.get(el);
      if (list) return list;
      list = [];
      let scrollsY = false;
      for (let a: Element | null = el; a && a !== document.documentElement; a = a.parentElement) {
        const s = style(a);
        const clipsX = s.overflowX !== 'visible';
        const clipsY = s.overflowY !== 'visible';
        if (!clipsX && !clipsY) continue;
        const r = a.getBoundingClientRect();
        const canScrollY = (s.overflowY === 'auto' || s.overflowY === 'scroll') && a.scrollHeight > a.clientHeight + 1;
        list.push({
          box: { left: clipsX ? r.left : -1e6, right: clipsX ? r.right : 1e6, top: clipsY ? r.top : -1e6, bottom: clipsY ? r.bottom : 1e6 },
          by: name(a),
          vertical: !scrollsY && !canScrollY,
        });
        if (canScrollY) scrollsY = true;
      }
      list.push({ box: { left: 0, top: 0, right: W, bottom: H }, by: 'the screen', vertical: !scrollsY });
      limits.set(el, list);
      return list;
    };
    const visible = (el: Element, line: Box): { box: Box; cut: string | null } => {
      let box: Box = { ...line };
      let cut: string | null = null;
      const tol = 1.5;
      for (const { box: limit, by, vertical } of limitsOf(el)) {
        const outX = line.left < limit.left - tol || line.right > limit.right + tol;
        const outY = line.top < limit.top - tol || line.bottom > limit.bottom + tol;
        if (!cut && (outX || (vertical && outY))) cut = by;
        box = intersect(box, limit);
      }
      return { box, cut };
    };

    const lines: { owner: Element; box: Box; text: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (!text.trim()) continue;
      const owner = node.parentElement!;
      if (!shown(owner)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        const { box, cut } = visible(owner, r);
        if (cut) out.push(`${name(owner)} ${quote(text)} is cut off by ${cut}`);
        if (area(box) > 0) lines.push({ owner, box, text });
      }
      const clamp = style(owner).webkitLineClamp;
      if (clamp && clamp !== 'none' && owner.scrollHeight > owner.clientHeight + 1) out.push(`${name(owner)} ${quote(text)} is clamped`);
    }

    const controls = [...root.querySelectorAll<HTMLElement>('button, input, select, [role="slider"], a[href]')].filter(
      (c) => shown(c) && c.getClientRects().length > 0,
    );
    for (const line of lines)
      for (const c of controls) {
        if (c.contains(line.owner)) continue;
        const r = c.getBoundingClientRect();
        if (overlaps(line.box, r, 2))
          out.push(
            `${name(line.owner)} ${quote(line.text)} runs under the control ${name(c)} ${quote(c.getAttribute('aria-label') ?? c.textContent ?? '')}`,
          );
      }
    for (let i = 0; i < lines.length; i += 1)
      for (let j = i + 1; j < lines.length; j += 1) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.owner === b.owner || a.owner.contains(b.owner) || b.owner.contains(a.owner)) continue;
        if (overlaps(a.box, b.box, 3)) out.push(`${name(a.owner)} ${quote(a.text)} overlaps ${name(b.owner)} ${quote(b.text)}`);
      }
    if (reach)
      for (const c of controls) {
        if (reachExempt && c.closest(reachExempt)) continue;
        const r = c.getBoundingClientRect();
        if (r.top < H / 3 - 0.5)
          out.push(
            `${name(c)} ${quote(c.getAttribute('aria-label') ?? c.textContent ?? '')} is out of reach: its top is at ${Math.round(r.top)} px, above the lower two thirds (${Math.round(H / 3)} px)`,
          );
      }
    return [...new Set(out)];
  }, options);
  return problems.map((p) => `${where}: ${p}`);
}
