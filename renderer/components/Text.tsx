import type { ElementType } from 'react';
import { pickText, shownLanguage } from '../../core/content/lang.ts';
import type { LangMap } from '../../core/content/schema.ts';
import { useExhibit } from '../content/ContentContext.tsx';
import { useHyphenate } from '../typography/hyphenation.ts';

interface TextProps {
  map: LangMap | undefined;
  as?: ElementType;
  className?: string;
  id?: string;
}

/** Exhibit text in the session language (IIIF fallback), with `lang` set to what is shown. */
export function Text({ map, as: Tag = 'span', className, id }: TextProps) {
  const { content, language } = useExhibit();
  const fallback = content.exhibit.languages.default;
  const lang = shownLanguage(map, language, fallback);
  const hyphenate = useHyphenate(lang);
  return (
    <Tag className={className} lang={lang} id={id}>
      {hyphenate(pickText(map, language, fallback))}
    </Tag>
  );
}
