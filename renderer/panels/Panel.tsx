import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Panel as PanelData } from '../../core/content/schema.ts';
import { Credit } from '../components/Credit.tsx';
import { RichText } from '../components/RichText.tsx';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { Narration } from '../media/Narration.tsx';
import { VideoPlayer } from '../media/VideoPlayer.tsx';
import { useSession } from '../session/SessionContext.tsx';
import { More } from './More.tsx';

/** What any panel may carry below its own content: narration, the "more" layer, the 3D objects it mentions. */
function Extras({ panel }: { panel: PanelData }) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const { dispatch } = useSession();
  const models = (panel.models ?? []).map((id) => content.exhibit.models.find((m) => m.id === id)).filter((m) => m !== undefined);
  if (!panel.narration && !panel.more && models.length === 0) return null;
  return (
    <div className="panel-extras">
      <Narration narration={panel.narration} />
      {panel.more && <More more={panel.more} panelId={panel.id} />}
      {models.map((model) => (
        <button
          key={model.id}
          type="button"
          className="panel-model-link"
          data-model={model.id}
          onClick={() => dispatch({ type: 'open', screen: { kind: 'model', id: model.id } })}
        >
          <img src={`${content.baseUrl}${model.poster}`} alt="" draggable={false} />
          <span>
            <span className="card-badge">3D</span> {t('panel.explore3d')}
            <Text className="panel-model-title" map={model.title} role="heading" />
          </span>
        </button>
      ))}
    </div>
  );
}

/** One panel of a section: text, picture, film, quote, timeline or sources, with what it carries besides. */
export function Panel({ panel }: { panel: PanelData }) {
  return <PanelBody panel={panel} extras={<Extras panel={panel} />} />;
}

function PanelBody({ panel, extras }: { panel: PanelData; extras: ReactNode }) {
  const { content } = useExhibit();
  switch (panel.type) {
    case 'text':
      return (
        <article className="panel panel-text" data-panel={panel.id}>
          {panel.title && <Text as="h2" className="panel-title" map={panel.title} role="heading" />}
          <RichText className="rich-text" map={panel.body} role="body" />
          {extras}
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
          {extras}
        </figure>
      );
    case 'video':
      return (
        <section className="panel panel-video" data-panel={panel.id}>
          {panel.title && <Text as="h2" className="panel-title" map={panel.title} role="heading" />}
          <VideoPlayer video={panel.video} />
          {extras}
        </section>
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
          {extras}
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
          {extras}
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
          {extras}
        </section>
      );
  }
}
