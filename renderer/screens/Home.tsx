import { useTranslation } from 'react-i18next';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';

/** The first screen: the exhibit's title and what a visitor can open. */
export function Home() {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const { exhibit, baseUrl } = content;
  return (
    <main className="home">
      <header className="home-header">
        <Text as="h1" className="home-title" map={exhibit.title} />
        {exhibit.subtitle && <Text as="p" className="home-subtitle" map={exhibit.subtitle} />}
      </header>
      <section className="home-sections" aria-labelledby="home-sections-heading">
        <h2 id="home-sections-heading" className="home-heading">
          {t('home.sections')}
        </h2>
        <ul className="section-tiles">
          {exhibit.sections.map((section, index) => (
            <li key={section.id} className="section-tile">
              {section.cover && <img className="section-cover" src={`${baseUrl}${section.cover}`} alt="" draggable={false} />}
              <span className="section-number" aria-hidden="true">
                {String(index + 1).padStart(2, '0')}
              </span>
              <Text as="h3" className="section-title" map={section.title} />
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
