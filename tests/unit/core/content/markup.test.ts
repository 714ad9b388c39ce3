import { describe, expect, it } from 'vitest';
import { parseMarkup } from '../../../../core/content/markup.ts';

describe('rich text markup', () => {
  it('parses paragraphs, emphasis and lists into a tree', () => {
    const result = parseMarkup('<p>The <em>DT-54</em> &amp; the <strong>东方红</strong>.</p><ul><li>one</li><li>two<br>lines</li></ul>');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.nodes).toHaveLength(2);
    expect(result.nodes[0]).toEqual({
      kind: 'element',
      tag: 'p',
      children: [
        { kind: 'text', text: 'The ' },
        { kind: 'element', tag: 'em', children: [{ kind: 'text', text: 'DT-54' }] },
        { kind: 'text', text: ' & the ' },
        { kind: 'element', tag: 'strong', children: [{ kind: 'text', text: '东方红' }] },
        { kind: 'text', text: '.' },
      ],
    });
  });

  it.each([
    ['<script>alert(1)</script>', /<script> is not allowed/],
    ['<p onclick="x()">hi</p>', /has attributes/],
    ['<img src=x onerror=alert(1)>', /not allowed/],
    ['<a href="https://example.com">x</a>', /not allowed/],
    ['<p>unclosed', /never closed/],
    ['<p>one</em></p>', /closes nothing open/],
    ['<li>loose</li>', /cannot stand inside the top level/],
    ['<ul>text</ul>', /must be in an <li>/],
    ['<p><p>nested</p></p>', /cannot stand inside <p>/],
    ['a < b', /not allowed|never closed/],
    ['&lt;ok&gt; but &copy;', /entity "&copy;" is not allowed/],
    ['<style>p{}</style>', /<style> is not allowed/],
    ['<!-- comment -->', /not allowed/],
    ['<SCRIPT>x</SCRIPT>', /not allowed/],
  ])('refuses %s', (source, message) => {
    const result = parseMarkup(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
