import { useTranslation } from 'react-i18next';
import { pickText } from '../../core/content/lang.ts';
import type { Exhibit, Picture, Video } from '../../core/content/schema.ts';
import { Credit } from '../components/Credit.tsx';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

interface Used<T = Picture> {
  picture: T;
  where: Exhibit['title'][];
}

/** Each item once by its file, with every place it is used in, in the order first met. */
function usedOnce<T extends { src: string }>() {
  const bySrc = new Map<string, Used<T>>();
  return {
    add(item: T, where: Exhibit['title']) {
      const used = bySrc.get(item.src) ?? { picture: item, where: [] };
      if (!used.where.includes(where)) used.where.push(where);
      bySrc.set(item.src, used);
    },
    list: (): Used<T>[] => [...bySrc.values()],
  };
}

/** Every picture of the exhibit once (those behind a panel's "more" too), with where it is used. */
function picturesOf(exhibit: Exhibit): Used[] {
  const pictures = usedOnce<Picture>();
  for (const section of exhibit.sections)
    for (const panel of section.panels) {
      if (panel.type === 'picture') pictures.add(panel.picture, section.title);
      for (const extra of panel.more?.pictures ?? []) pictures.add(extra, section.title);
    }
  for (const story of exhibit.stories)
    for (const slide of story.slides) {
      if (slide.picture) pictures.add(slide.picture, story.title);
      if (slide.compare) {
        pictures.add(slide.compare.before, story.title);
        pictures.add(slide.compare.after, story.title);
      }
    }
  return pictures.list();
}

/** Every film of the exhibit once, with where it is shown. */
function filmsOf(exhibit: Exhibit): Used<Video>[] {
  const films = usedOnce<Video>();
  for (const section of exhibit.sections)
    for (const panel of section.panels) if (panel.type === 'video') films.add(panel.video, section.title);
  for (const story of exhibit.stories) for (const slide of story.slides) if (slide.video) films.add(slide.video, story.title);
  return films.list();
}

/** Pictures and rights: every picture's credit and rights, and the font (the sources are the exhibit's own section). */
export function CreditsScreen() {
  const { t } = useTranslation();
  const { content, language } = useExhibit();
  const { exhibit, baseUrl } = content;
  const fallback = exhibit.languages.default;
  const films = filmsOf(exhibit);
  return (
    <main className="credits-screen">
      <header className="section-header">
        <h1 className="section-heading" id="credits-heading">
          {t('credits.title')}
        </h1>
        <p className="section-summary">{t('credits.software')}</p>
      </header>
      <div className="section-panels" data-scroll="credits" tabIndex={0} role="region" aria-labelledby="credits-heading">
        <section className="panel">
          <h2 className="panel-title">{t('credits.pictures')}</h2>
          <ul className="credit-list">
            {picturesOf(exhibit).map(({ picture, where }) => (
              <li key={picture.src}>
                <img src={`${baseUrl}${picture.src}`} alt="" draggable={false} />
                <div>
                  <Text as="p" className="credit-alt" map={picture.alt} role="body" />
                  <Credit picture={picture} />
                  <p className="credit-where">
                    {t('credits.usedIn', { where: where.map((w) => pickText(w, language, fallback)).join(' · ') })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
        {films.length > 0 && (
          <section className="panel">
            <h2 className="panel-title">{t('credits.films')}</h2>
            <ul className="credit-list">
              {films.map(({ picture: video, where }) => (
                <li key={video.src}>
                  <img src={`${baseUrl}${video.poster}`} alt="" draggable={false} />
                  <div>
                    <Text as="p" className="credit-alt" map={video.description} role="body" />
                    <Credit picture={video} kindLabel={t(`film.kind.${video.kind}`)} />
                    <p className="credit-where">
                      {t('credits.usedIn', { where: where.map((w) => pickText(w, language, fallback)).join(' · ') })}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
