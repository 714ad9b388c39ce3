import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Text } from '../components/Text.tsx';
import { useExhibit } from '../content/ContentContext.tsx';
import { Panel } from '../panels/Panel.tsx';
import { useSession } from '../session/SessionContext.tsx';

/** A section read as a column of panels, scrolled by finger or by large page buttons. */
export function SectionScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { content } = useExhibit();
  const { dispatch } = useSession();
  const scroller = useRef<HTMLDivElement>(null);
  const sections = content.exhibit.sections;
  const index = sections.findIndex((s) => s.id === id);
  const section = sections[index];
  if (!section) return null;
  const next = sections[index + 1];
  const page = (direction: 1 | -1) => {
    const el = scroller.current;
    if (el) el.scrollBy({ top: direction * el.clientHeight * 0.8, behavior: 'smooth' });
  };
  return (
    <main className="section-screen" data-section={section.id}>
      <header className="section-header">
        <span className="section-index" aria-hidden="true">
          {String(index + 1).padStart(2, '0')}
        </span>
        <Text as="h1" className="section-heading" map={section.title} id="section-heading" role="heading" />
        {section.summary && <Text as="p" className="section-summary" map={section.summary} role="body" />}
      </header>
      <div className="section-panels" ref={scroller} data-scroll="section" tabIndex={0} role="region" aria-labelledby="section-heading">
        {section.panels.map((panel) => (
          <Panel key={panel.id} panel={panel} />
        ))}
        {next && (
          <button
            type="button"
            className="next-section"
            onClick={() => dispatch({ type: 'open', screen: { kind: 'section', id: next.id } })}
          >
            <span className="next-label">{t('section.next')}</span>
            <Text className="next-title" map={next.title} role="heading" />
          </button>
        )}
      </div>
      <div className="page-buttons" role="group" aria-label={t('section.paging')}>
        <button type="button" className="round-button" aria-label={t('section.pageUp')} onClick={() => page(-1)}>
          <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
            <path d="M5 15l7-7 7 7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <button type="button" className="round-button" aria-label={t('section.pageDown')} onClick={() => page(1)}>
          <svg viewBox="0 0 24 24" aria-hidden="true" className="icon">
            <path d="M5 9l7 7 7-7" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
    </main>
  );
}
