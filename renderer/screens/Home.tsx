import { useTranslation } from 'react-i18next';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { useSession } from '../session/SessionContext.tsx';

/** The first screen: the exhibit's title and everything a visitor can open, readable from two metres. */
export function Home() {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const { dispatch } = useSession();
  const { exhibit, baseUrl } = content;
  const firstPicture = (storyId: string) => {
    const first = exhibit.stories.find((s) => s.id === storyId)?.slides[0];
    return first?.picture?.src ?? first?.video?.poster;
  };
  const model = exhibit.models[0];
  return (
    <main className="home">
      <header className="home-header">
        <Text as="h1" className="home-title" map={exhibit.title} role="heading" />
        {exhibit.subtitle && <Text as="p" className="home-subtitle" map={exhibit.subtitle} role="heading" />}
        <p className="home-hint">{t('home.touchHint')}</p>
        {model && <img className="home-header-picture" src={`${baseUrl}${model.poster}`} alt="" draggable={false} />}
      </header>
      <section className="home-sections" aria-labelledby="home-sections-heading">
        <h2 id="home-sections-heading" className="home-heading">
          {t('home.sections')}
        </h2>
        <ul className="section-tiles">
          {exhibit.sections.map((section, index) => (
            <li key={section.id}>
              <button
                type="button"
                className="section-tile"
                data-section={section.id}
                onClick={() => dispatch({ type: 'open', screen: { kind: 'section', id: section.id } })}
              >
                {section.cover && <img className="tile-cover" src={`${baseUrl}${section.cover}`} alt="" draggable={false} />}
                <span className="section-number" aria-hidden="true">
                  {String(index + 1).padStart(2, '0')}
                </span>
                <Text className="tile-title" map={section.title} role="heading" />
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              className="section-tile credits-tile"
              onClick={() => dispatch({ type: 'open', screen: { kind: 'credits' } })}
            >
              <span className="section-number" aria-hidden="true">
                ✦
              </span>
              <span className="tile-title">{t('home.credits')}</span>
            </button>
          </li>
        </ul>
      </section>
      <section className="home-features" aria-labelledby="home-stories-heading">
        <h2 id="home-stories-heading" className="home-heading">
          {t('home.stories')}
        </h2>
        <ul className="story-cards">
          {exhibit.models.map((m) => (
            <li key={m.id} className="model-card-item">
              <button
                type="button"
                className="story-card model-card"
                data-model={m.id}
                onClick={() => dispatch({ type: 'open', screen: { kind: 'model', id: m.id } })}
              >
                <img className="card-picture" src={`${baseUrl}${m.poster}`} alt="" draggable={false} />
                <span className="card-text">
                  <span className="card-badge">3D</span>
                  <Text className="card-title" map={m.title} role="heading" />
                  <span className="card-meta">{t('home.modelHint')}</span>
                </span>
              </button>
            </li>
          ))}
          {exhibit.stories.map((story) => {
            const cover = story.cover ?? firstPicture(story.id);
            return (
              <li key={story.id}>
                <button
                  type="button"
                  className="story-card"
                  data-story={story.id}
                  onClick={() => dispatch({ type: 'open', screen: { kind: 'story', id: story.id } })}
                >
                  {cover && <img className="card-picture" src={`${baseUrl}${cover}`} alt="" draggable={false} />}
                  <span className="card-text">
                    <Text className="card-title" map={story.title} role="heading" />
                    <span className="card-meta">{t('home.slides', { count: story.slides.length })}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </main>
  );
}
