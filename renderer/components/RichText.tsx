import { Fragment, type ReactNode } from 'react';
import { parseMarkup, type MarkupNode } from '../../core/content/markup.ts';
import { pickStrings, shownLanguage } from '../../core/content/lang.ts';
import type { LangMap } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';
import { useHyphenate } from '../typography/hyphenation.ts';

function render(nodes: MarkupNode[], hyphenate: (text: string) => string): ReactNode {
  return nodes.map((node, i) => {
    if (node.kind === 'text') return <Fragment key={i}>{hyphenate(node.text)}</Fragment>;
    const Tag = node.tag;
    return Tag === 'br' ? <br key={i} /> : <Tag key={i}>{render(node.children, hyphenate)}</Tag>;
  });
}

/** Rich text from the package, built as elements from the parsed markup (never as HTML). */
export function RichText({ map, className }: { map: LangMap; className?: string }) {
  const { content, language } = useExhibit();
  const fallback = content.exhibit.languages.default;
  const lang = shownLanguage(map, language, fallback);
  const hyphenate = useHyphenate(lang);
  return (
    <div className={className} lang={lang}>
      {pickStrings(map, language, fallback).map((source, i) => {
        const parsed = parseMarkup(source);
        return <Fragment key={i}>{parsed.ok ? render(parsed.nodes, hyphenate) : <p>{source.replace(/<[^>]*>/g, '')}</p>}</Fragment>;
      })}
    </div>
  );
}
