import type { Panel as PanelData } from '../../core/content/schema.ts';
import { Credit } from '../components/Credit.tsx';
import { RichText } from '../components/RichText.tsx';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

/** One panel of a section: text, picture, quote, timeline or sources. */
export function Panel({ panel }: { panel: PanelData }) {
  const { content } = useExhibit();
  switch (panel.type) {
    case 'text':
      return (
        <article className="panel panel-text" data-panel={panel.id}>
          {panel.title && <Text as="h2" className="panel-title" map={panel.title} role="heading" />}
          <RichText className="rich-text" map={panel.body} role="body" />
        </article>
      );
    case 'picture':
      return (
        <figure className="panel panel-picture" data-panel={panel.id}>
          {panel.title && <Text as="h2" className="panel-title" map={panel.title} role="heading" />}
          <img src={`${content.baseUrl}${panel.picture.src}`} alt="" draggable={false} />
          <Text as="span" className="visually-hidden" map={panel.picture.alt} role="body" />
          <figcaption>
            {panel.picture.caption && <Text as="p" className="caption" map={panel.picture.caption} role="body" />}
            <Credit picture={panel.picture} />
          </figcaption>
        </figure>
      );
    case 'quote':
      return (
        <figure className="panel panel-quote" data-panel={panel.id}>
          <blockquote>
            <Text as="p" map={panel.text} role="heading" />
          </blockquote>
          <figcaption>
            <Text map={panel.attribution} role="name" />
          </figcaption>
        </figure>
      );
    case 'timeline':
      return (
        <section className="panel panel-timeline" data-panel={panel.id}>
          {panel.title && <Text as="h2" className="panel-title" map={panel.title} role="heading" />}
          <ol className="timeline">
            {panel.entries.map((entry, i) => (
              <li key={i}>
                <span className="timeline-date">{entry.date}</span>
                <div>
                  <Text as="p" className="timeline-title" map={entry.title} role="heading" />
                  {entry.text && <Text as="p" className="timeline-text" map={entry.text} role="body" />}
                </div>
              </li>
            ))}
          </ol>
        </section>
      );
    case 'sources':
      return (
        <section className="panel panel-sources" data-panel={panel.id}>
          {panel.title && <Text as="h2" className="panel-title" map={panel.title} role="heading" />}
          <ol className="sources">
            {panel.items.map((item, i) => (
              <li key={i}>
                <Text as="p" map={item.citation} role="body" />
                {item.note && <Text as="p" className="source-note" map={item.note} role="body" />}
              </li>
            ))}
          </ol>
        </section>
      );
  }
}
