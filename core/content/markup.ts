/**
 * The small markup allowed in rich text: paragraphs, emphasis and lists, nothing else.
 * One parser serves the validator (which refuses anything outside the set) and the renderer
 * (which builds elements from the tree, never from HTML strings).
 *
 * Runs in Node and in the browser.
 */

/** Tags a rich text may use. */
export const ALLOWED_TAGS = ['p', 'em', 'strong', 'ul', 'ol', 'li', 'br'] as const;
/** One of the tags a rich text may use; anything else is refused at validation. */
export type AllowedTag = (typeof ALLOWED_TAGS)[number];

/** A node of parsed rich text. */
export type MarkupNode = { kind: 'text'; text: string } | { kind: 'element'; tag: AllowedTag; children: MarkupNode[] };

/** The parse result: the tree, or the first problem in plain words. */
export type MarkupResult = { ok: true; nodes: MarkupNode[] } | { ok: false; error: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };
const NESTING: Record<AllowedTag, readonly string[]> = {
  p: ['root', 'li'],
  ul: ['root', 'li'],
  ol: ['root', 'li'],
  li: ['ul', 'ol'],
  em: ['root', 'p', 'li', 'strong'],
  strong: ['root', 'p', 'li', 'em'],
  br: ['root', 'p', 'li', 'em', 'strong'],
};

function decode(text: string): { ok: true; text: string } | { ok: false; error: string } {
  let bad: string | undefined;
  const out = text.replace(/&([a-z0-9#]+);?/gi, (whole, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined || !whole.endsWith(';')) bad ??= whole;
    return value ?? whole;
  });
  return bad ? { ok: false, error: `the entity "${bad}" is not allowed (use &amp; &lt; &gt; &quot; &#39;)` } : { ok: true, text: out };
}

/** Parses rich text, refusing any tag, attribute or entity outside the allowed set. */
export function parseMarkup(source: string): MarkupResult {
  const root: MarkupNode[] = [];
  const stack: { tag: AllowedTag | 'root'; children: MarkupNode[] }[] = [{ tag: 'root', children: root }];
  const tagRe = /<[^>]*>?/g;
  let last = 0;
  const pushText = (raw: string): string | undefined => {
    if (!raw) return undefined;
    const decoded = decode(raw);
    if (!decoded.ok) return decoded.error;
    const top = stack[stack.length - 1]!;
    if ((top.tag === 'ul' || top.tag === 'ol') && decoded.text.trim()) return `text directly inside <${top.tag}> must be in an <li>`;
    if (top.tag !== 'ul' && top.tag !== 'ol') top.children.push({ kind: 'text', text: decoded.text });
    return undefined;
  };
  for (let m = tagRe.exec(source); m; m = tagRe.exec(source)) {
    const textError = pushText(source.slice(last, m.index));
    if (textError) return { ok: false, error: textError };
    last = m.index + m[0].length;
    const token = m[0];
    const parsed = /^<(\/?)([a-z]+)\s*(\/?)>$/.exec(token);
    if (!parsed) {
      const name = /^<\/?\s*([a-zA-Z0-9-]+)/.exec(token)?.[1]?.toLowerCase();
      if (name && (ALLOWED_TAGS as readonly string[]).includes(name))
        return { ok: false, error: `the tag ${token} has attributes; only plain <${name}> is allowed` };
      return { ok: false, error: `the markup ${token.slice(0, 40)} is not allowed (only <p>, <em>, <strong>, <ul>, <ol>, <li>, <br>)` };
    }
    // The pattern matched, so all three groups are there (the slashes as '' when absent).
    const closing = parsed[1] === '/';
    const name = parsed[2]!;
    const selfClosing = parsed[3] === '/';
    if (!(ALLOWED_TAGS as readonly string[]).includes(name))
      return { ok: false, error: `the tag <${name}> is not allowed (only <p>, <em>, <strong>, <ul>, <ol>, <li>, <br>)` };
    const tag = name as AllowedTag;
    const top = stack[stack.length - 1]!;
    if (tag === 'br') {
      if (closing) return { ok: false, error: 'write <br> without a closing tag' };
      if (!NESTING.br.includes(top.tag)) return { ok: false, error: `<br> cannot stand inside <${top.tag}>` };
      top.children.push({ kind: 'element', tag, children: [] });
      continue;
    }
    if (selfClosing) return { ok: false, error: `<${tag}/> must have content and a closing tag` };
    if (closing) {
      if (top.tag !== tag)
        return { ok: false, error: `</${tag}> closes nothing open (expected ${top.tag === 'root' ? 'no closing tag' : `</${top.tag}>`})` };
      stack.pop();
      continue;
    }
    if (!NESTING[tag].includes(top.tag))
      return { ok: false, error: `<${tag}> cannot stand inside ${top.tag === 'root' ? 'the top level' : `<${top.tag}>`}` };
    const element: MarkupNode = { kind: 'element', tag, children: [] };
    top.children.push(element);
    stack.push({ tag, children: element.children });
  }
  const tail = source.slice(last);
  if (tail.includes('<')) return { ok: false, error: 'a "<" starts a tag that is never closed (write &lt; for a less-than sign)' };
  const textError = pushText(tail);
  if (textError) return { ok: false, error: textError };
  if (stack.length > 1) return { ok: false, error: `<${stack[stack.length - 1]!.tag}> is never closed` };
  return { ok: true, nodes: root };
}
