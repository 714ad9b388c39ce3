/**
 * The small markup allowed in rich text: paragraphs, emphasis and lists, nothing else.
 * One parser serves the validator (which refuses anything outside the set) and the renderer
 * (which builds elements from the tree, never from HTML strings).
 *
 * Runs in Node and in the browser.
 */
import { englishProblem, type MarkupProblem } from './problem-codes.ts';

/** Tags a rich text may use. */
export const ALLOWED_TAGS = ['p', 'em', 'strong', 'ul', 'ol', 'li', 'br'] as const;
/** One of the tags a rich text may use; anything else is refused at validation. */
export type AllowedTag = (typeof ALLOWED_TAGS)[number];

/** A node of parsed rich text. */
export type MarkupNode = { kind: 'text'; text: string } | { kind: 'element'; tag: AllowedTag; children: MarkupNode[] };

/** The parse result: the tree, or the first problem in plain words. */
export type MarkupResult = { ok: true; nodes: MarkupNode[] } | { ok: false; error: string; issue: MarkupProblem };

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

const fail = (issue: MarkupProblem): MarkupResult => ({ ok: false, error: englishProblem(issue), issue });

function decode(text: string): { ok: true; text: string } | { ok: false; issue: MarkupProblem } {
  let bad: string | undefined;
  const out = text.replace(/&([a-z0-9#]+);?/gi, (whole, name: string) => {
    const value = ENTITIES[name];
    if (value === undefined || !whole.endsWith(';')) bad ??= whole;
    return value ?? whole;
  });
  return bad ? { ok: false, issue: { code: 'markup-entity', entity: bad } } : { ok: true, text: out };
}

/** Parses rich text, refusing any tag, attribute or entity outside the allowed set. */
export function parseMarkup(source: string): MarkupResult {
  const root: MarkupNode[] = [];
  const stack: { tag: AllowedTag | 'root'; children: MarkupNode[] }[] = [{ tag: 'root', children: root }];
  const tagRe = /<[^>]*>?/g;
  let last = 0;
  const pushText = (raw: string): MarkupProblem | undefined => {
    if (!raw) return undefined;
    const decoded = decode(raw);
    if (!decoded.ok) return decoded.issue;
    const top = stack[stack.length - 1]!;
    if ((top.tag === 'ul' || top.tag === 'ol') && decoded.text.trim()) return { code: 'markup-text-in-list', tag: top.tag };
    if (top.tag !== 'ul' && top.tag !== 'ol') top.children.push({ kind: 'text', text: decoded.text });
    return undefined;
  };
  for (let m = tagRe.exec(source); m; m = tagRe.exec(source)) {
    const textError = pushText(source.slice(last, m.index));
    if (textError) return fail(textError);
    last = m.index + m[0].length;
    const token = m[0];
    const parsed = /^<(\/?)([a-z]+)\s*(\/?)>$/.exec(token);
    if (!parsed) {
      const name = /^<\/?\s*([a-zA-Z0-9-]+)/.exec(token)?.[1]?.toLowerCase();
      if (name && (ALLOWED_TAGS as readonly string[]).includes(name)) return fail({ code: 'markup-attributes', markup: token, tag: name });
      return fail({ code: 'markup-not-allowed', markup: token.slice(0, 40) });
    }
    // The pattern matched, so all three groups are there (the slashes as '' when absent).
    const closing = parsed[1] === '/';
    const name = parsed[2]!;
    const selfClosing = parsed[3] === '/';
    if (!(ALLOWED_TAGS as readonly string[]).includes(name)) return fail({ code: 'markup-tag-not-allowed', tag: name });
    const tag = name as AllowedTag;
    const top = stack[stack.length - 1]!;
    if (tag === 'br') {
      if (closing) return fail({ code: 'markup-br-closed' });
      if (!NESTING.br.includes(top.tag)) return fail({ code: 'markup-cannot-stand', tag, parent: top.tag });
      top.children.push({ kind: 'element', tag, children: [] });
      continue;
    }
    if (selfClosing) return fail({ code: 'markup-self-closing', tag });
    if (closing) {
      if (top.tag !== tag)
        return fail(top.tag === 'root' ? { code: 'markup-closes-nothing', tag } : { code: 'markup-closes-other', tag, open: top.tag });
      stack.pop();
      continue;
    }
    if (!NESTING[tag].includes(top.tag))
      return fail(top.tag === 'root' ? { code: 'markup-cannot-stand-top', tag } : { code: 'markup-cannot-stand', tag, parent: top.tag });
    const element: MarkupNode = { kind: 'element', tag, children: [] };
    top.children.push(element);
    stack.push({ tag, children: element.children });
  }
  const tail = source.slice(last);
  if (tail.includes('<')) return fail({ code: 'markup-unclosed-lt' });
  const textError = pushText(tail);
  if (textError) return fail(textError);
  if (stack.length > 1) return fail({ code: 'markup-never-closed', tag: stack[stack.length - 1]!.tag });
  return { ok: true, nodes: root };
}
