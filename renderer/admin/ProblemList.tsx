import { useTranslation } from 'react-i18next';
import type { ProblemView } from '../../core/contract.ts';
import { UNTRANSLATED_LANGUAGE } from '../../core/content/languages.ts';
import type { Language } from '../../core/content/schema.ts';
import { resources } from '../i18n.ts';
import { describePlace } from './describe-place.ts';
import { sayMessage, sayProblem } from './say-message.ts';

/**
 * A package's problems, each led by its file and its place in the staff's words; then what is
 * wrong, in the staff's language when it has a code (the import's or the validator's), else in
 * the validator's English.
 */
export function ProblemList({ problems, language }: { problems: readonly ProblemView[]; language: Language }) {
  const { t } = useTranslation();
  const strings = resources[language].common.admin.place;
  return (
    <ul className="admin-problems">
      {problems.map((p, i) => (
        <li key={i} className="admin-problem">
          <span className="admin-problem-where">
            <span className="admin-problem-file" lang={UNTRANSLATED_LANGUAGE}>
              {p.file}
            </span>
            {p.path.length > 0 && <span className="admin-problem-place"> · {describePlace(p.path, strings)}</span>}
          </span>
          {p.finding ? (
            <span className="admin-problem-message">{sayMessage(p.finding, t, language)}</span>
          ) : p.issue ? (
            <span className="admin-problem-message">{sayProblem(p.issue, t, language)}</span>
          ) : (
            <span className="admin-problem-message" lang={UNTRANSLATED_LANGUAGE}>
              {p.message}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
