import { Fragment, type ReactNode } from 'react';
import { parseMarkup, type MarkupNode } from '../../core/content/markup.ts';
import { pickStrings, shownLanguage } from '../../core/content/lang.ts';
import type { LangMap, Language } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';
import { useHyphenate } from '../typography/hyphenation.ts';
import { renderPieces } from '../typography/render-pieces.tsx';
import { prepareText, type PrepareOptions, type TextRole } from '../../core/content/typesetting.ts';

type Prepare = (text: string, paragraphEnd: boolean) => ReactNode;

function render(nodes: MarkupNode[], prepare: Prepare): ReactNode {
  return nodes.map((node, i) => {
    // A text ends a line of the paragraph where nothing follows it in its element, or a <br> does.
    const next = nodes[i + 1];
    if (node.kind === 'text')
      return <Fragment key={i}>{prepare(node.text, !next || (next.kind !== 'text' && next.tag === 'br'))}</Fragment>;
    const Tag = node.tag;
    return Tag === 'br' ? <br key={i} /> : <Tag key={i}>{render(node.children, prepare)}</Tag>;
  });
}

/** Rich text from the package, built as elements from the parsed markup (never as HTML), set for its role. */
export function RichText({ map, className, role = 'body' }: { map: LangMap; className?: string; role?: TextRole }) {
  const { content, language } = useExhibit();
  const fallback = content.exhibit.languages.default;
  const lang = shownLanguage(map, language, fallback);
  const hyphenate = useHyphenate(lang);
  const typesetIn: Language = lang ?? language;
  const options: PrepareOptions = { hyphenate };
  const prepare: Prepare = (text, paragraphEnd) => renderPieces(prepareText(text, typesetIn, role, { ...options, paragraphEnd }));
  return (
    <div className={className} lang={lang} data-typeset={role}>
      {pickStrings(map, language, fallback).map((source, i) => {
        const parsed = parseMarkup(source);
        return (
          <Fragment key={i}>{parsed.ok ? render(parsed.nodes, prepare) : <p>{prepare(source.replace(/<[^>]*>/g, ''), true)}</p>}</Fragment>
        );
      })}
    </div>
  );
}
