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

/** Every picture of the exhibit once, with where it is used. */
function picturesOf(exhibit: Exhibit): Used[] {
  const bySrc = new Map<string, Used>();
  const add = (picture: Picture, where: Exhibit['title']) => {
    const used = bySrc.get(picture.src) ?? { picture, where: [] };
    if (!used.where.includes(where)) used.where.push(where);
    bySrc.set(picture.src, used);
  };
  for (const section of exhibit.sections)
    for (const panel of section.panels) if (panel.type === 'picture') add(panel.picture, section.title);
  for (const story of exhibit.stories)
    for (const slide of story.slides) {
      if (slide.picture) add(slide.picture, story.title);
      if (slide.compare) {
        add(slide.compare.before, story.title);
        add(slide.compare.after, story.title);
      }
    }
  return [...bySrc.values()];
}

/** Every film of the exhibit once, with where it is shown. */
function filmsOf(exhibit: Exhibit): Used<Video>[] {
  const bySrc = new Map<string, Used<Video>>();
  const add = (video: Video, where: Exhibit['title']) => {
    const used = bySrc.get(video.src) ?? { picture: video, where: [] };
    if (!used.where.includes(where)) used.where.push(where);
    bySrc.set(video.src, used);
  };
  for (const section of exhibit.sections) for (const panel of section.panels) if (panel.type === 'video') add(panel.video, section.title);
  for (const story of exhibit.stories) for (const slide of story.slides) if (slide.video) add(slide.video, story.title);
  return [...bySrc.values()];
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
