import type { ElementType } from 'react';
import { pickText, shownLanguage } from '../../core/content/lang.ts';
import type { LangMap } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';
import { useHyphenate } from '../typography/hyphenation.ts';
import { renderPieces } from '../typography/render-pieces.tsx';
import { prepareText, type TextRole } from '../../core/content/typesetting.ts';

interface TextProps {
  map: LangMap | undefined;
  as?: ElementType;
  className?: string;
  id?: string;
  /** What the text is: only `body` text is hyphenated; the default is a heading's typesetting. */
  role?: TextRole;
}

/** Exhibit text in the session language (IIIF fallback), with `lang` set to what is shown, set for its role. */
export function Text({ map, as: Tag = 'span', className, id, role = 'heading' }: TextProps) {
  const { content, language } = useExhibit();
  const fallback = content.exhibit.languages.default;
  const lang = shownLanguage(map, language, fallback);
  const hyphenate = useHyphenate(lang);
  return (
    <Tag className={className} lang={lang} id={id} data-typeset={role}>
      {renderPieces(prepareText(pickText(map, language, fallback), lang ?? language, role, { hyphenate }))}
    </Tag>
  );
}
