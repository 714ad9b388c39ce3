import type { ProblemView } from '../../core/contract.ts';
import type { Language } from '../../core/content/schema.ts';
import { resources } from '../i18n.ts';
import { describePlace } from './describe-place.ts';

/** A package's problems, each led by its file and its place in the staff's words; the message follows as the core wrote it. */
export function ProblemList({ problems, language }: { problems: readonly ProblemView[]; language: Language }) {
  const strings = resources[language].common.admin.place;
  return (
    <ul className="admin-problems">
      {problems.map((p, i) => (
        <li key={i} className="admin-problem">
          <span className="admin-problem-where">
            <span className="admin-problem-file" lang="en">
              {p.file}
            </span>
            {p.path.length > 0 && <span className="admin-problem-place"> · {describePlace(p.path, strings)}</span>}
          </span>
          <span className="admin-problem-message" lang="en">
            {p.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
